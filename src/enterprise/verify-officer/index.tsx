import { ComingSoon } from '@/components/ComingSoon'

/** 核验执法人员 — placeholder until this page is built. */
export default function EnterpriseVerifyOfficer() {
  return <ComingSoon title='核验执法人员' />
}
