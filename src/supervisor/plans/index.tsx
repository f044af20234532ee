import { ComingSoon } from '@/components/ComingSoon'

/** 检查计划 — placeholder until this page is built. */
export default function SupervisorPlans() {
  return <ComingSoon title='检查计划' />
}
