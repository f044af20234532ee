import { ComingSoon } from '@/components/ComingSoon'

/** 名册管理 — placeholder until this page is built. */
export default function SupervisorRoster() {
  return <ComingSoon title='名册管理' />
}
