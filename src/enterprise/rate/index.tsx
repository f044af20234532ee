import { useEffect, useState } from 'react'
import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { Output } from '@contract'
import { inspectionForRating } from '@/services/enterprise/inspection-for-rating'
import { rate } from '@/services/enterprise/rate'
import { ErrorBox } from '@/components/ErrorBox'
import { FormField } from '@/components/FormField'
import { Loading } from '@/components/Loading'
import { PageShell } from '@/components/PageShell'
import { OUTCOME_LABELS, RATING_TAGS, SCORE_LABELS, SCORES, sourceLabel } from '../lib/labels'
import { complainUrl, tokenFrom } from '../lib/scene'
import { chinaLongDateTime, longDate } from '../lib/time'
import '../lib/enterprise.css'
import './index.css'

type Summary = Output<'enterprise', 'inspectionForRating'>
type State =
  | { step: 'no-token' }
  | { step: 'loading' }
  | { step: 'stopped'; title: string; detail: string }
  | { step: 'rating'; summary: Summary }
  | { step: 'done'; summary: Summary; score: number }

/** Codes that end the rating, in words a business owner understands. */
const STOPS: Record<string, { title: string; detail: string }> = {
  ALREADY_RATED: { title: '本次检查已评价', detail: '每次检查只能评价一次，感谢您的反馈。如对检查有异议，可通过“投诉举报”反映。' },
  TOKEN_EXPIRED: { title: '评价码已过期', detail: '评价码自检查结果录入起7日内有效。如对本次检查有意见，可通过“投诉举报”反映。' },
  TOKEN_INVALID: { title: '无法识别的评价码', detail: '这不是“企检码”的评价码，或二维码已被篡改。请扫描执法人员手机上出示的评价码。' },
  FORBIDDEN: { title: '无法评价', detail: '只有被检查企业绑定的联系人才能评价本次检查。' },
}

const MAX_COMMENT = 500

/** 评价本次检查 (好差评): opened by the rating code; the inspection first, then 5 levels, tags and a comment. */
export default function Rate() {
  const router = useRouter()
  const weapp = process.env.TARO_ENV === 'weapp'
  const [token, setToken] = useState<string | null>(() => tokenFrom(router.params.scene))
  const [state, setState] = useState<State>(() => (tokenFrom(router.params.scene) ? { step: 'loading' } : { step: 'no-token' }))
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
      const stop = STOPS[res.error.code]
      if (stop) return setState({ step: 'stopped', ...stop })
      setState({ step: 'no-token' })
      return setError(res.error.message)
    }
    if (res.data.rated) return setState({ step: 'stopped', ...STOPS.ALREADY_RATED })
    setState({ step: 'rating', summary: res.data })
  }

  useEffect(() => {
    if (token) void load(token)
  }, [token])

  const open = (t: string | null) => {
    if (!t) return setError('没有识别到评价码，请对准执法人员手机上的评价码重新扫描')
    setToken(t)
  }

  const scan = async () => {
    try {
      const scanType = ['wxCode', 'qrCode'] as unknown as Array<keyof Taro.scanCode.ScanType>
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType })
      open(tokenFrom(res.path) ?? tokenFrom(res.result))
    } catch (e) {
      if (!/cancel/.test((e as { errMsg?: string })?.errMsg ?? '')) setError('无法打开相机扫码，请在微信设置中允许使用相机后重试')
    }
  }

  const toggleTag = (t: string) => setTags((cur) => (cur.includes(t) ? cur.filter((x) => x !== t) : [...cur, t]))

  const submit = async () => {
    if (state.step !== 'rating' || !token) return
    if (!score) return setError('请先选择满意程度')
    setBusy(true)
    setError('')
    const res = await rate({ token, score, tags: tags.length ? tags : undefined, comment: comment.trim() || undefined })
    setBusy(false)
    if (res.ok) return setState({ step: 'done', summary: state.summary, score })
    const stop = STOPS[res.error.code]
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
            <Button id='btn-open-rating' className='btn' hoverClass='btn--hover' onClick={() => open(tokenFrom(text))}>
              打开评价
            </Button>
          </View>
        )}
      </PageShell>
    )
  }

  if (state.step === 'stopped') {
    return (
      <PageShell id='page-rate'>
        <View id='rate-stopped' className='verdict verdict--info'>
          <Text className='verdict__title' id='rate-stopped-title'>
            {state.title}
          </Text>
          <Text className='verdict__detail'>{state.detail}</Text>
        </View>
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
    const bad = state.score <= 2
    return (
      <PageShell id='page-rate'>
        <View className='rate-done' id='rate-done'>
          <View className='rate-done__mark'>
            <Text>✓</Text>
          </View>
          <Text className='rate-done__title'>感谢您的评价</Text>
          <Text className='rate-done__score' id='rate-done-score'>
            {'★'.repeat(state.score)}
            {'☆'.repeat(5 - state.score)} {SCORE_LABELS[state.score]}
          </Text>
          <Text className='rate-done__detail'>
            {bad
              ? '您的差评已直接送达监督部门，将在15个工作日内跟进核实。执法单位只能看到汇总统计，看不到评价人。'
              : '评价结果用于执法单位考核，执法单位只能看到汇总统计，看不到评价人。'}
          </Text>
          {bad ? (
            <Button
              id='btn-complain'
              className='btn btn--danger'
              hoverClass='btn--hover'
              onClick={() => Taro.redirectTo({ url: complainUrl(state.summary.inspectionId) })}
            >
              我要投诉
            </Button>
          ) : null}
          <Button id='btn-home' className='btn' hoverClass='btn--hover' onClick={() => Taro.reLaunch({ url: '/pages/home/index' })}>
            返回首页
          </Button>
        </View>
      </PageShell>
    )
  }

  const s = state.summary
  return (
    <PageShell id='page-rate' title='评价本次检查' subtitle={`${s.companyName}，请对本次入企检查作出评价。`}>
      <View className='card' id='rating-summary'>
        <Text className='card-title'>检查情况</Text>
        <View className='row'>
          <Text className='row__key'>执法单位</Text>
          <Text className='row__value' id='summary-dept'>
            {s.department}
          </Text>
        </View>
        <View className='row'>
          <Text className='row__key'>执法人员</Text>
          <Text className='row__value' id='summary-officers'>
            {s.officerNames.join('、')}
          </Text>
        </View>
        <View className='row'>
          <Text className='row__key'>检查时间</Text>
          <Text className='row__value'>{chinaLongDateTime(s.time)}</Text>
        </View>
        <View className='row'>
          <Text className='row__key'>检查来源</Text>
          <Text className='row__value'>{sourceLabel(s)}</Text>
        </View>
        {s.basis ? (
          <View className='row row--stack'>
            <Text className='row__key'>检查依据</Text>
            <Text className='row__value' id='summary-basis'>
              {s.basis}
            </Text>
          </View>
        ) : null}
        {s.result ? (
          <View className='row row--stack'>
            <Text className='row__key'>检查结果</Text>
            <Text className='row__value' id='summary-result'>
              {OUTCOME_LABELS[s.result.outcome]}
              {s.result.rectifyBy ? `（整改期限：${longDate(s.result.rectifyBy)}）` : ''}：{s.result.findings}
            </Text>
          </View>
        ) : null}
      </View>

      <Text className='section-title'>您对本次检查满意吗？</Text>
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
        {[...RATING_TAGS.good, ...RATING_TAGS.bad].map((t, i) => (
          <Text
            key={t}
            id={`tag-${i + 1}`}
            className={`chip${tags.includes(t) ? ' chip--on' : ''}${RATING_TAGS.bad.includes(t) ? ' chip--bad' : ''}`}
            onClick={() => toggleTag(t)}
          >
            {t}
          </Text>
        ))}
      </View>

      <Text className='section-title'>
        意见建议<Text className='form-label__optional'>（选填）</Text>
      </Text>
      <Textarea
        id='input-comment'
        className='textarea'
        value={comment}
        maxlength={MAX_COMMENT}
        placeholder='可以写下您对本次检查的感受或建议'
        onInput={(e) => setComment(e.detail.value)}
      />
      <Text className='counter'>
        {comment.length}/{MAX_COMMENT}
      </Text>

      <Text className='privacy'>评价匿名汇总：执法单位只能看到统计结果，看不到是哪家企业、由谁评价。</Text>
      <View className='rate-submit'>
        {error ? <ErrorBox message={error} /> : null}
        <Button id='btn-rate' className={`btn btn--large${score ? '' : ' btn--disabled'}`} hoverClass='btn--hover' onClick={() => void (busy ? null : submit())}>
          {busy ? '正在提交…' : '提交评价'}
        </Button>
      </View>
    </PageShell>
  )
}
