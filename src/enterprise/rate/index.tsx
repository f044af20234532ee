import { ComingSoon } from '@/components/ComingSoon'

/** 评价本次检查 — placeholder until this page is built. */
export default function EnterpriseRate() {
  return <ComingSoon title='评价本次检查' />
}
