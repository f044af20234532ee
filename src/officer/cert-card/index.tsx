import { ComingSoon } from '@/components/ComingSoon'

/** 电子执法证 — placeholder until this page is built. */
export default function OfficerCertCard() {
  return <ComingSoon title='电子执法证' />
}
