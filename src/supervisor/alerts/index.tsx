import { ComingSoon } from '@/components/ComingSoon'

/** 预警 — placeholder until this page is built. */
export default function SupervisorAlerts() {
  return <ComingSoon title='预警' />
}
