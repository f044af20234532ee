import { ComingSoon } from '@/components/ComingSoon'

/** 我的检查 — placeholder until this page is built. */
export default function OfficerMyInspections() {
  return <ComingSoon title='我的检查' />
}
