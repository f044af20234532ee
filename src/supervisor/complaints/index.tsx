import { ComingSoon } from '@/components/ComingSoon'

/** 投诉处理 — placeholder until this page is built. */
export default function SupervisorComplaints() {
  return <ComingSoon title='投诉处理' />
}
