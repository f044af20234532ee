import type { AlertKind, InspectionFlag, ServiceVisitFlag } from './entities'
import type { RuleSettings } from './settings'

/**
 * The one place that turns the rules' settings into the words people read: windows,
 * deadlines, caps, special cases, validity periods. Pages get the settings from whoami
 * (`rules`), server messages from `ctx.settings`; neither writes a rule's number itself,
 * so another city's settings change every sentence. Plain TypeScript (no zod at run time)
 * so the mini-program can import it.
 */

/** `a–b`, or `a` when both are the same. */
const span = (from: number, to: number): string => (from === to ? `${from}` : `${from}–${to}`)

/** Minutes as people say them: 120 → 2小时, 90 → 90分钟. */
export const minutesInWords = (minutes: number): string => (minutes >= 60 && minutes % 60 === 0 ? `${minutes / 60}小时` : `${minutes}分钟`)

export type RuleWords = ReturnType<typeof ruleWords>

export function ruleWords(r: RuleSettings) {
  const q = r.quietPeriod
  /** e.g. 每月1–25日 */
  const quietWindow = `每月${span(q.firstDay, q.lastDay)}日`
  /** Who the quiet period covers: 园区企业 or every 企业. */
  const quietCompanies = q.scope === 'park' ? '园区企业' : '企业'
  const resultDue = `${r.result.dueDays}日`
  const repeatedWindow = `${r.repeated.windowDays}日`
  const badStars = `${span(1, r.rating.badAtMost)}星`
  const followUp = `${r.rating.followUpWorkingDays}个工作日`
  const complaintDue = `${r.complaint.dueWorkingDays}个工作日`
  const ratingValid = `${r.rating.tokenTtlDays}日`
  const certCardValid = `${r.certCard.tokenTtlMinutes}分钟`
  const joinWindow = minutesInWords(r.team.joinWindowMinutes)
  const cap = `${r.frequencyCap.perDeptCompanyYear}次`
  const minOfficers = r.team.minOfficers
  /** How far back a visit may be back-filled, e.g. 3日 (empty when the settings lack it). */
  const backfillWithin = r.backfill ? `${r.backfill.maxDays}日` : ''
  /** How long after the check-in a wrong scan may be withdrawn, e.g. 30分钟 (empty when the settings lack it). */
  const withdrawWithin = r.withdraw ? minutesInWords(r.withdraw.windowMinutes) : ''

  const flags: Record<InspectionFlag, { title: string; detail: string }> = {
    quiet_exception: { title: '安静生产期例外入企', detail: '需监督审核的例外：监督部门将审核所选特殊情形是否成立' },
    off_site: { title: '不在企业现场（定位偏差）', detail: '定位距企业登记地址较远或精度不足，已记录备查' },
    repeated: { title: `${repeatedWindow}内重复检查`, detail: `该企业${repeatedWindow}内已被检查，已提示监督部门，建议联合检查` },
    late_result: { title: '结果逾期录入', detail: '超过期限才录入检查结果' },
    late_join: { title: '迟到加入', detail: `第二名执法人员在${joinWindow}加入时限之后才扫码加入` },
    backfilled: { title: '事后补录', detail: '未能现场扫码，事后补录，待监督部门审核' },
    after_cap: { title: '超限后以案件来源入企', detail: `本部门近期因计划检查超过每年${cap}被拒后，又以案件来源入企，已提示监督部门` },
  }

  /** A service visit's 入企服务 flags (rule 19), as badges and their explanation for supervisors. */
  const serviceVisitFlags: Record<ServiceVisitFlag, { title: string; detail: string }> = {
    quiet_period: { title: '安静期内', detail: `在安静生产期（${quietWindow}）到${quietCompanies}入企服务：允许，但标记供监督部门查看` },
    off_site: { title: '不在现场', detail: '定位距企业登记地址较远或精度不足，已记录备查' },
  }

  const alertActions: Record<AlertKind, string> = {
    overdue: `入企检查超过${resultDue}未录入结果，计入该部门红灯。请督促该部门立即录入结果。`,
    unjustified_exception: '安静生产期入企的特殊情形经审核不成立，已计入该部门不合理例外。',
    pending_exception: '安静生产期以特殊情形入企，待您审核特殊情形是否成立。',
    bad_rating: `企业给出差评（${badStars}），须在${followUp}内回访核实、督促整改。评价人身份不向执法部门公开。`,
    unscanned: '监测点企业登记了一次无人扫码的入企检查，请核实该部门是否未扫码入企。',
    repeated: `该企业${repeatedWindow}内被多次检查，请核实是否重复检查，建议组织联合检查。`,
    complaint_overdue: `投诉超过${complaintDue}办理期限仍未办结，请尽快办理。`,
    follow_up_overdue: `差评超过${followUp}回访期限仍未回访。请尽快联系企业回访，并记录回访结果。`,
    after_cap: `该部门对这家企业的计划检查超过每年${cap}被拒后不久，又以投诉、移送等案件来源入企。请核对来源编号是否真实。`,
  }

  return {
    quietWindow,
    quietCompanies,
    resultDue,
    repeatedWindow,
    badStars,
    followUp,
    complaintDue,
    ratingValid,
    certCardValid,
    joinWindow,
    cap,
    minOfficers,
    backfillWithin,
    withdrawWithin,
    /** Whether a score is a bad rating (差评). */
    isBad: (score: number): boolean => score <= r.rating.badAtMost,
    flags,
    serviceVisitFlags,
    alertActions,
    /** A special case's label from the settings' list (one no longer listed never shows its key). */
    categoryLabel: (key: string): string => q.categories.find((c) => c.key === key)?.label ?? '已停用的特殊情形',
    /** The quiet period in one line, e.g. 安静生产期（每月1–25日）. */
    quietPeriodNamed: `安静生产期（${quietWindow}）`,
    /** How long a company has to answer a complaint, for the company and the supervisor. */
    complaintPromise: `由监督部门受理，${complaintDue}内答复`,
    /** The cap as a plan's reader meets it. */
    capNote: `同一企业每年计划检查不超过${cap}`,
    /** What a red light is. */
    redLight: `入企后${resultDue}内未录入结果的检查，计入本部门红灯数，录入结果后消除`,
    overdueForCompany: `超过${resultDue}仍未录入检查结果`,
    ratingCodeValid: `评价码自检查结果录入起${ratingValid}内有效`,
    ratingTokenExpired: `评价码已过期（有效期${ratingValid}），请联系执法人员重新出示`,
    badRatingFollowUp: `须在${followUp}内回访`,
    certCardRefresh: `亮证码每${certCardValid}自动刷新`,
    certCardExpired: `证件二维码已过期（有效期${certCardValid}），请执法人员刷新后重新出示`,
    waitingForTeam: `同部门另一名执法人员在${joinWindow}内扫描该企业码即可加入。录入检查结果须有${minOfficers}名执法人员在场。`,
    teamRequired: `录入结果须有${minOfficers}名执法人员`,
  }
}
