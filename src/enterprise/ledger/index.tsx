import { ComingSoon } from '@/components/ComingSoon'

/** 监测点台账 — placeholder until this page is built. */
export default function EnterpriseLedger() {
  return <ComingSoon title='监测点台账' />
}
