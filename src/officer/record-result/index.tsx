import { ComingSoon } from '@/components/ComingSoon'

/** 录入检查结果 — placeholder until this page is built. */
export default function OfficerRecordResult() {
  return <ComingSoon title='录入检查结果' />
}
