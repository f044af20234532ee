import { useEffect, useMemo, useRef, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { FormField } from '@/components/FormField'
import { TextAreaField } from '@/components/TextAreaField'
import Taro, { useRouter } from '@tarojs/taro'
import type { InspectionSource, Output } from '@contract'
import { preview } from '@/services/inspection/preview'
import { checkIn } from '@/services/inspection/check-in'
import { serviceVisit } from '@/services/inspection/service-visit'
import { askToSubscribe } from '@/services/subscribe'
import { newClientRequestId } from '@/services/inspection/request-id'
import { whoami, type Me } from '@/services/account/whoami'
import { ChoiceList, type Choice } from '@/components/ChoiceList'
import { ErrorBox } from '@/components/ErrorBox'
import { Loading } from '@/components/Loading'
import { PageShell } from '@/components/PageShell'
import { SubmitButton } from '@/components/SubmitButton'
import { StatusBadge } from '@/components/StatusBadge'
import { InfoRow } from '@/components/InfoRow'
import { Verdict } from '@/components/Verdict'
import { CASE_SOURCES, SERVICE_PURPOSE_LABELS, SOURCE_LABELS, sourceLabel } from '@/lib/labels'
import { locate, type Fix } from '../lib/location'
import { chinaDateTime, dateLabel, monthDayOf } from '@/lib/china-time'
import { param, recordUrl } from '../lib/urls'
import { CheckInDone } from '../lib/CheckInDone'
import './index.css'

type Data = Output<'inspection', 'preview'>
type Failure = { code: string; message: string }

const SERVICE_PURPOSES: Choice[] = Object.entries(SERVICE_PURPOSE_LABELS).map(([key, title]) => ({ key, title }))

/** The source picker's keys: `plan:<planId>` for a plan, or a case source. */
const planKey = (id: string) => `plan:${id}`

function GateVerdict({ data, me }: { data: Data; me: Me | null }) {
  const q = me?.today.quiet
  const quiet = data.quiet.active && data.quiet.appliesToCompany
  const capped = data.yearCount.cap > 0 && data.yearCount.used >= data.yearCount.cap
  if (quiet) {
    const who = q?.scope === 'all' ? '企业' : '园区企业'
    const days = q ? `本月${q.firstDay}–${q.lastDay}日` : '安静生产期内'
    const until = data.quiet.windowEnd ? `（至${monthDayOf(data.quiet.windowEnd)}）` : ''
    return (
      <Verdict
        id='verdict'
        tone='quiet'
        title={
          <>
            安静生产期：{who}
            {days}无特殊情形不得入企{until}
          </>
        }
        detail='确需入企的，请在下方选择特殊情形；入企记录将报监督部门审核。'
      />
    )
  }
  if (capped) {
    return (
      <Verdict
        id='verdict'
        tone='bad'
        title='本部门今年对该企业的计划检查已达上限'
        detail={
          <>
            今年计划检查 {data.yearCount.used}/{data.yearCount.cap} 次，再次计划检查将被拒绝。投诉举报、上级交办、监测预警、企业申请等案件来源的检查不受此限。
          </>
        }
      />
    )
  }
  return <Verdict id='verdict' tone='ok' title='可以入企检查' detail='今天不在安静生产期限制内。请亮证并说明检查事项。' />
}

/** 入企登记: the verdict at the gate, then one tap to check in (or to join the colleague's inspection). */
export default function OfficerPreview() {
  const router = useRouter()
  const scene = param(router.params.scene)
  const [data, setData] = useState<Data | null>(null)
  const [me, setMe] = useState<Me | null>(null)
  const [loadError, setLoadError] = useState('')
  const [source, setSource] = useState<string | null>(null)
  const [exception, setException] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [sourceRef, setSourceRef] = useState('')
  const [service, setService] = useState<string | null>(null)
  const [showExceptions, setShowExceptions] = useState(false)
  const [fix, setFix] = useState<Fix | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<Failure | null>(null)
  const [done, setDone] = useState<Output<'inspection', 'checkIn'> | null>(null)
  const requestId = useRef(newClientRequestId())
  const fixPromise = useRef<Promise<Fix> | null>(null)

  const load = async () => {
    setLoadError('')
    if (!scene) return setLoadError('没有识别到企业码，请返回重新扫描企业大门处的“企业码”')
    const [res, who] = await Promise.all([preview({ scene }), whoami()])
    if (who.ok) setMe(who.data)
    if (!res.ok) return setLoadError(res.error.message)
    setData(res.data)
    const firstPlan = res.data.plans.find((p) => p.status === 'approved')
    if (firstPlan) setSource(planKey(firstPlan.id))
    if (res.data.quiet.active && res.data.quiet.appliesToCompany) setShowExceptions(true)
    // Ask for the position once, while the officer reads the verdict.
    if (!fixPromise.current) {
      fixPromise.current = locate()
      void fixPromise.current.then(setFix)
    }
  }

  useEffect(() => {
    void load()
  }, [])

  const myOfficerId = me?.user?.officerId
  // A plan's dates say their year when it is not the server's this year.
  const today = me?.today.date ?? ''
  const open = data?.openInspection
  const alreadyIn = !!(open && myOfficerId && open.officerIds.includes(myOfficerId))
  // Joining the team's own inspection needs nothing more; joining another department's (rule 14) needs this department's own source.
  const jointJoin = !!open && !alreadyIn && data?.joinKind === 'joint'
  const joining = !!open && !alreadyIn && !jointJoin
  const caseSource = !!source && !source.startsWith('plan:')

  const sourceChoices = useMemo<Choice[]>(() => {
    if (!data) return []
    const plans = data.plans
      .filter((p) => p.status === 'approved')
      .map((p) => ({
        key: planKey(p.id),
        title: `检查计划：${p.title}`,
        detail: `${dateLabel(p.from, today)}—${dateLabel(p.to, today)} · ${p.items.slice(0, 3).join('、')}`,
      }))
    const cases = CASE_SOURCES.map((s) => ({ key: s, title: SOURCE_LABELS[s] }))
    return [...plans, ...cases]
  }, [data, today])

  const exceptionChoices = useMemo<Choice[]>(() => (data ? data.exceptionCategories.map((c) => ({ key: c.key, title: c.label })) : []), [data])
  const chosenCategory = data?.exceptionCategories.find((c) => c.key === exception)

  const submit = async () => {
    if (!data || busy) return
    // Asked during the tap (WeChat requires it), never awaited: the check-in does not wait for the answer.
    void askToSubscribe(['overdue_reminder'])
    setError(null)
    let body: { source: InspectionSource; planId?: string; sourceRef?: string; joinInspectionId?: string; exception?: { category: string; reason?: string } }
    if (joining && open) {
      body = {
        source: open.source,
        ...(open.planId ? { planId: open.planId } : {}),
        ...(open.exception ? { exception: { category: open.exception.category, ...(open.exception.reason ? { reason: open.exception.reason } : {}) } } : {}),
      }
    } else {
      // No plan picked and no case source: the server looks for a covering plan itself,
      // or accepts a special case in its stead (SPEC §2.2), or answers why not.
      const isPlan = !source || source.startsWith('plan:')
      body = {
        source: isPlan ? 'plan' : (source as InspectionSource),
        ...(source && isPlan ? { planId: source.slice(5) } : {}),
        ...(!isPlan && sourceRef.trim() ? { sourceRef: sourceRef.trim() } : {}),
        ...(jointJoin && open ? { joinInspectionId: open.id } : {}),
        ...(exception ? { exception: { category: exception, ...(reason.trim() ? { reason: reason.trim() } : {}) } } : {}),
      }
    }
    setBusy(true)
    const location = await (fixPromise.current ?? locate())
    setFix(location)
    const res = await checkIn({
      scene,
      clientRequestId: requestId.current,
      ...body,
      location: { lat: location.lat, lng: location.lng, accuracy: location.accuracy },
    })
    setBusy(false)
    if (res.ok) {
      setDone(res.data)
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
      return
    }
    // A refused attempt created nothing: the next attempt is a new request. A network
    // failure keeps the key, so a later retry cannot create a second inspection.
    if (res.error.code !== 'INTERNAL') requestId.current = newClientRequestId()
    setError({ code: res.error.code, message: res.error.message })
    // Quiet period: show the verdict, the refusal and the special cases together.
    const quiet = res.error.code === 'QUIET_PERIOD'
    if (quiet) setShowExceptions(true)
    setTimeout(() => void Taro.pageScrollTo({ selector: quiet ? '#verdict' : '#error', duration: 200 }), 50)
  }

  const submitService = async () => {
    if (!data || busy || !service) return
    setBusy(true)
    setError(null)
    const location = await (fixPromise.current ?? locate())
    const res = await serviceVisit({
      scene,
      clientRequestId: requestId.current,
      purpose: service as 'policy',
      location: { lat: location.lat, lng: location.lng, accuracy: location.accuracy },
    })
    setBusy(false)
    if (!res.ok) {
      if (res.error.code !== 'INTERNAL') requestId.current = newClientRequestId()
      return setError({ code: res.error.code, message: res.error.message })
    }
    void Taro.showToast({ title: '已登记入企服务', icon: 'success' })
    setService(null)
    requestId.current = newClientRequestId()
  }

  if (done && data) {
    return (
      <PageShell id='page-preview'>
        <CheckInDone answer={done} companyName={data.company.name} categories={data.exceptionCategories} located={fix?.real ?? false} />
      </PageShell>
    )
  }

  if (!data) {
    return (
      <PageShell id='page-preview' title='入企登记'>
        {loadError ? (
          <View>
            <ErrorBox message={loadError} />
            <Button id='btn-retry' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => void load()}>
              重新加载
            </Button>
          </View>
        ) : (
          <Loading text='正在查询企业与检查规则…' />
        )}
      </PageShell>
    )
  }

  const { company, yearCount } = data
  // Other departments only: the officer's own department is shown as the open inspection.
  const recent = data.recent.filter((r) => r.deptId !== me?.user?.deptId)
  const openException = open?.exception ? (data.exceptionCategories.find((c) => c.key === open.exception!.category)?.label ?? open.exception.category) : null
  const capped = yearCount.cap > 0 && yearCount.used >= yearCount.cap
  const joint = data.jointSuggested ?? (recent.length > 0 || (data.otherPlans?.length ?? 0) > 0)
  return (
    <PageShell id='page-preview'>
      <View className='card company-card' id='company-card'>
        <Text className='company-card__name' id='company-name'>
          {company.name}
        </Text>
        <Text className='company-card__addr'>{company.address}</Text>
        <View className='badge-row'>
          {company.inPark ? (
            <StatusBadge tone='warn' text={`园区企业 · ${company.parkName ?? '园区'}`} id='park-badge' />
          ) : (
            <StatusBadge tone='muted' text='非园区企业' />
          )}
          {company.monitoringPoint ? <StatusBadge tone='info' text='监测点企业' /> : null}
        </View>
      </View>

      {open ? (
        <Verdict
          id='open-inspection'
          tone='info'
          title={
            alreadyIn
              ? '您已在本次检查中'
              : jointJoin
                ? `${open.deptName ?? '其他部门'}正在检查该企业，可联合检查`
                : `本部门${open.officerNames.join('、')}正在检查该企业`
          }
          detail={
            <>
              {chinaDateTime(open.checkInAt)} 开始 · {sourceLabel(open)} · 现有 {open.officerIds.length} 名执法人员。
              {openException ? `特殊情形：${openException}（待监督审核）。` : ''}
              {alreadyIn
                ? ''
                : jointJoin
                  ? '联合检查：企业只算一次入企，本部门单独录入本部门的结果。请在下方选择本部门的检查来源。'
                  : data.joinKind === 'late'
                    ? '已超过加入时限，仍可作为第二名执法人员加入（标记为“迟到加入”），加入后即可录入结果。'
                    : '点下方“加入检查”即可作为第二名执法人员加入，无需重新登记。'}
            </>
          }
        />
      ) : null}

      {joining ? null : <GateVerdict data={data} me={me} />}

      <View className='card'>
        <InfoRow label='本部门今年计划检查' id='year-count' tone={capped ? 'bad' : undefined}>
          今年计划检查 {yearCount.used}/{yearCount.cap} 次
        </InfoRow>
        <InfoRow label='定位' id='location-status' tone={fix && !fix.real ? 'bad' : undefined}>
          {fix ? (fix.real ? `已获取（精度约 ${Math.round(fix.accuracy)} 米）` : '未获取到定位') : '正在获取…'}
        </InfoRow>
        {fix && !fix.real ? (
          <Text className='note note--warn' id='location-fallback'>
            {fix.note ? `${fix.note}。` : ''}将以企业登记位置提交，本次检查会标记为“不在企业现场（定位偏差）”供核查。
          </Text>
        ) : null}
      </View>

      {recent.length > 0 || (data.otherPlans?.length ?? 0) > 0 ? (
        <View className='card' id='recent'>
          <Text className='card-title'>近期其他部门检查</Text>
          {recent.map((r) => (
            <InfoRow key={r.id} label={r.deptName}>
              {chinaDateTime(r.checkInAt)} · {SOURCE_LABELS[r.source]}
            </InfoRow>
          ))}
          {(data.otherPlans ?? []).map((p) => (
            <InfoRow key={`${p.deptId}|${p.from}|${p.title}`} label='本月计划'>
              {p.title}
            </InfoRow>
          ))}
          {joint ? (
            <Text className='note' id='joint-suggestion'>
              建议与以上部门联合检查、“进一次门、查多项事”，减少对企业的打扰。
            </Text>
          ) : null}
        </View>
      ) : null}

      {alreadyIn && open ? (
        <View>
          <Button
            id='btn-to-record'
            className='btn btn--large'
            hoverClass='btn--hover'
            onClick={() => void Taro.navigateTo({ url: recordUrl(open.id, company.name, open.officerIds.length) })}
          >
            录入检查结果
          </Button>
        </View>
      ) : (
        <View>
          {error ? <ErrorBox message={error.message} /> : null}

          {!joining ? (
            <View id='source-section'>
              <Text className='section-title'>检查来源</Text>
              {data.plans.length === 0 ? (
                <Text className='note' id='no-plan'>
                  今天没有覆盖该企业的已批准检查计划。属投诉举报等案件的，请选择案件来源；属特殊情形的，请在下方选择情形。
                </Text>
              ) : null}
              <ChoiceList id='source-picker' idPrefix='source' choices={sourceChoices} value={source} onChange={setSource} />
              {caseSource ? (
                <FormField
                  id='input-source-ref'
                  label='来源编号'
                  hint='投诉、移送、预警或申请的编号'
                  value={sourceRef}
                  maxlength={40}
                  placeholder='例如 TS-2026-0128'
                  onChange={setSourceRef}
                />
              ) : null}
            </View>
          ) : null}

          {!joining && showExceptions ? (
            <View id='exception-section'>
              <Text className='section-title'>特殊情形（安静生产期入企须选择）</Text>
              <ChoiceList id='exception-picker' idPrefix='exception' tone='warn' choices={exceptionChoices} value={exception} onChange={setException} />
              {chosenCategory?.requiresReason ? (
                <TextAreaField
                  id='input-reason'
                  label={`具体情形说明（至少${chosenCategory.minReasonLength}个字）`}
                  value={reason}
                  onChange={setReason}
                  placeholder='请写明确需现场检查的理由'
                />
              ) : null}
              <Text className='note note--warn'>选择特殊情形入企的，将由监督部门逐件审核是否成立。</Text>
            </View>
          ) : null}

          {!joining && !showExceptions ? (
            <Text className='link-btn' id='btn-show-exceptions' onClick={() => setShowExceptions(true)}>
              有特殊情形？
            </Text>
          ) : null}

          <Text className='hint hint--footer'>登记即表示已向企业亮证并说明检查事项。</Text>

          {!joining && !jointJoin ? (
            <View className='card' id='service-section'>
              <Text className='card-title'>不是检查？登记入企服务</Text>
              <Text className='note'>政策宣讲、调研、帮扶等服务不计入检查次数，无需检查计划，企业可以评价。</Text>
              <ChoiceList id='service-picker' idPrefix='service' choices={SERVICE_PURPOSES} value={service} onChange={setService} />
              {service ? <SubmitButton id='btn-service' label='登记入企服务' busy={busy} busyLabel='正在登记…' onClick={() => void submitService()} /> : null}
            </View>
          ) : null}

          {/* Fixed at the bottom: reachable without scrolling, also with the special cases open. */}
          <View className='sticky-actions'>
            <SubmitButton
              id='btn-checkin'
              large
              label={joining ? '加入检查' : jointJoin ? '联合检查' : '确认入企检查'}
              busy={busy}
              busyLabel='正在登记…'
              onClick={() => void submit()}
            />
          </View>
        </View>
      )}
    </PageShell>
  )
}
