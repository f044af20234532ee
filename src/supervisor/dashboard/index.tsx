import { ComingSoon } from '@/components/ComingSoon'

/** 监督看板 — placeholder until this page is built. */
export default function SupervisorDashboard() {
  return <ComingSoon title='监督看板' />
}
