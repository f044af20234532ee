import { ComingSoon } from '@/components/ComingSoon'

/** 评价码 — placeholder until this page is built. */
export default function OfficerRatingCode() {
  return <ComingSoon title='评价码' />
}
