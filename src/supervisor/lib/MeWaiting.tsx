import { ErrorBox } from '@/components/ErrorBox'
import { Loading } from '@/components/Loading'
import { PageShell } from '@/components/PageShell'
import type { MeState } from './me'

/** What a page shows until it knows who is looking: why that failed, or that it is loading. */
export function MeWaiting({ id, state }: { id: string; state: MeState }) {
  return <PageShell id={id}>{state.status === 'failed' ? <ErrorBox message={state.message} /> : <Loading />}</PageShell>
}
