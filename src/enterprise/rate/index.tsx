import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { Output } from '@contract'
import { inspectionForRating } from '@/services/enterprise/inspection-for-rating'
import { inspectionNotice } from '@/services/enterprise/inspection'
import { rate } from '@/services/enterprise/rate'
import { companyServiceVisits } from '@/services/enterprise/service-visits'
import { ErrorBox } from '@/components/ErrorBox'
import { FormField } from '@/components/FormField'
import { LongText } from '@/components/LongText'
import { Loading } from '@/components/Loading'
import { PageShell } from '@/components/PageShell'
import { SubmitButton } from '@/components/SubmitButton'
import { SuccessView } from '@/components/SuccessView'
import { InfoRow } from '@/components/InfoRow'
import { Verdict } from '@/components/Verdict'
import { OUTCOME_LABELS, SCORE_LABELS, SCORES, SERVICE_PURPOSE_LABELS, sourceLabel } from '@/lib/labels'
import { scanSceneWithCamera } from '@/lib/scan'
import { sceneFrom } from '@/lib/scene'
import { companyVisitsUrl, complainUrl } from '../lib/urls'
import type { CompanyServiceVisit } from '../inspections/ServiceVisits'
import { chinaLongDateTime, longDate } from '@/lib/china-time'
import { useRuleWords } from '@/hooks/useRuleWords'
import type { RuleWords } from '@rule-words'
import '../lib/enterprise.css'
import './index.css'

type Summary = Output<'enterprise', 'inspectionForRating'>
/** What is being rated: an inspection, or a service visit 入企服务 (rule 19: no result, a purpose instead). */
type Rated = { kind: 'inspection'; summary: Summary } | { kind: 'service'; visit: CompanyServiceVisit }
type State =
  | { step: 'no-token' }
  | { step: 'loading' }
  | { step: 'stopped'; title: string; detail: string }
  | { step: 'rating'; rated: Rated }
  | { step: 'done'; rated: Rated; score: number }

/** Codes that end the rating, in words a business owner understands (`what`: 检查 or 入企服务). */
const stopsOf = (words: RuleWords | null, what = '检查'): Record<string, { title: string; detail: string }> => ({
  ALREADY_RATED: { title: `本次${what}已评价`, detail: `每次${what}只能评价一次，感谢您的反馈。如有异议，可通过“投诉举报”反映。` },
  TOKEN_EXPIRED: { title: '评价码已过期', detail: `${words ? `${words.ratingCodeValid}。` : ''}如对本次检查有意见，可通过“投诉举报”反映。` },
  TOKEN_INVALID: { title: '无法识别的评价码', detail: '这不是“企检码”的评价码，或二维码已被篡改。请扫描执法人员手机上出示的评价码。' },
  FORBIDDEN: { title: '无法评价', detail: '只有被检查企业绑定的联系人才能评价本次检查。' },
})

const MAX_COMMENT = 500

/** The rating page's summary of an inspection opened from the company's list or a message (by id, no code). */
async function summaryById(
  inspectionId: string,
  words: RuleWords | null,
): Promise<{ ok: true; summary: Summary } | { ok: false; stop?: { title: string; detail: string }; message?: string }> {
  const res = await inspectionNotice(inspectionId)
  if (!res.ok) return { ok: false, stop: stopsOf(words)[res.error.code], message: res.error.message }
  const n = res.data.inspection
  if (n.rating.state === 'rated') return { ok: false, stop: stopsOf(words).ALREADY_RATED }
  if (!n.rating.canRate) {
    const detail = n.rating.rateUntil
      ? `本次检查的评价期已于 ${chinaLongDateTime(n.rating.rateUntil)} 结束。如对本次检查有意见，可通过“投诉举报”反映。`
      : '执法人员录入检查结果后才能评价，录入后您会收到消息。'
    return { ok: false, stop: { title: n.rating.rateUntil ? '评价期已过' : '尚未录入检查结果', detail } }
  }
  const basis = n.plan ? `检查计划“${n.plan.title}”（依据：${n.plan.basis}）` : n.specialCase ? `特殊情形：${n.specialCase.label}` : undefined
  const summary: Summary = {
    inspectionId: n.id,
    companyName: n.companyName,
    department: n.departments.map((d) => d.name).join('、'),
    officerNames: n.officers.map((o) => o.name),
    time: n.checkInAt,
    source: n.source,
    sourceLabel: n.sourceLabel,
    ...(basis ? { basis } : {}),
    ...(n.result
      ? { result: { outcome: n.result.outcome, findings: n.result.findings, ...(n.result.rectifyBy ? { rectifyBy: n.result.rectifyBy } : {}) } }
      : {}),
    ...(n.result ? { outcomeLabel: OUTCOME_LABELS[n.result.outcome].title } : {}),
    rated: false,
    // From the list there is no code: the rating period is what runs out.
    expiresAt: n.rating.rateUntil ?? 0,
  }
  return { ok: true, summary }
}

/** Pages of the company's service visits read to find one (newest first; a visit still rateable is recent). */
const MAX_VISIT_PAGES = 5

/** The service visit to rate, from the company's own list; stops when it is rated, its period is over, or it is not the company's. */
async function visitById(
  visitId: string,
  words: RuleWords | null,
): Promise<{ ok: true; visit: CompanyServiceVisit } | { ok: false; stop?: { title: string; detail: string }; message?: string }> {
  let cursor: string | undefined
  for (let page = 0; page < MAX_VISIT_PAGES; page++) {
    const res = await companyServiceVisits(cursor ? { cursor } : {})
    if (!res.ok) return { ok: false, message: res.error.message }
    const v = res.data.items.find((x) => x.id === visitId)
    if (v) {
      if (v.rating.state === 'rated') return { ok: false, stop: stopsOf(words, '入企服务').ALREADY_RATED }
      if (!v.rating.canRate)
        return {
          ok: false,
          stop: { title: '评价期已过', detail: `本次入企服务的评价期已于 ${chinaLongDateTime(v.rating.rateUntil)} 结束。如有意见，可通过“投诉举报”反映。` },
        }
      return { ok: true, visit: v }
    }
    // Older than the oldest rateable visit, or no more pages: not there to rate.
    const last = res.data.items[res.data.items.length - 1]
    if (!res.data.cursor || (last && last.rating.state !== 'rated' && !last.rating.canRate)) break
    cursor = res.data.cursor
  }
  return { ok: false, stop: { title: '没有找到这次入企服务', detail: '只能评价到贵企业的入企服务。请从“检查记录”的“入企服务”中选择。' } }
}

/** What is being rated, as a card: who came and when, then the inspection's source, basis and result, or the service visit's purpose (rule 19: no result). */
function RatedCard({ rated }: { rated: Rated }) {
  const service = rated.kind === 'service'
  const who = service
    ? { dept: rated.visit.deptName, officers: rated.visit.officerNames, at: rated.visit.at }
    : { dept: rated.summary.department, officers: rated.summary.officerNames, at: rated.summary.time }
  return (
    <View className='card' id='rating-summary'>
      <Text className='card-title'>{service ? '入企服务情况' : '检查情况'}</Text>
      <InfoRow label='执法单位' id='summary-dept'>
        {who.dept}
      </InfoRow>
      <InfoRow label='执法人员' id='summary-officers'>
        {who.officers.join('、')}
      </InfoRow>
      <InfoRow label={service ? '服务时间' : '检查时间'}>{chinaLongDateTime(who.at)}</InfoRow>
      {rated.kind === 'service' ? <VisitRows v={rated.visit} /> : <InspectionRows s={rated.summary} />}
    </View>
  )
}

function InspectionRows({ s }: { s: Summary }) {
  return (
    <View>
      <InfoRow label='检查来源'>{sourceLabel(s)}</InfoRow>
      {s.basis ? (
        <InfoRow label='检查依据' id='summary-basis' stack>
          {s.basis}
        </InfoRow>
      ) : null}
      {s.result ? (
        <InfoRow label='检查结果' id='summary-result' stack>
          {OUTCOME_LABELS[s.result.outcome].title}
          {s.result.rectifyBy ? `（整改期限：${longDate(s.result.rectifyBy)}）` : ''}：{s.result.findings}
        </InfoRow>
      ) : null}
    </View>
  )
}

function VisitRows({ v }: { v: CompanyServiceVisit }) {
  return (
    <View>
      <InfoRow label='服务内容' id='summary-purpose' stack>
        {SERVICE_PURPOSE_LABELS[v.purpose]}
        {v.note ? `：${v.note}` : ''}
      </InfoRow>
      <InfoRow label='评价期限'>{chinaLongDateTime(v.rating.rateUntil)} 前</InfoRow>
    </View>
  )
}

/** Optional rating tags: what went well first, then what did not. */
const RATING_TAGS = { good: ['文明执法', '程序规范', '耐心解答', '主动亮证'], bad: ['态度生硬', '与检查无关的要求', '未亮证', '检查时间过长'] }
/** …and for a service visit, which helps rather than checks. */
const SERVICE_TAGS = { good: ['讲解清楚', '切实解决问题', '耐心解答', '主动亮证'], bad: ['态度生硬', '流于形式', '未亮证', '与服务无关的要求'] }

/**
 * 评价本次检查 (好差评): opened by the rating code, or from the company's list or a message
 * (`inspectionId`, within the rating period after the result); the inspection first, then
 * 5 levels, tags and a comment.
 */
export default function Rate() {
  const router = useRouter()
  const words = useRuleWords()
  const weapp = process.env.TARO_ENV === 'weapp'
  const byId = router.params.inspectionId ? decodeURIComponent(router.params.inspectionId) : null
  const visitId = router.params.visitId ? decodeURIComponent(router.params.visitId) : null
  const [token, setToken] = useState<string | null>(() => sceneFrom(router.params.scene))
  const [state, setState] = useState<State>(() => (byId || visitId || sceneFrom(router.params.scene) ? { step: 'loading' } : { step: 'no-token' }))
  const [score, setScore] = useState<number | null>(null)
  const [tags, setTags] = useState<string[]>([])
  const [comment, setComment] = useState('')
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const load = async (t: string) => {
    setState({ step: 'loading' })
    setError('')
    const res = await inspectionForRating({ token: t })
    if (!res.ok) {
      const stop = stopsOf(words)[res.error.code]
      if (stop) return setState({ step: 'stopped', ...stop })
      setState({ step: 'no-token' })
      return setError(res.error.message)
    }
    if (res.data.rated) return setState({ step: 'stopped', ...stopsOf(words).ALREADY_RATED })
    setState({ step: 'rating', rated: { kind: 'inspection', summary: res.data } })
  }

  useEffect(() => {
    if (token) void load(token)
  }, [token])

  /** Opened from the company's list (no code): what to rate, or why it cannot be rated. */
  const loadFromList = async () => {
    const got = visitId
      ? await visitById(visitId, words).then((v) => (v.ok ? { ok: true as const, rated: { kind: 'service' as const, visit: v.visit } } : v))
      : await summaryById(byId!, words).then((v) => (v.ok ? { ok: true as const, rated: { kind: 'inspection' as const, summary: v.summary } } : v))
    if (got.ok) return setState({ step: 'rating', rated: got.rated })
    if (got.stop) return setState({ step: 'stopped', ...got.stop })
    setState({ step: 'no-token' })
    setError(got.message ?? '')
  }

  useEffect(() => {
    if (byId || visitId) void loadFromList()
  }, [byId, visitId])

  const open = (t: string | null) => {
    if (!t) return setError('没有识别到评价码，请对准执法人员手机上的评价码重新扫描')
    setToken(t)
  }

  const scan = async () => {
    const got = await scanSceneWithCamera()
    if (got.kind === 'failed') setError(got.message)
    else if (got.kind === 'scanned') open(got.scene)
  }

  const toggleTag = (t: string) => setTags((cur) => (cur.includes(t) ? cur.filter((x) => x !== t) : [...cur, t]))

  const submit = async () => {
    if (state.step !== 'rating' || (!token && !byId && !visitId)) return
    if (!score) return setError('请先选择满意程度')
    setBusy(true)
    setError('')
    const what = { score, tags: tags.length ? tags : undefined, comment: comment.trim() || undefined }
    const res = await rate(visitId ? { visitId, ...what } : byId ? { inspectionId: byId, ...what } : { token: token!, ...what })
    setBusy(false)
    if (res.ok) return setState({ step: 'done', rated: state.rated, score })
    const stop = stopsOf(words, state.rated.kind === 'service' ? '入企服务' : '检查')[res.error.code]
    if (stop) return setState({ step: 'stopped', ...stop })
    setError(res.error.message)
  }

  if (state.step === 'loading') {
    return (
      <PageShell id='page-rate'>
        <Loading text='正在读取检查信息…' />
      </PageShell>
    )
  }

  if (state.step === 'no-token') {
    return (
      <PageShell id='page-rate' title='评价本次检查' subtitle='检查结束后，执法人员会出示“评价码”。扫码即可对本次检查作出评价。'>
        {error ? <ErrorBox message={error} /> : null}
        {weapp ? (
          <Button id='btn-scan' className='btn btn--large' hoverClass='btn--hover' onClick={() => void scan()}>
            扫描评价码
          </Button>
        ) : (
          <View className='card'>
            <FormField id='input-token' label='评价码链接或内容' value={text} onChange={setText} placeholder='粘贴扫码得到的链接' maxlength={300} />
            <Button id='btn-open-rating' className='btn' hoverClass='btn--hover' onClick={() => open(sceneFrom(text))}>
              打开评价
            </Button>
          </View>
        )}
        <Text className='note'>检查结果录入后，也可以在“检查记录”或消息中直接评价，不必当面扫码。</Text>
        <Button id='btn-open-list' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => Taro.redirectTo({ url: companyVisitsUrl() })}>
          从检查记录中评价
        </Button>
      </PageShell>
    )
  }

  if (state.step === 'stopped') {
    return (
      <PageShell id='page-rate'>
        <Verdict id='rate-stopped' tone='info' titleId='rate-stopped-title' title={state.title} detail={state.detail} />
        <Button id='btn-complain' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => Taro.redirectTo({ url: complainUrl() })}>
          投诉举报
        </Button>
        <Button id='btn-home' className='btn' hoverClass='btn--hover' onClick={() => Taro.reLaunch({ url: '/pages/home/index' })}>
          返回首页
        </Button>
      </PageShell>
    )
  }

  if (state.step === 'done') {
    const bad = words?.isBad(state.score) ?? false
    return (
      <PageShell id='page-rate'>
        <SuccessView
          id='rate-done'
          title='感谢您的评价'
          summary={
            <Text className='rate-done__score' id='rate-done-score'>
              {'★'.repeat(state.score)}
              {'☆'.repeat(5 - state.score)} {SCORE_LABELS[state.score]}
            </Text>
          }
          detail={
            bad
              ? `您的差评已直接送达监督部门，将在${words?.followUp ?? '规定期限'}内跟进核实。执法单位只能看到汇总统计，看不到评价人。`
              : '评价结果用于执法单位考核，执法单位只能看到汇总统计，看不到评价人。'
          }
        >
          {bad ? (
            <Button
              id='btn-complain'
              className='btn btn--danger'
              hoverClass='btn--hover'
              onClick={() => Taro.redirectTo({ url: complainUrl(state.rated.kind === 'inspection' ? state.rated.summary.inspectionId : undefined) })}
            >
              我要投诉
            </Button>
          ) : null}
          {state.rated.kind === 'service' ? (
            <Button
              id='btn-back-service'
              className='btn btn--ghost'
              hoverClass='btn--hover'
              onClick={() => Taro.redirectTo({ url: companyVisitsUrl('service') })}
            >
              返回入企服务记录
            </Button>
          ) : null}
        </SuccessView>
      </PageShell>
    )
  }

  const service = state.rated.kind === 'service'
  const tagSet = service ? SERVICE_TAGS : RATING_TAGS
  const companyName = state.rated.kind === 'service' ? state.rated.visit.companyName : state.rated.summary.companyName
  return (
    <PageShell
      id='page-rate'
      title={service ? '评价本次入企服务' : '评价本次检查'}
      subtitle={`${companyName}，请对本次${service ? '入企服务' : '入企检查'}作出评价。`}
    >
      <RatedCard rated={state.rated} />

      <Text className='section-title'>{service ? '您对本次入企服务满意吗？' : '您对本次检查满意吗？'}</Text>
      <View className='scores' id='scores'>
        {SCORES.map((o) => (
          <View
            key={o.score}
            id={`score-${o.score}`}
            className={`score${score === o.score ? ' score--on' : ''}${o.score <= 2 ? ' score--low' : ''}`}
            hoverClass='score--hover'
            onClick={() => {
              setScore(o.score)
              setError('')
            }}
          >
            <Text className='score__stars'>
              {'★'.repeat(o.score)}
              <Text className='score__stars-off'>{'★'.repeat(5 - o.score)}</Text>
            </Text>
            <Text className='score__label'>{o.label}</Text>
          </View>
        ))}
      </View>

      <Text className='section-title'>
        印象标签<Text className='form-label__optional'>（可多选，选填）</Text>
      </Text>
      <View className='chips' id='tags'>
        {[...tagSet.good, ...tagSet.bad].map((t, i) => (
          <Text
            key={t}
            id={`tag-${i + 1}`}
            className={`chip${tags.includes(t) ? ' chip--on' : ''}${tagSet.bad.includes(t) ? ' chip--bad' : ''}`}
            onClick={() => toggleTag(t)}
          >
            {t}
          </Text>
        ))}
      </View>

      <Text className='section-title'>
        意见建议<Text className='form-label__optional'>（选填）</Text>
      </Text>
      <LongText id='input-comment' value={comment} onChange={setComment} maxlength={MAX_COMMENT} placeholder='可以写下您对本次检查的感受或建议' />

      <Text className='privacy'>评价匿名汇总：执法单位只能看到统计结果，看不到是哪家企业、由谁评价。</Text>
      <View className='rate-submit'>
        {error ? <ErrorBox message={error} /> : null}
        <SubmitButton id='btn-rate' large label='提交评价' busy={busy} disabled={!score} onClick={() => void submit()} />
      </View>
    </PageShell>
  )
}
