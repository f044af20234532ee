import { createElement, useState } from 'react'
import { View, Text, Button, Picker } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import type { Department, LedgerEntry, RuleSettings } from '@contract'
import { whoami } from '@/services/account/whoami'
import { addLedgerEntry } from '@/services/enterprise/add-ledger-entry'
import { listDepartments } from '@/services/account/departments'
import { exportLedger } from '@/services/enterprise/export-ledger'
import { ledger } from '@/services/enterprise/ledger'
import { DateField } from '@/components/DateField'
import { ErrorBox } from '@/components/ErrorBox'
import { FormField } from '@/components/FormField'
import { Loading } from '@/components/Loading'
import { PageShell } from '@/components/PageShell'
import { SubmitButton } from '@/components/SubmitButton'
import { TextAreaField } from '@/components/TextAreaField'
import { StatusBadge } from '@/components/StatusBadge'
import { Verdict } from '@/components/Verdict'
import { fileHref, openSpreadsheet } from '../lib/open-file'
import { longDate } from '@/lib/china-time'
import { ledgerEntryBounds, ledgerExportBounds, ledgerExportDefault, ledgerExportWithFrom } from '@/lib/date-bounds'
import { fieldOfError } from '@/lib/field-error'
import '../lib/enterprise.css'
import './index.css'

/** An entry as the ledger answers it: the linked inspection's result and rating ride along when there is one. */
type Entry = LedgerEntry & { outcomeLabel?: string; ratingScore?: number; visitOfficerNames?: string[] }
type Loaded =
  | { status: 'loading' }
  | { status: 'not-monitoring'; message: string }
  | { status: 'failed'; message: string }
  | { status: 'ready'; items: Entry[]; chainOk: boolean }
type Draft = { date: string; deptId?: string; deptName: string; manualDept: boolean; officers: string; purpose: string; note: string }

const emptyDraft = (today: string): Draft => ({ date: today, deptName: '', manualDept: false, officers: '', purpose: '', note: '' })
/** 张三、李四 / 张三,李四 / 张三 李四 → ['张三', '李四'] */
const splitNames = (s: string) =>
  s
    .split(/[、,，;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean)

/** 监测点台账: every visit to a monitoring-point company (scans written automatically, visits nobody scanned added here), verified and exported. */
export default function Ledger() {
  const h5 = process.env.TARO_ENV === 'h5'
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' })
  const [today, setToday] = useState('')
  const [rules, setRules] = useState<RuleSettings | null>(null)
  const [depts, setDepts] = useState<Department[]>([])
  const [draft, setDraft] = useState<Draft | null>(null)
  const [saved, setSaved] = useState<{ unscanned: boolean; matched: boolean } | null>(null)
  const [formError, setFormError] = useState<{ message: string; field?: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [range, setRange] = useState<{ from: string; to: string } | null>(null)
  const [exported, setExported] = useState<{ url?: string; fileID?: string } | null>(null)
  const [exportError, setExportError] = useState('')
  const [exporting, setExporting] = useState(false)

  const load = async () => {
    const [res, me] = await Promise.all([ledger({}), whoami()])
    const day = me.ok ? me.data.today.date : ''
    setToday(day)
    // The server sends parsed settings (defaults filled in): the answer's input type is wider than what it holds.
    if (me.ok) setRules(me.data.rules as RuleSettings)
    if (!res.ok) {
      // A company user refused the ledger: the company is not a monitoring point.
      if (res.error.code === 'FORBIDDEN' && me.ok && me.data.user?.companyId) return setLoaded({ status: 'not-monitoring', message: res.error.message })
      return setLoaded({ status: 'failed', message: res.error.message })
    }
    const items = ([...res.data.items] as Entry[]).sort((a, b) => b.seq - a.seq)
    setLoaded({ status: 'ready', items, chainOk: res.data.chainOk })
    const oldest = items.map((e) => e.date).sort()[0] ?? day
    setRange((cur) => cur ?? (day ? ledgerExportDefault(oldest, day) : null))
  }

  useDidShow(() => void load())

  const startAdd = async () => {
    setSaved(null)
    setFormError(null)
    setDraft(emptyDraft(today))
    if (!depts.length) {
      const res = await listDepartments({})
      if (res.ok) setDepts(res.data.items)
    }
  }

  /** A change to the form: the error shown for the earlier input no longer applies. */
  const edit = (patch: Partial<Draft>) => {
    setDraft((cur) => (cur ? { ...cur, ...patch } : cur))
    setFormError(null)
  }

  const save = async () => {
    if (!draft) return
    const officerNames = splitNames(draft.officers)
    const deptName = draft.deptName.trim()
    if (!draft.date) return setFormError({ message: '请选择来访日期', field: 'date' })
    if (!draft.deptId && !deptName) return setFormError({ message: '请选择或填写执法单位' })
    if (!officerNames.length) return setFormError({ message: '请填写执法人员姓名' })
    if (!draft.purpose.trim()) return setFormError({ message: '请填写检查事由' })
    // Entries can never be changed or removed (the chain): say so and ask first.
    const dept = draft.deptName || deptName
    const asked = await Taro.showModal({
      title: '确认保存到台账',
      content: `${longDate(draft.date)} · ${dept} · ${officerNames.join('、')}\n台账记录保存后不能修改或删除，请核对无误后保存。`,
      confirmText: '确认保存',
      cancelText: '再看看',
    })
    if (!asked.confirm) return
    setBusy(true)
    setFormError(null)
    const res = await addLedgerEntry({
      date: draft.date,
      ...(draft.deptId ? { deptId: draft.deptId } : { deptName }),
      officerNames,
      purpose: draft.purpose.trim(),
      ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
    })
    setBusy(false)
    if (!res.ok) return setFormError({ message: res.error.message, field: fieldOfError(res.error) === 'date' ? 'date' : undefined })
    setSaved({ unscanned: res.data.entry.unscanned, matched: !!res.data.entry.matchedInspectionId })
    setDraft(null)
    setExported(null)
    await load()
  }

  const doExport = async () => {
    if (!range) return
    setExporting(true)
    setExportError('')
    setExported(null)
    const res = await exportLedger(range)
    setExporting(false)
    if (!res.ok) return setExportError(res.error.message)
    setExported(res.data)
    if (!h5) {
      const problem = await openSpreadsheet(res.data)
      if (problem) setExportError(problem)
    }
  }

  if (loaded.status === 'loading') {
    return (
      <PageShell id='page-ledger'>
        <Loading />
      </PageShell>
    )
  }
  if (loaded.status === 'not-monitoring') {
    return (
      <PageShell id='page-ledger' title='监测点台账'>
        <View className='empty empty--left' id='ledger-not-monitoring'>
          <Text className='empty__title'>本企业不是营商环境监测点</Text>
          <Text className='empty__detail'>
            监测点台账仅适用于政府确定的营商环境监测点企业：执法人员每次扫码入企都会自动登记，企业也可补录未扫码的来访，供监督部门核查。
          </Text>
          <Text className='empty__detail'>贵企业接受的每一次检查，都可以在“检查记录”中查看、评价和投诉。</Text>
          <View className='empty__actions'>
            <Button id='btn-to-inspections' className='btn' hoverClass='btn--hover' onClick={() => Taro.navigateTo({ url: '/enterprise/inspections/index' })}>
              查看检查记录
            </Button>
          </View>
        </View>
      </PageShell>
    )
  }
  if (loaded.status === 'failed') {
    return (
      <PageShell id='page-ledger' title='监测点台账'>
        <ErrorBox message={loaded.message} />
      </PageShell>
    )
  }

  /** A line of the entry form bound to the draft's text `key`. */
  const draftField = (key: 'deptName' | 'officers' | 'purpose', id: string, label: string, placeholder: string, maxlength: number) => (
    <FormField id={id} label={label} value={draft?.[key] ?? ''} onChange={(v) => edit({ [key]: v })} placeholder={placeholder} maxlength={maxlength} />
  )
  const unscannedCount = loaded.items.filter((e) => e.unscanned).length
  const deptOptions = [...depts.map((d) => d.name), '其他单位（手动填写名称）']
  return (
    <PageShell id='page-ledger' title='监测点台账' subtitle='执法人员扫码入企自动登记；未扫码的来访请及时补录，监督部门会核查。'>
      <View id='chain-status' className={`chain chain--${loaded.chainOk ? 'ok' : 'bad'}`}>
        <Text className='chain__icon'>{loaded.chainOk ? '✓' : '!'}</Text>
        <View className='chain__body'>
          <Text className='chain__title' id='chain-status-title'>
            {loaded.chainOk ? '台账完整性校验通过' : '台账校验失败'}
          </Text>
          <Text className='chain__detail'>
            {loaded.chainOk ? `共 ${loaded.items.length} 条记录，逐条加密链接，未被改动。` : '台账记录与加密校验值不一致，可能被改动，请联系监督部门。'}
          </Text>
        </View>
      </View>

      {saved ? (
        <Verdict
          id='entry-saved'
          tone={saved.unscanned ? 'bad' : 'info'}
          title={saved.unscanned ? '已补录：该来访未扫码' : '已补录，并与扫码记录匹配'}
          detail={saved.unscanned ? '当天没有该单位的扫码入企记录，已标记“未扫码”并提示监督部门核查。' : '当天该单位有扫码入企记录，补录内容已与之关联。'}
        />
      ) : null}

      {draft ? (
        <View className='card' id='entry-form'>
          <Text className='card-title'>补录来访</Text>
          <DateField
            id='picker-date'
            label='来访日期'
            value={draft.date}
            onChange={(date) => edit({ date })}
            bounds={rules ? ledgerEntryBounds(today, rules) : { end: today }}
            today={today}
            error={formError?.field === 'date' ? formError.message : undefined}
            errorId='date-error'
          />
          <Text className='form-label'>执法单位</Text>
          {draft.manualDept ? (
            draftField('deptName', 'input-dept-name', '', '如：赣州市某某局', 60)
          ) : (
            <Picker
              mode='selector'
              range={deptOptions}
              onChange={(e) => {
                const n = Number(e.detail.value)
                const d = depts[n]
                edit(d ? { deptId: d.id, deptName: d.name } : { deptId: undefined, deptName: '', manualDept: true })
              }}
            >
              <View id='picker-dept' className='picker-field'>
                <Text className={draft.deptName ? '' : 'picker-field__placeholder'}>{draft.deptName || '请选择执法单位'}</Text>
                <Text className='picker-field__arrow'>›</Text>
              </View>
            </Picker>
          )}
          <Text id='btn-dept-manual' className='ledger-form__switch' onClick={() => edit({ manualDept: !draft.manualDept, deptId: undefined, deptName: '' })}>
            {draft.manualDept ? '从列表选择执法单位' : '列表中没有？手动填写单位名称'}
          </Text>
          {draftField('officers', 'input-officers', '执法人员', '姓名，多人用顿号分隔', 200)}
          {draftField('purpose', 'input-purpose', '检查事由', '如：消防安全检查', 200)}
          <TextAreaField
            id='input-note'
            label='备注'
            labelNote='（选填）'
            value={draft.note}
            onChange={(note) => edit({ note })}
            placeholder='如：未出示执法证件、未扫码'
          />
          {formError && formError.field !== 'date' ? <ErrorBox message={formError.message} /> : null}
          <SubmitButton id='btn-save-entry' label='保存到台账' busy={busy} busyLabel='正在保存…' onClick={() => void save()} />
          <Button id='btn-cancel-entry' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => setDraft(null)}>
            取消
          </Button>
        </View>
      ) : (
        <Button id='btn-add-entry' className='btn' hoverClass='btn--hover' onClick={() => void startAdd()}>
          补录未扫码来访
        </Button>
      )}

      <View className='card ledger-export' id='export-card'>
        <Text className='card-title'>导出台账（Excel）</Text>
        {range ? (
          <View className='ledger-export__range'>
            <DateField
              id='picker-from'
              bare
              small
              value={range.from}
              onChange={(from) => setRange(ledgerExportWithFrom(range, from, today))}
              bounds={ledgerExportBounds(range, today).from}
              today={today}
            />
            <Text className='ledger-export__to'>至</Text>
            <DateField
              id='picker-to'
              bare
              small
              value={range.to}
              onChange={(to) => setRange({ ...range, to })}
              bounds={ledgerExportBounds(range, today).to}
              today={today}
            />
          </View>
        ) : null}
        {exportError ? <ErrorBox message={exportError} /> : null}
        <Button id='btn-export' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => void (exporting ? null : doExport())}>
          {exporting ? '正在生成…' : '导出 Excel 文件'}
        </Button>
        {exported && h5 && exported.url
          ? createElement(
              'a',
              {
                id: 'export-link',
                className: 'export-link',
                href: fileHref(exported.url),
                download: (exported as { fileName?: string }).fileName ?? '监测点台账.xlsx',
                target: '_blank',
              },
              '下载台账文件（Excel）',
            )
          : null}
        {exported && !h5 ? <Text className='note'>已生成台账文件，可在打开的页面右上角转发或保存。</Text> : null}
      </View>

      <View className='ledger-list-head'>
        <Text className='section-title'>来访记录</Text>
        {unscannedCount ? <StatusBadge tone='bad' text={`未扫码 ${unscannedCount} 条`} id='unscanned-count' /> : null}
      </View>
      {loaded.items.length === 0 ? (
        <View className='empty' id='ledger-empty'>
          <Text className='empty__title'>暂无来访记录</Text>
          <Text className='empty__detail'>执法人员扫码入企后会自动登记在这里。</Text>
        </View>
      ) : null}
      {loaded.items.map((e) => (
        <View key={e.id} id={`entry-${e.id}`} className={`list-item ledger-entry${e.unscanned ? ' ledger-entry--unscanned' : ''}`}>
          <View className='list-item__head'>
            <Text className='list-item__title'>{e.deptName}</Text>
            {e.unscanned ? (
              <StatusBadge tone='bad' text='未扫码' />
            ) : (
              <StatusBadge tone={e.source === 'scan' ? 'ok' : 'info'} text={e.source === 'scan' ? '扫码' : '补录'} />
            )}
          </View>
          <Text className='list-item__meta'>
            {longDate(e.date)} · {(e.visitOfficerNames ?? e.officerNames).join('、')}
          </Text>
          <Text className='list-item__meta'>事由：{e.purpose}</Text>
          {e.note ? <Text className='list-item__meta'>备注：{e.note}</Text> : null}
          {e.outcomeLabel || e.ratingScore ? (
            <Text className='list-item__meta'>
              {e.outcomeLabel ? `结果：${e.outcomeLabel}` : ''}
              {e.outcomeLabel && e.ratingScore ? ' · ' : ''}
              {e.ratingScore ? `企业评价 ${'★'.repeat(e.ratingScore)}` : ''}
            </Text>
          ) : null}
          {e.unscanned ? <Text className='note note--bad'>企业补录，当天无该单位扫码入企记录，已提示监督部门。</Text> : null}
          <Text className='ledger-entry__seq'>第 {e.seq} 条</Text>
        </View>
      ))}
    </PageShell>
  )
}
