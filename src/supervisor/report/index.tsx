import { ComingSoon } from '@/components/ComingSoon'

/** 月度通报 — placeholder until this page is built. */
export default function SupervisorReport() {
  return <ComingSoon title='月度通报' />
}
