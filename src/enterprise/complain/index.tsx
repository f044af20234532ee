import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ComplaintCategory, Output } from '@contract'
import { complain } from '@/services/enterprise/complain'
import { inspectionNotice } from '@/services/enterprise/inspection'
import { companyOverview } from '@/services/enterprise/overview'
import { askToSubscribe } from '@/services/subscribe'
import { ChoiceList } from '@/components/ChoiceList'
import { ErrorBox } from '@/components/ErrorBox'
import { FormField } from '@/components/FormField'
import { LongText } from '@/components/LongText'
import { PageShell } from '@/components/PageShell'
import { SubmitButton } from '@/components/SubmitButton'
import { SuccessView } from '@/components/SuccessView'
import { COMPLAINT_CATEGORIES } from '@/lib/labels'
import { chinaLongDateTime, chinaMonthDay } from '@/lib/china-time'
import { useRuleWords } from '@/hooks/useRuleWords'
import '../lib/enterprise.css'
import './index.css'

const MIN_CONTENT = 5
const MAX_CONTENT = 2000
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/

type About = Output<'enterprise', 'inspection'>['inspection']

/** 投诉举报: about one inspection or enforcement in general, optionally anonymous; handled by supervisors only. */
export default function Complain() {
  const words = useRuleWords()
  const router = useRouter()
  const [inspectionId, setInspectionId] = useState<string | undefined>(router.params.inspectionId || undefined)
  const [about, setAbout] = useState<About | null>(null)
  const [category, setCategory] = useState<ComplaintCategory | null>(null)
  const [content, setContent] = useState('')
  const [anonymous, setAnonymous] = useState(false)
  const [phone, setPhone] = useState('')
  const [company, setCompany] = useState<{ name: string; inPark: boolean; quietApplies: boolean } | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [done, setDone] = useState<Output<'enterprise', 'complain'>['complaint'] | null>(null)

  useEffect(() => {
    // Name the inspection the complaint is about (from the list, the notice or a bad rating).
    if (inspectionId) void inspectionNotice(inspectionId).then((res) => res.ok && setAbout(res.data.inspection))
    // The categories that fit this company: the quiet period only where it protects the company.
    void companyOverview().then((res) => {
      if (res.ok) setCompany({ name: res.data.company.name, inPark: res.data.company.inPark, quietApplies: res.data.quiet.appliesToCompany })
    })
  }, [])

  const categories = COMPLAINT_CATEGORIES.filter((c) => c.key !== 'quiet_period_violation' || !company || company.quietApplies)

  const submit = async () => {
    if (!category) return setError('请选择投诉类别')
    if (content.trim().length < MIN_CONTENT) return setError(`请填写投诉内容（至少${MIN_CONTENT}个字），说明时间、人员和经过`)
    const tel = anonymous ? '' : phone.trim()
    if (tel && !PHONE.test(tel)) return setError('联系电话请填写手机号或带区号的固定电话，或留空')
    // Asked during the tap (WeChat requires it): the progress of this complaint by WeChat message.
    void askToSubscribe(['complaint_update'])
    setBusy(true)
    setError('')
    const res = await complain({ category, content: content.trim(), anonymous, ...(tel ? { phone: tel } : {}), ...(inspectionId ? { inspectionId } : {}) })
    setBusy(false)
    if (!res.ok) return setError(res.error.message)
    setDone(res.data.complaint)
  }

  if (done) {
    return (
      <PageShell id='page-complain'>
        <SuccessView
          id='complain-done'
          title='投诉已提交'
          detail={`监督部门将在${words?.complaintDue ?? '规定期限'}内答复，截止${chinaMonthDay(done.dueAt)}。${done.anonymous ? '本投诉为匿名投诉。' : ''}`}
        />
        <Button
          id='btn-my-complaints'
          className='btn btn--ghost complain-done__more'
          hoverClass='btn--hover'
          onClick={() => Taro.redirectTo({ url: '/enterprise/complaints/index' })}
        >
          查看我的投诉
        </Button>
      </PageShell>
    )
  }

  return (
    <PageShell id='page-complain' title='投诉举报' subtitle='对执法检查中的不规范行为，可向执法监督部门（司法局）投诉举报。'>
      {inspectionId ? (
        <View className='card complain-about' id='complain-about'>
          <Text className='complain-about__label'>投诉的检查</Text>
          <Text className='complain-about__title' id='complain-about-title'>
            {about ? `${chinaLongDateTime(about.checkInAt)} · ${about.departments.map((d) => d.name).join('、')}` : '所选的一次检查'}
          </Text>
          {about ? <Text className='note'>执法人员：{about.officers.map((o) => o.name).join('、')}</Text> : null}
          <Text id='btn-general' className='complain-about__change' onClick={() => setInspectionId(undefined)}>
            改为一般投诉（不针对某次检查）
          </Text>
        </View>
      ) : null}

      <Text className='section-title'>投诉类别</Text>
      <ChoiceList
        id='category-picker'
        idPrefix='category'
        choices={categories}
        value={category}
        onChange={(k) => {
          setCategory(k as ComplaintCategory)
          setError('')
        }}
      />

      <Text className='section-title'>投诉内容</Text>
      <LongText id='input-content' value={content} onChange={setContent} maxlength={MAX_CONTENT} placeholder='请说明时间、执法单位或人员、事情经过' />

      <View id='switch-anonymous' className={`toggle${anonymous ? ' toggle--on' : ''}`} hoverClass='toggle--hover' onClick={() => setAnonymous(!anonymous)}>
        <View className='toggle__text'>
          <Text className='toggle__title'>匿名投诉</Text>
          <Text className='toggle__state'>{anonymous ? '已开启' : '未开启'}</Text>
        </View>
        <View className='toggle__track'>
          <View className='toggle__knob' />
        </View>
      </View>
      <Text className='privacy' id='anonymous-explain'>
        {anonymous
          ? `匿名投诉：监督部门看不到您的姓名和电话，但能看到投诉来自${company?.name ?? '贵企业'}及投诉内容；企业人员很少时，可能据此推断出投诉人。投诉进度仍会通知您本人。`
          : '实名投诉：监督部门能看到您的姓名和所留电话，以便核实和回访。'}
        被投诉的执法单位和执法人员任何情况下都看不到投诉内容和投诉人。
      </Text>
      {anonymous ? null : (
        <FormField
          id='input-phone'
          label='联系电话（选填）'
          value={phone}
          onChange={(v) => setPhone(v)}
          placeholder='便于监督部门回访核实'
          maxlength={20}
          type='number'
        />
      )}

      <View className='complain-submit'>
        {error ? <ErrorBox message={error} /> : null}
        <SubmitButton id='btn-complain' large label='提交投诉' busy={busy} onClick={() => void submit()} />
        <Text className='hint hint--footer'>{words?.complaintPromise ?? ''}</Text>
      </View>
    </PageShell>
  )
}
