import { ComingSoon } from '@/components/ComingSoon'

/** 投诉举报 — placeholder until this page is built. */
export default function EnterpriseComplain() {
  return <ComingSoon title='投诉举报' />
}
