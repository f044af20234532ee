import { useEffect, useRef, useState } from 'react'
import { View, Text, Textarea, Picker } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { InspectionSource } from '@contract'
import { backfillInspection } from '@/services/inspection/backfill'
import { newClientRequestId } from '@/services/inspection/request-id'
import { ChoiceList } from '@/components/ChoiceList'
import { ErrorBox } from '@/components/ErrorBox'
import { FormField } from '@/components/FormField'
import { PageShell } from '@/components/PageShell'
import { SubmitButton } from '@/components/SubmitButton'
import { CASE_SOURCES, SOURCE_LABELS } from '@/lib/labels'
import { whoami } from '@/services/account/whoami'
import { detailUrl, param } from '../lib/urls'

/** The form's fields an error can sit next to: the visit's time, the reason; anything else shows above the button. */
type ErrorField = 'checkInAt' | 'reason' | null

/** The field a refusal names (the first issue's path), if it is one of ours. */
function fieldOf(details: unknown): ErrorField {
  const path = (details as { issues?: Array<{ path?: unknown[] }> } | undefined)?.issues?.[0]?.path?.[0]
  return path === 'checkInAt' || path === 'reason' ? path : null
}

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
  const [error, setError] = useState<{ field: ErrorField; message: string } | null>(null)
  const errorAt = (field: ErrorField) => (error && error.field === field ? <ErrorBox message={error.message} /> : null)
  /** Shows the refusal next to its field and brings the field on screen (the button sits far below the time). */
  const refuse = (field: ErrorField, message: string) => {
    setError({ field, message })
    const selector = field === 'checkInAt' ? '#input-date' : field === 'reason' ? '#input-reason' : '#error'
    setTimeout(() => void Taro.pageScrollTo({ selector, duration: 200 }), 50)
  }
  const requestId = useRef(newClientRequestId())
  // The special cases of the settings (the same list the preview offers).
  const [categories, setCategories] = useState<Array<{ key: string; title: string }>>([])
  useEffect(() => {
    void whoami().then((res) => res.ok && setCategories(res.data.rules.quietPeriod.categories.map((c) => ({ key: c.key, title: c.label }))))
  }, [])

  const submit = async () => {
    if (busy) return
    const missing = [!date && '入企日期', !time && '入企时间', !reason.trim() && '未能扫码的原因'].filter(Boolean)
    if (missing.length) return refuse(!date || !time ? 'checkInAt' : 'reason', `请填写${missing.join('、')}`)
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
    refuse(fieldOf(res.error.details), res.error.message)
  }

  return (
    <PageShell id='page-backfill' title='补录入企检查' subtitle={company || undefined}>
      <Text className='note note--warn'>仅用于确实无法扫码的情形（无网络、企检码缺失、突发事件）。补录的检查按当天的规则核验，并由监督部门审核。</Text>
      <View className='form-block'>
        <Text className='form-label'>实际入企日期和时间</Text>
        <Picker mode='date' value={date} onChange={(e) => setDate(String(e.detail.value))}>
          <View id='input-date' className='picker-field'>
            <Text className={date ? '' : 'picker-field__placeholder'}>{date || '请选择日期'}</Text>
          </View>
        </Picker>
        <Picker mode='time' value={time} onChange={(e) => setTime(String(e.detail.value))}>
          <View id='input-time' className='picker-field'>
            <Text className={time ? '' : 'picker-field__placeholder'}>{time || '请选择时间'}</Text>
          </View>
        </Picker>
        {errorAt('checkInAt')}
      </View>
      <View className='form-block'>
        <Text className='form-label'>未能扫码的原因</Text>
        <Textarea
          id='input-reason'
          className='textarea'
          value={reason}
          maxlength={500}
          placeholder='例如：企业门口企检码被遮挡，现场无网络'
          onInput={(e) => setReason(e.detail.value)}
        />
        {errorAt('reason')}
      </View>
      <Text className='section-title'>检查来源</Text>
      <ChoiceList id='source-picker' idPrefix='source' choices={SOURCES} value={source} onChange={setSource} />
      {source && source !== 'plan' ? (
        <FormField id='input-source-ref' label='来源编号' hint='投诉、移送、预警或申请的编号' value={sourceRef} maxlength={40} onChange={setSourceRef} />
      ) : null}
      <Text className='section-title'>特殊情形（当天处于安静生产期的园区企业须选择）</Text>
      <ChoiceList id='exception-picker' idPrefix='exception' tone='warn' choices={categories} value={exception} onChange={setException} />
      {exception === 'other' ? (
        <Textarea
          id='input-exception-reason'
          className='textarea'
          value={exceptionReason}
          maxlength={500}
          placeholder='请写明确需现场检查的理由'
          onInput={(e) => setExceptionReason(e.detail.value)}
        />
      ) : null}
      {errorAt(null)}
      <SubmitButton id='btn-backfill' large label='提交补录' busy={busy} busyLabel='正在提交…' onClick={() => void submit()} />
    </PageShell>
  )
}
