import { ComingSoon } from '@/components/ComingSoon'

/** 入企登记 — placeholder until this page is built. */
export default function OfficerPreview() {
  return <ComingSoon title='入企登记' />
}
