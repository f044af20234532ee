import { useRef, useState } from 'react'
import { View, Text, Picker } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { InspectionSource } from '@contract'
import { backfillInspection } from '@/services/inspection/backfill'
import { newClientRequestId } from '@/services/inspection/request-id'
import { ChoiceList } from '@/components/ChoiceList'
import { DateField } from '@/components/DateField'
import { TextAreaField } from '@/components/TextAreaField'
import { ErrorBox } from '@/components/ErrorBox'
import { FormField } from '@/components/FormField'
import { PageShell } from '@/components/PageShell'
import { SubmitButton } from '@/components/SubmitButton'
import { CASE_SOURCES, SOURCE_LABELS } from '@/lib/labels'
import { backfillBounds, backfillTimeEnd } from '@/lib/date-bounds'
import { fieldOfError } from '@/lib/field-error'
import { useServerDay } from '@/hooks/useServerDay'
import { detailUrl, param } from '../lib/urls'

const SOURCES = [{ key: 'plan', title: '本部门检查计划' }, ...CASE_SOURCES.map((s) => ({ key: s, title: SOURCE_LABELS[s] }))]

/**
 * 补录: a visit the gate could not see (no network, code missing, an emergency), recorded
 * afterwards with when it really began and why it was not scanned. The server applies the
 * rules of that day and sends it to the supervisor for review.
 */
export default function Backfill() {
  const router = useRouter()
  const companyId = param(router.params.companyId)
  const company = param(router.params.company)
  const planId = param(router.params.planId)
  const [date, setDate] = useState('')
  const [time, setTime] = useState('')
  const [reason, setReason] = useState('')
  const [source, setSource] = useState<string | null>('plan')
  const [sourceRef, setSourceRef] = useState('')
  const [exception, setException] = useState<string | null>(null)
  const [exceptionReason, setExceptionReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<{ message: string; field?: string } | null>(null)
  const requestId = useRef(newClientRequestId())
  // The server's day bounds the date and time; the special cases come from the settings (the same list the preview offers).
  const day = useServerDay()
  const categories = (day?.rules?.quietPeriod.categories ?? []).map((c) => ({ key: c.key, title: c.label }))
  const timeEnd = day?.today && date ? backfillTimeEnd(date, day.today, day.time) : undefined

  const submit = async () => {
    if (busy) return
    const missing = [!date && '入企日期', !time && '入企时间', !reason.trim() && '未能扫码的原因'].filter(Boolean)
    if (missing.length) return setError({ message: `请填写${missing.join('、')}`, field: !date || !time ? 'checkInAt' : 'reason' })
    setBusy(true)
    setError(null)
    const res = await backfillInspection({
      companyId,
      clientRequestId: requestId.current,
      // The officer enters Beijing time.
      checkInAt: `${date}T${time}:00+08:00`,
      reason: reason.trim(),
      source: (source ?? 'plan') as InspectionSource,
      ...(source === 'plan' && planId ? { planId } : {}),
      ...(source !== 'plan' && sourceRef.trim() ? { sourceRef: sourceRef.trim() } : {}),
      ...(exception ? { exception: { category: exception, ...(exceptionReason.trim() ? { reason: exceptionReason.trim() } : {}) } } : {}),
    })
    setBusy(false)
    if (res.ok) return void Taro.redirectTo({ url: detailUrl(res.data.inspection.id) })
    if (res.error.code !== 'INTERNAL') requestId.current = newClientRequestId()
    setError({ message: res.error.message, field: fieldOfError(res.error) ?? undefined })
  }
  const beside = error?.field === 'checkInAt' || error?.field === 'reason' ? error.field : null

  return (
    <PageShell id='page-backfill' title='补录入企检查' subtitle={company || undefined}>
      <Text className='note note--warn'>仅用于确实无法扫码的情形（无网络、企检码缺失、突发事件）。补录的检查按当天的规则核验，并由监督部门审核。</Text>
      <View className='form-block'>
        <Text className='form-label'>实际入企日期和时间</Text>
        {day ? (
          <DateField
            id='input-date'
            bare
            value={date}
            onChange={(d) => {
              setDate(d)
              // A time later than now on today would be refused: choose it again.
              const end = backfillTimeEnd(d, day.today, day.time)
              if (end && time > end) setTime('')
            }}
            bounds={day.rules ? backfillBounds(day.today, day.rules) : {}}
            today={day.today}
          />
        ) : null}
        <Picker mode='time' value={time || timeEnd || '09:00'} end={timeEnd} onChange={(e) => setTime(String(e.detail.value))}>
          <View id='input-time' className='picker-field picker-field--next'>
            <Text className={time ? '' : 'picker-field__placeholder'}>{time ? `北京时间 ${time}` : '请选择时间'}</Text>
            <Text className='picker-field__arrow'>›</Text>
          </View>
        </Picker>
        {beside === 'checkInAt' ? <ErrorBox message={error!.message} id='checkin-at-error' /> : null}
      </View>
      <TextAreaField
        id='input-reason'
        label='未能扫码的原因'
        value={reason}
        onChange={setReason}
        placeholder='例如：企业门口企检码被遮挡，现场无网络'
        error={beside === 'reason' ? error!.message : undefined}
        errorId='reason-error'
      />
      <Text className='section-title'>检查来源</Text>
      <ChoiceList id='source-picker' idPrefix='source' choices={SOURCES} value={source} onChange={setSource} />
      {source && source !== 'plan' ? (
        <FormField id='input-source-ref' label='来源编号' hint='投诉、移送、预警或申请的编号' value={sourceRef} maxlength={40} onChange={setSourceRef} />
      ) : null}
      <Text className='section-title'>特殊情形（当天处于安静生产期的园区企业须选择）</Text>
      <ChoiceList id='exception-picker' idPrefix='exception' tone='warn' choices={categories} value={exception} onChange={setException} />
      {exception === 'other' ? (
        <TextAreaField id='input-exception-reason' value={exceptionReason} onChange={setExceptionReason} placeholder='请写明确需现场检查的理由' />
      ) : null}
      {error && !beside ? <ErrorBox message={error.message} /> : null}
      <SubmitButton id='btn-backfill' large label='提交补录' busy={busy} busyLabel='正在提交…' onClick={() => void submit()} />
    </PageShell>
  )
}
