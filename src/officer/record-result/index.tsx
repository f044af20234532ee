import { useEffect, useMemo, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { Outcome, Output } from '@contract'
import { recordResult } from '@/services/inspection/record-result'
import { leniencyLists } from '@/services/inspection/leniency'
import { ChoiceList } from '@/components/ChoiceList'
import { DateField } from '@/components/DateField'
import { TextAreaField } from '@/components/TextAreaField'
import { ErrorBox } from '@/components/ErrorBox'
import { PageShell } from '@/components/PageShell'
import { SubmitButton } from '@/components/SubmitButton'
import { Verdict } from '@/components/Verdict'
import { OUTCOME_LABELS } from '@/lib/labels'
import { rectifyByBounds } from '@/lib/date-bounds'
import { fieldOfError } from '@/lib/field-error'
import { param, ratingUrl } from '../lib/urls'
import { useRuleWords } from '@/hooks/useRuleWords'
import { useServerDay } from '@/hooks/useServerDay'

const OUTCOMES = (Object.keys(OUTCOME_LABELS) as Outcome[]).map((k) => ({ key: k, ...OUTCOME_LABELS[k] }))

/** 录入检查结果: outcome, findings, a rectification deadline when ordering rectification; then the rating code. */
export default function RecordResult() {
  const words = useRuleWords()
  const day = useServerDay()
  const router = useRouter()
  const id = param(router.params.id)
  const company = param(router.params.company)
  const officers = Number(router.params.n ?? '2')
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [findings, setFindings] = useState('')
  const [rectifyBy, setRectifyBy] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<{ code: string; message: string; field?: string } | null>(null)
  const [lists, setLists] = useState<Output<'inspection', 'leniency'> | null>(null)
  const [itemId, setItemId] = useState<string | null>(null)
  const [showLists, setShowLists] = useState(false)

  // The leniency lists at hand (rule 20): loaded once, shown on demand and for `no_penalty`.
  useEffect(() => {
    void leniencyLists({}).then((res) => res.ok && setLists(res.data))
  }, [])
  const items = useMemo(
    () => (lists?.lists ?? []).flatMap((l) => l.items.map((i) => ({ key: i.id, title: i.title, detail: `${l.field} · ${i.basis}` }))),
    [lists],
  )

  const submit = async () => {
    if (busy) return
    const missing = [
      !outcome && '检查结论',
      !findings.trim() && '检查情况',
      outcome === 'rectify' && !rectifyBy && '整改期限',
      outcome === 'no_penalty' && !itemId && '所依据的清单事项',
    ].filter(Boolean)
    if (missing.length === 1 && outcome === 'rectify' && !rectifyBy) return setError({ code: 'MISSING', message: '请选择整改期限', field: 'rectifyBy' })
    if (missing.length) return setError({ code: 'MISSING', message: `请填写${missing.join('、')}` })
    setBusy(true)
    setError(null)
    const res = await recordResult({
      inspectionId: id,
      outcome: outcome!,
      findings: findings.trim(),
      ...(outcome === 'rectify' ? { rectifyBy } : {}),
      ...(outcome === 'no_penalty' && itemId ? { leniencyItemId: itemId } : {}),
    })
    setBusy(false)
    if (res.ok) return void Taro.redirectTo({ url: ratingUrl(id, company) })
    setError({ code: res.error.code, message: res.error.message, field: fieldOfError(res.error) ?? undefined })
  }

  // A refusal that names a field shown here is said next to it; any other below the form.
  const beside = error?.field === 'findings' || (error?.field === 'rectifyBy' && outcome === 'rectify' && day) ? error.field : null

  if (!id) {
    return (
      <PageShell id='page-record-result' title='录入检查结果'>
        <ErrorBox message='没有指定检查，请从“我的检查”中选择。' />
      </PageShell>
    )
  }

  return (
    <PageShell id='page-record-result' title='录入检查结果' subtitle={company || undefined}>
      {words && officers < words.minOfficers ? (
        <Verdict
          id='need-two-hint'
          tone='quiet'
          title={`目前只有 ${officers} 名执法人员`}
          detail={`${words.teamRequired}。请同部门另一名执法人员扫描该企业码加入检查。`}
        />
      ) : null}

      <Text className='section-title'>检查结论</Text>
      <ChoiceList id='outcome-picker' idPrefix='outcome' choices={OUTCOMES} value={outcome} onChange={(k) => setOutcome(k as Outcome)} />

      {outcome === 'rectify' && day ? (
        <DateField
          id='input-rectify-by'
          label='整改期限'
          value={rectifyBy}
          onChange={(d) => {
            setRectifyBy(d)
            if (error?.field === 'rectifyBy') setError(null)
          }}
          bounds={day.rules ? rectifyByBounds(day.today, day.rules) : {}}
          today={day.today}
          placeholder='请选择整改期限'
          format={(label) => `${label}前`}
          error={beside === 'rectifyBy' ? error?.message : undefined}
          errorId='rectify-by-error'
        />
      ) : null}

      {outcome === 'no_penalty' ? (
        <View className='form-block' id='leniency-section'>
          <Text className='form-label'>依据的不予处罚清单事项</Text>
          <ChoiceList id='leniency-picker' idPrefix='leniency' choices={items} value={itemId} onChange={setItemId} />
        </View>
      ) : (
        <Text className='link-btn' id='btn-show-leniency' onClick={() => setShowLists(!showLists)}>
          {showLists ? '收起不予处罚清单' : '查看轻微违法不予处罚清单'}
        </Text>
      )}
      {showLists && outcome !== 'no_penalty' ? (
        <View className='card' id='leniency-lists'>
          {(lists?.lists ?? []).map((l) => (
            <View key={l.id} className='leniency-list'>
              <Text className='card-title'>{l.title}</Text>
              {l.items.map((i) => (
                <Text key={i.id} className='note'>
                  {i.title}（{i.basis}）
                </Text>
              ))}
            </View>
          ))}
        </View>
      ) : null}

      <TextAreaField
        id='input-findings'
        label='检查情况'
        value={findings}
        onChange={setFindings}
        maxlength={2000}
        placeholder='检查了哪些事项、发现什么问题（未发现问题也请简要记录）'
        error={beside === 'findings' ? error?.message : undefined}
        errorId='findings-error'
      />

      {error && !beside ? (
        <View>
          <ErrorBox message={error.message} />
          {error.code === 'NEED_TWO_OFFICERS' ? (
            <Text className='note note--bad' id='need-two'>
              依据《行政处罚法》第四十二条，执法人员不得少于两人。请同部门另一名执法人员扫描该企业码加入后，再录入结果。
            </Text>
          ) : null}
        </View>
      ) : null}

      <SubmitButton id='btn-record' large label='提交结果并生成评价码' busy={busy} onClick={() => void submit()} />
      <Text className='hint hint--footer'>提交后结果不可修改；更正须另行登记。</Text>
    </PageShell>
  )
}
