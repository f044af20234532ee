import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { Output } from '@contract'
import { verifyOfficer } from '@/services/enterprise/verify-officer'
import { ErrorBox } from '@/components/ErrorBox'
import { FormField } from '@/components/FormField'
import { Loading } from '@/components/Loading'
import { PageShell } from '@/components/PageShell'
import { CERT_STATUS_LABELS } from '../lib/labels'
import { tokenFrom } from '../lib/scene'
import { chinaLongDateTime } from '../lib/time'
import '../lib/enterprise.css'
import './index.css'

type Verdict =
  | { kind: 'checked'; data: Output<'enterprise', 'verifyOfficer'>; at: number }
  | { kind: 'refused'; title: string; detail: string }

const REFUSALS: Record<string, { title: string; detail: string }> = {
  TOKEN_EXPIRED: { title: '二维码已过期，请执法人员刷新亮证码', detail: '亮证码5分钟内有效。请执法人员在“亮证”页面点“刷新二维码”后重新扫描。' },
  TOKEN_INVALID: { title: '无法识别的亮证码', detail: '这不是“企检码”的电子执法证二维码，或二维码已被篡改。请要求执法人员出示“企检码”中的亮证码。' },
  NOT_FOUND: { title: '查无此执法人员', detail: '系统中没有该二维码对应的执法人员，请拒绝其入企并向监督部门反映。' },
}

/** 核验执法人员: scan the officer's certificate card (camera only) and show whether the certificate is valid now. */
export default function VerifyOfficer() {
  const weapp = process.env.TARO_ENV === 'weapp'
  const router = useRouter()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [verdict, setVerdict] = useState<Verdict | null>(null)

  const verify = async (token: string | null) => {
    setError('')
    if (!token) return setError('没有识别到亮证码，请对准执法人员手机上的二维码重新扫描')
    setBusy(true)
    setVerdict(null)
    const res = await verifyOfficer({ token })
    setBusy(false)
    if (res.ok) return setVerdict({ kind: 'checked', data: res.data, at: Date.now() })
    const refusal = REFUSALS[res.error.code]
    if (refusal) return setVerdict({ kind: 'refused', ...refusal })
    setError(res.error.message)
  }

  const scan = async () => {
    setError('')
    try {
      // Camera only: a photo of someone else's card proves nothing about who is at the gate.
      const scanType = ['wxCode', 'qrCode'] as unknown as Array<keyof Taro.scanCode.ScanType>
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType })
      await verify(tokenFrom(res.path) ?? tokenFrom(res.result))
    } catch (e) {
      const msg = (e as { errMsg?: string })?.errMsg ?? ''
      if (!/cancel/.test(msg)) setError('无法打开相机扫码，请在微信设置中允许使用相机后重试')
    }
  }

  useEffect(() => {
    // Opened by scanning the card with WeChat itself: the code's scene is the token.
    const scene = router.params.scene
    if (scene) void verify(tokenFrom(scene))
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
        <View className='card'>
          <FormField
            id='input-token'
            label='亮证码链接或内容'
            value={text}
            onChange={setText}
            placeholder='粘贴扫码得到的链接'
            maxlength={300}
            hint='网页版无法调用微信扫码：请粘贴亮证码链接，或输入二维码内容。'
          />
          <Button id='btn-verify' className='btn' hoverClass='btn--hover' onClick={() => void verify(tokenFrom(text))}>
            核验
          </Button>
        </View>
      )}
      <View className='card verify-tips'>
        <Text className='card-title'>核验须知</Text>
        <Text className='note'>· 亮证码每5分钟自动刷新，截图或照片无法通过核验。</Text>
        <Text className='note'>· 证件无效、已暂扣或已吊销的人员不得从事执法检查，企业有权拒绝。</Text>
        <Text className='note'>· 发现冒充或无证执法，可通过“投诉举报”反映，监督部门将依法处理。</Text>
      </View>
    </PageShell>
  )
}

function Result({ verdict }: { verdict: Verdict }) {
  if (verdict.kind === 'refused') {
    return (
      <View id='verify-result' className='verdict verdict--bad'>
        <View className='verdict__icon'>
          <Text>!</Text>
        </View>
        <Text className='verdict__title' id='verify-title'>
          {verdict.title}
        </Text>
        <Text className='verdict__detail'>{verdict.detail}</Text>
      </View>
    )
  }
  const { valid, officer } = verdict.data
  const status = CERT_STATUS_LABELS[officer.status] ?? officer.status
  return (
    <View id='verify-result' className={`verify verify--${valid ? 'ok' : 'bad'}`}>
      <View className={`verdict verdict--${valid ? 'ok' : 'bad'} verify__head`}>
        <View className='verdict__icon'>
          <Text>{valid ? '✓' : '✕'}</Text>
        </View>
        <Text className='verdict__title' id='verify-title'>
          {valid ? '执法证有效' : `执法证无效：${status}`}
        </Text>
        <Text className='verdict__detail'>{valid ? '该人员为在册执法人员，证件状态正常。' : '该人员当前不具备执法资格，企业有权拒绝其入企检查。'}</Text>
      </View>
      <View className='card verify__card'>
        <Text className='verify__name' id='verify-name'>
          {officer.name}
        </Text>
        <View className='row'>
          <Text className='row__key'>执法单位</Text>
          <Text className='row__value' id='verify-dept'>
            {officer.department}
          </Text>
        </View>
        <View className='row'>
          <Text className='row__key'>执法证号</Text>
          <Text className='row__value' id='verify-cert-no'>
            {officer.certNo}
          </Text>
        </View>
        <View className='row'>
          <Text className='row__key'>证件状态</Text>
          <Text className={`row__value${valid ? ' verify__ok' : ' row__value--bad'}`} id='verify-status'>
            {status}
          </Text>
        </View>
        <View className='row'>
          <Text className='row__key'>核验时间</Text>
          <Text className='row__value'>{chinaLongDateTime(verdict.at)}</Text>
        </View>
      </View>
    </View>
  )
}
