import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { Output } from '@contract'
import { verifyOfficer } from '@/services/enterprise/verify-officer'
import { ErrorBox } from '@/components/ErrorBox'
import { ScenePaste } from '@/components/ScenePaste'
import { Loading } from '@/components/Loading'
import { PageShell } from '@/components/PageShell'
import { InfoRow } from '@/components/InfoRow'
import { Verdict } from '@/components/Verdict'
import { CERT_STATUS_LABELS } from '@/lib/labels'
import { scanSceneWithCamera } from '@/lib/scan'
import { codeKindOf, sceneFrom } from '@/lib/scene'
import { chinaLongDateTime } from '@/lib/china-time'
import { useRuleWords } from '@/hooks/useRuleWords'
import type { RuleWords } from '@rule-words'
import '../lib/enterprise.css'
import './index.css'

type Check = { kind: 'checked'; data: Output<'enterprise', 'verifyOfficer'>; at: number } | { kind: 'refused'; title: string; detail: string }

const refusalsOf = (words: RuleWords | null): Record<string, { title: string; detail: string }> => ({
  TOKEN_EXPIRED: {
    title: '二维码已过期，请执法人员刷新亮证码',
    detail: `${words ? `亮证码${words.certCardValid}内有效。` : ''}请执法人员在“亮证”页面点“刷新二维码”后重新扫描。`,
  },
  TOKEN_INVALID: { title: '无法识别的亮证码', detail: '这不是“企检码”的电子执法证二维码，或二维码已被篡改。请要求执法人员出示“企检码”中的亮证码。' },
  NOT_FOUND: { title: '查无此执法人员', detail: '系统中没有该二维码对应的执法人员，请拒绝其入企并向监督部门反映。' },
})

/** 核验执法人员: scan the officer's certificate card (camera only) and show whether the certificate is valid now. */
export default function VerifyOfficer() {
  const weapp = process.env.TARO_ENV === 'weapp'
  const router = useRouter()
  const words = useRuleWords()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [verdict, setVerdict] = useState<Check | null>(null)

  const verify = async (token: string | null) => {
    setError('')
    if (!token) return setError('没有识别到亮证码，请对准执法人员手机上的二维码重新扫描')
    // A rating code scanned here by mistake: open the rating it is for.
    if (codeKindOf(token) === 'rating') return void Taro.redirectTo({ url: `/enterprise/rate/index?scene=${encodeURIComponent(token)}` })
    setBusy(true)
    setVerdict(null)
    const res = await verifyOfficer({ token })
    setBusy(false)
    if (res.ok) return setVerdict({ kind: 'checked', data: res.data, at: Date.now() })
    const refusal = refusalsOf(words)[res.error.code]
    if (refusal) return setVerdict({ kind: 'refused', ...refusal })
    setError(res.error.message)
  }

  const scan = async () => {
    setError('')
    const got = await scanSceneWithCamera()
    if (got.kind === 'failed') setError(got.message)
    else if (got.kind === 'scanned') await verify(got.scene)
  }

  useEffect(() => {
    // Opened by scanning the card with WeChat itself: the code's scene is the token.
    const scene = router.params.scene
    if (scene) void verify(sceneFrom(scene))
  }, [])

  return (
    <PageShell id='page-verify-officer' title='核验执法人员' subtitle='执法人员入企检查时应主动出示执法证件。扫描其“亮证码”，核验身份与证件是否有效。'>
      {busy ? <Loading text='正在核验…' /> : null}
      {verdict ? <Result verdict={verdict} /> : null}
      {error ? <ErrorBox message={error} /> : null}
      {weapp ? (
        <Button id='btn-scan' className='btn btn--large' hoverClass='btn--hover' onClick={() => void scan()}>
          {verdict ? '核验下一位执法人员' : '扫描亮证码'}
        </Button>
      ) : (
        <ScenePaste
          inputId='input-token'
          label='亮证码链接或内容'
          placeholder='粘贴扫码得到的链接'
          hint='网页版无法调用微信扫码：请粘贴亮证码链接，或输入二维码内容。'
          buttonId='btn-verify'
          buttonLabel='核验'
          onScene={(scene) => void verify(scene)}
        />
      )}
      <View className='card verify-tips'>
        <Text className='card-title'>核验须知</Text>
        <Text className='note'>· {words ? `${words.certCardRefresh}，` : ''}截图或照片无法通过核验。</Text>
        <Text className='note'>· 证件无效、已暂扣或已吊销的人员不得从事执法检查，企业有权拒绝。</Text>
        <Text className='note'>· 发现冒充或无证执法，可通过“投诉举报”反映，监督部门将依法处理。</Text>
      </View>
    </PageShell>
  )
}

function Result({ verdict }: { verdict: Check }) {
  if (verdict.kind === 'refused') {
    return <Verdict id='verify-result' tone='bad' icon='!' titleId='verify-title' title={verdict.title} detail={verdict.detail} />
  }
  const { valid, officer } = verdict.data
  const status = CERT_STATUS_LABELS[officer.status]?.text ?? officer.status
  return (
    <View id='verify-result' className={`verify verify--${valid ? 'ok' : 'bad'}`}>
      <Verdict
        tone={valid ? 'ok' : 'bad'}
        className='verify__head'
        icon={valid ? '✓' : '✕'}
        titleId='verify-title'
        title={valid ? '执法证有效' : `执法证无效：${status}`}
        detail={valid ? '该人员为在册执法人员，证件状态正常。' : '该人员当前不具备执法资格，企业有权拒绝其入企检查。'}
      />
      <View className='card verify__card'>
        <Text className='verify__name' id='verify-name'>
          {officer.name}
        </Text>
        <InfoRow label='执法单位' id='verify-dept'>
          {officer.department}
        </InfoRow>
        <InfoRow label='执法证号' id='verify-cert-no'>
          {officer.certNo}
        </InfoRow>
        <InfoRow label='证件状态' id='verify-status' tone={valid ? 'ok' : 'bad'}>
          {status}
        </InfoRow>
        <InfoRow label='核验时间'>{chinaLongDateTime(verdict.at)}</InfoRow>
      </View>
    </View>
  )
}
