import { useEffect, useState } from 'react'
import { View, Text, Button, Picker } from '@tarojs/components'
import type { CertStatus, Department, Officer } from '@contract'
import { listDepartments } from '@/services/account/departments'
import { listOfficers } from '@/services/account/officers'
import { setCertStatus } from '@/services/account/set-cert-status'
import { confirmStep } from '@/lib/confirm'
import { upsertOfficer } from '@/services/account/upsert-officer'
import { ChoiceList } from '@/components/ChoiceList'
import { ErrorBox } from '@/components/ErrorBox'
import { FormField } from '@/components/FormField'
import { Loading } from '@/components/Loading'
import { StatusBadge } from '@/components/StatusBadge'
import { ROSTER_CERT_STATUS_LABELS } from '@/lib/labels'
import { chinaDateOf, chinaLongDate } from '@/lib/china-time'
import { CodeSheet } from './CodeSheet'

type Props = {
  /** A department admin is fixed to their department; others pick one. */
  fixedDeptId?: string
  canSetStatus: boolean
  canAdd: boolean
  today: string
}

const STATUS_CHOICES: { key: CertStatus; title: string; detail: string }[] = [
  { key: 'suspended', title: '暂停执法', detail: '暂停期间不能扫码入企、加入检查' },
  { key: 'revoked', title: '吊销执法证', detail: '不能再从事执法检查' },
  { key: 'valid', title: '恢复有效', detail: '解除暂停，恢复执法资格' },
]

function CertAction({ o, onDone }: { o: Officer; onDone: (o: Officer) => void }) {
  const [status, setStatus] = useState<CertStatus>(o.certStatus === 'valid' ? 'suspended' : 'valid')
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')
  const apply = async () => {
    if (!reason.trim()) return setError('请填写原因（记入审计日志）')
    setError('')
    const choice = STATUS_CHOICES.find((c) => c.key === status)!
    if (status !== 'valid' && !(await confirmStep(`确认${choice.title}？`, `${o.name}：${choice.detail}。`, '确认'))) return
    const res = await setCertStatus({ officerId: o.id, status, reason: reason.trim() })
    if (!res.ok) return setError(res.error.message)
    onDone(res.data.officer)
  }
  return (
    <View className='sv-panel' onClick={(e) => e.stopPropagation()}>
      <ChoiceList
        id='cert-status'
        idPrefix='cert'
        value={status}
        onChange={(k) => setStatus(k as CertStatus)}
        choices={STATUS_CHOICES.filter((c) => c.key !== o.certStatus)}
        tone={status === 'valid' ? 'normal' : 'warn'}
      />
      <FormField id='input-reason' label='原因' value={reason} onChange={setReason} placeholder='例如：涉嫌违规入企，暂停执法资格待查' maxlength={200} />
      {error ? <ErrorBox message={error} id='cert-error' /> : null}
      <Button id='btn-cert-apply' className={`btn${status === 'valid' ? '' : ' sv-btn--bad'}`} hoverClass='btn--hover' onClick={() => void apply()}>
        确认{STATUS_CHOICES.find((c) => c.key === status)?.title}
      </Button>
    </View>
  )
}

function AddOfficer({ deptId, deptName, onAdded }: { deptId: string; deptName: string; onAdded: (o: Officer, code: string | null) => void }) {
  const [name, setName] = useState('')
  const [certNo, setCertNo] = useState('')
  const [expires, setExpires] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const save = async () => {
    if (busy) return
    if (!name.trim() || !certNo.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(expires.trim())) return setError('请填写姓名、执法证号和有效期（YYYY-MM-DD）')
    setBusy(true)
    setError('')
    const res = await upsertOfficer({ deptId, name: name.trim(), certNo: certNo.trim(), certExpiresAt: expires.trim() })
    setBusy(false)
    if (!res.ok) return setError(res.error.message)
    onAdded(res.data.officer, res.data.bindCode)
  }
  return (
    <View className='card' id='officer-form'>
      <Text className='sv-section__title'>新增执法人员</Text>
      <Text className='sv-note'>所属部门：{deptName}</Text>
      <FormField id='input-officer-name' label='姓名' value={name} onChange={setName} maxlength={40} />
      <FormField id='input-officer-certNo' label='执法证号' value={certNo} onChange={setCertNo} maxlength={40} />
      <FormField id='input-officer-expires' label='执法证有效期至' value={expires} onChange={setExpires} placeholder='YYYY-MM-DD' maxlength={10} />
      {error ? <ErrorBox message={error} id='officer-error' /> : null}
      <Button id='btn-save-officer' className='btn' hoverClass='btn--hover' onClick={() => void save()}>
        {busy ? '正在保存…' : '保存并生成绑定码'}
      </Button>
    </View>
  )
}

/** 执法人员: certificates and their status, suspend/revoke/restore with a reason, new officers with a bind code. */
export function OfficersTab({ fixedDeptId, canSetStatus, canAdd, today }: Props) {
  const [depts, setDepts] = useState<Department[]>([])
  const [deptId, setDeptId] = useState<string | undefined>(fixedDeptId)
  const [items, setItems] = useState<Officer[] | null>(null)
  const [error, setError] = useState('')
  const [open, setOpen] = useState<string | null>(null)
  const [adding, setAdding] = useState(false)
  const [code, setCode] = useState<{ who: string; code: string } | null>(null)

  useEffect(() => {
    void listDepartments({}).then((res) => {
      if (!res.ok) return setError(res.error.message)
      setDepts(res.data.items)
      if (!deptId && res.data.items.length) setDeptId(res.data.items[0].id)
    })
    // The department list is loaded once; the picker changes deptId afterwards.
  }, [])

  useEffect(() => {
    if (!deptId) return
    setItems(null)
    void listOfficers({ deptId }).then((res) => (res.ok ? setItems(res.data.items) : setError(res.error.message)))
  }, [deptId])

  const idx = Math.max(
    0,
    depts.findIndex((d) => d.id === deptId),
  )
  const dept = depts.find((d) => d.id === deptId)
  return (
    <View id='roster-officers'>
      {fixedDeptId ? (
        <View className='sv-scope'>
          <Text>{dept?.name ?? '本单位'}</Text>
        </View>
      ) : (
        <Picker mode='selector' range={depts.map((d) => d.name)} value={idx} onChange={(e) => setDeptId(depts[Number(e.detail.value)]?.id)}>
          <View className='sv-scope' id='officer-dept-picker'>
            <Text>{dept?.name ?? '选择部门'}</Text>
            <Text className='sv-scope__more'>切换部门 ›</Text>
          </View>
        </Picker>
      )}
      {canAdd && deptId && !adding ? (
        <View className='sv-panel'>
          <Button id='btn-add-officer' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => setAdding(true)}>
            ＋ 新增执法人员
          </Button>
        </View>
      ) : null}
      {adding && deptId ? (
        <View className='sv-panel'>
          <AddOfficer
            deptId={deptId}
            deptName={dept?.name ?? ''}
            onAdded={(o, c) => {
              setAdding(false)
              setItems((prev) => [o, ...(prev ?? [])])
              if (c) setCode({ who: `${o.name}（执法证号 ${o.certNo}）`, code: c })
            }}
          />
        </View>
      ) : null}
      {error ? <ErrorBox message={error} /> : null}
      {items === null && !error ? <Loading /> : null}
      {items && items.length === 0 ? <Text className='sv-empty'>该部门还没有执法人员。</Text> : null}
      <View id='officer-list' className='sv-panel'>
        {items?.map((o) => {
          const expired = chinaDateOf(o.certExpiresAt) < today
          const s = ROSTER_CERT_STATUS_LABELS[expired && o.certStatus === 'valid' ? 'expired' : o.certStatus]
          return (
            <View
              key={o.id}
              className={`card sv-item${s.tone === 'ok' ? '' : ` sv-item--${s.tone}`} officer-item`}
              id={`officer-${o.id}`}
              onClick={() => canSetStatus && setOpen(o.id)}
            >
              <View className='sv-item__head'>
                <Text className='sv-item__title'>{o.name}</Text>
                <StatusBadge tone={s.tone} text={s.text} id={`cert-badge-${o.id}`} />
              </View>
              <Text className='sv-item__line'>执法证号 {o.certNo}</Text>
              <Text className='sv-item__meta'>
                有效期至 {chinaLongDate(o.certExpiresAt)} · {o.userId ? '已绑定微信' : '未绑定微信'}
              </Text>
              {o.certStatusReason && o.certStatus !== 'valid' ? <Text className='sv-item__meta'>原因：{o.certStatusReason}</Text> : null}
              {canSetStatus && open === o.id ? (
                <CertAction
                  o={o}
                  onDone={(u) => {
                    setItems((prev) => (prev ? prev.map((x) => (x.id === u.id ? u : x)) : prev))
                    setOpen(null)
                  }}
                />
              ) : null}
              {canSetStatus && open !== o.id ? <Text className='sv-item__meta sv-scope__more'>暂停 / 吊销 / 恢复 ›</Text> : null}
            </View>
          )
        })}
      </View>
      {code ? (
        <CodeSheet
          title='执法人员绑定码'
          who={code.who}
          code={code.code}
          note='请当面交给本人：在“企检码”小程序中输入执法证号、姓名和此绑定码完成绑定。绑定码仅能使用一次，关闭后不再显示。'
          onClose={() => setCode(null)}
        />
      ) : null}
    </View>
  )
}
