import { ComingSoon } from '@/components/ComingSoon'

/** 例外审核 — placeholder until this page is built. */
export default function SupervisorExceptions() {
  return <ComingSoon title='例外审核' />
}
