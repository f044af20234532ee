import { ComingSoon } from '@/components/ComingSoon'

/** 检查记录 — placeholder until this page is built. */
export default function EnterpriseInspections() {
  return <ComingSoon title='检查记录' />
}
