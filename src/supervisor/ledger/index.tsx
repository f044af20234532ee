import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { Output } from '@contract'
import { companyLedger } from '@/services/supervision/ledger'
import { ErrorBox } from '@/components/ErrorBox'
import { Loading } from '@/components/Loading'
import { MonthStepper } from '@/components/MonthStepper'
import { PageShell } from '@/components/PageShell'
import { MeWaiting } from '../lib/MeWaiting'
import { StatusBadge } from '@/components/StatusBadge'
import { lastDateOfMonthOf, longDate, monthOf } from '@/lib/china-time'
import { useMe } from '../lib/me'
import '../lib/supervisor.css'

type Ledger = Output<'supervision', 'ledger'>
type Entry = Ledger['items'][number]

const REVIEW: Record<NonNullable<Entry['unscannedReview']>, { text: string; tone: 'warn' | 'bad' | 'ok' }> = {
  open: { text: '未扫码 · 待核实', tone: 'warn' },
  confirmed: { text: '未扫码 · 已核实属实', tone: 'bad' },
  not_confirmed: { text: '未扫码 · 核实不属实', tone: 'ok' },
}

function EntryRow({ e }: { e: Entry }) {
  const review = e.unscanned ? REVIEW[e.unscannedReview ?? 'open'] : null
  return (
    <View className={`card sv-item${e.unscanned ? ' sv-item--bad' : ''} ledger-item`} id={`entry-${e.seq}`}>
      <View className='sv-item__head'>
        {review ? <StatusBadge tone={review.tone} text={review.text} /> : <StatusBadge tone='ok' text='扫码入企' />}
        <Text className='sv-item__meta'>第 {e.seq} 条</Text>
      </View>
      <Text className='sv-item__title'>
        {longDate(e.date)} · {e.deptName}
      </Text>
      <Text className='sv-item__line'>{e.officerNames.join('、')}</Text>
      <Text className='sv-item__meta'>
        {e.purpose}
        {e.source === 'manual' ? ' · 企业补记' : ''}
      </Text>
    </View>
  )
}

/** 监测点台账: a monitoring point's ledger month by month, whether its chain is intact, unscanned visits marked. */
export default function SupervisorLedger() {
  const router = useRouter()
  const companyId = router.params.companyId ?? ''
  const meState = useMe()
  const me = meState.status === 'ready' ? meState.me : null
  const [month, setMonth] = useState('')
  const [ledger, setLedger] = useState<Ledger | null>(null)
  const [error, setError] = useState('')
  useEffect(() => {
    if (me && !month) setMonth(monthOf(me.today.date))
  }, [me, month])
  useEffect(() => {
    if (!month) return
    setLedger(null)
    setError('')
    void companyLedger({ companyId, from: `${month}-01`, to: lastDateOfMonthOf(month) }).then((res) =>
      res.ok ? setLedger(res.data) : setError(res.error.message),
    )
  }, [companyId, month])

  if (meState.status === 'failed' || !me || !month) return <MeWaiting id='page-ledger' state={meState} />
  const items = [...(ledger?.items ?? [])].sort((a, b) => b.seq - a.seq)
  const unscanned = items.filter((e) => e.unscanned).length
  return (
    <PageShell id='page-ledger'>
      {ledger ? (
        <View className={`card sv-item ${ledger.chainOk ? '' : 'sv-item--bad'}`} id='ledger-head'>
          <Text className='sv-item__title'>{ledger.company.name}</Text>
          <Text className={`sv-item__line${ledger.chainOk ? '' : ' sv-note--bad'}`} id='chain-status'>
            {ledger.chainOk ? '台账完整：每条记录都与上一条环环相扣，未被改动或删除。' : '台账异常：记录链条断开，可能被改动或删除，请核查。'}
          </Text>
        </View>
      ) : null}
      <View className='sv-bar'>
        <MonthStepper id='month-picker' value={month} max={monthOf(me.today.date)} onChange={setMonth} />
      </View>
      {error ? <ErrorBox message={error} /> : null}
      {!ledger && !error ? <Loading /> : null}
      {ledger ? (
        <Text className='sv-note' id='ledger-summary'>
          本月 {items.length} 条记录{unscanned ? `，其中 ${unscanned} 条未扫码入企` : '，均为扫码入企'}。
        </Text>
      ) : null}
      {ledger && items.length === 0 ? (
        <Text className='sv-empty' id='empty'>
          本月没有入企记录。
        </Text>
      ) : null}
      <View id='ledger-list'>
        {items.map((e) => (
          <EntryRow key={e.id} e={e} />
        ))}
      </View>
    </PageShell>
  )
}
