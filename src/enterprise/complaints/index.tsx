import { ComingSoon } from '@/components/ComingSoon'

/** 我的投诉 — placeholder until this page is built. */
export default function EnterpriseComplaints() {
  return <ComingSoon title='我的投诉' />
}
