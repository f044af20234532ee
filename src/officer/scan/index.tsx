import { ComingSoon } from '@/components/ComingSoon'

/** 扫码入企 — placeholder until this page is built. */
export default function OfficerScan() {
  return <ComingSoon title='扫码入企' />
}
