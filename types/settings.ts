import { z } from 'zod'
import { ChinaDate } from './common'

/**
 * Every rule of docs/rules.md as a setting; another city changes these values, not the code.
 * The defaults are Ganzhou's: the quiet period (1–25, park companies, the special cases) comes
 * from 《赣州市促进严格规范公正文明执法若干措施》 (赣市府建办字〔2023〕2号) and 赣市府办字〔2022〕34号;
 * the other numbers (the 3-day result deadline, the cap of 2, the 60-day window, 1 km, 2 hours,
 * 7 days, 15 working days …) are our choice. docs/rules.md says which is which.
 */

export const ExceptionCategory = z.object({
  key: z.string().min(1).max(40),
  label: z.string().min(1).max(200),
  /** A written reason of at least `minReasonLength` characters is required. */
  requiresReason: z.boolean(),
  minReasonLength: z.number().int().min(0).max(1000),
})
export type ExceptionCategory = z.infer<typeof ExceptionCategory>

export const GANZHOU_EXCEPTION_CATEGORIES: ExceptionCategory[] = [
  { key: 'emergency', label: '突发性安全事故、卫生健康流行疾病或疫情防控等需要处置', requiresReason: false, minReasonLength: 0 },
  { key: 'mandated_campaign', label: '国家、省统一部署需在特定时间完成的专项整治、“双随机”、产品质量抽检', requiresReason: false, minReasonLength: 0 },
  { key: 'hazard_followup', label: '较大安全隐患正在整改，需要现场督促检查', requiresReason: false, minReasonLength: 0 },
  { key: 'high_risk', label: '重点监管污染源、特种设备、食品药品、消防、危化品、建筑施工等安全问题', requiresReason: false, minReasonLength: 0 },
  { key: 'complaint_case', label: '对投诉举报、案件查处需要调查取证', requiresReason: false, minReasonLength: 0 },
  { key: 'tax', label: '涉及偷逃抗骗税及风险应对的税务检查', requiresReason: false, minReasonLength: 0 },
  { key: 'other', label: '其他确需到现场检查的情形', requiresReason: true, minReasonLength: 10 },
]

export const LeniencyItem = z.object({ id: z.string().min(1).max(40), title: z.string().min(1).max(300), basis: z.string().min(1).max(1000) })
export type LeniencyItem = z.infer<typeof LeniencyItem>
/** A list of 轻微违法不予处罚 / 首违不罚 items of one field of enforcement. */
export const LeniencyList = z.object({
  id: z.string().min(1).max(40),
  field: z.string().min(1).max(40),
  title: z.string().min(1).max(200),
  items: z.array(LeniencyItem),
})
export type LeniencyList = z.infer<typeof LeniencyList>
export const DiscretionStandard = z.object({ title: z.string().min(1).max(200), url: z.string().max(500) })
export const LeniencySettings = z.object({ lists: z.array(LeniencyList), standards: z.array(DiscretionStandard) })
export type LeniencySettings = z.infer<typeof LeniencySettings>

const ART_33 =
  '《中华人民共和国行政处罚法》第三十三条第一款：违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。初次违法且危害后果轻微并及时改正的，可以不予行政处罚。'

/**
 * EXAMPLES, not Ganzhou's published lists: one list per field of the demo departments,
 * each item resting on art. 33 of the Administrative Penalty Law (quoted in full) and the
 * field's own law named without an article number. A city replaces these with the lists
 * its bureaus have published (赣州各执法部门的轻微违法行为不予处罚清单) before use.
 */
export const GANZHOU_LENIENCY_EXAMPLES: LeniencySettings = {
  lists: [
    {
      id: 'market',
      field: '市场监管',
      title: '市场监管领域轻微违法行为不予处罚清单（示例）',
      items: [
        {
          id: 'market-1',
          title: '未将营业执照置于住所或者主要经营场所的醒目位置，经责令后及时改正',
          basis: `${ART_33}另见《市场主体登记管理条例》关于公示营业执照的规定。`,
        },
        { id: 'market-2', title: '首次未按规定标明商品价格，未造成危害后果并及时改正', basis: `${ART_33}另见《中华人民共和国价格法》关于明码标价的规定。` },
      ],
    },
    {
      id: 'safety',
      field: '应急管理',
      title: '安全生产领域首违不罚清单（示例）',
      items: [
        {
          id: 'safety-1',
          title: '首次未在有较大危险因素的场所设置明显的安全警示标志，当场改正',
          basis: `${ART_33}另见《中华人民共和国安全生产法》关于安全警示标志的规定。`,
        },
      ],
    },
    {
      id: 'eco',
      field: '生态环境',
      title: '生态环境领域轻微违法行为不予处罚清单（示例）',
      items: [{ id: 'eco-1', title: '首次未按规定公开环境信息，未造成危害后果并及时改正', basis: `${ART_33}另见《企业环境信息依法披露管理办法》。` }],
    },
    {
      id: 'fire',
      field: '消防',
      title: '消防领域轻微违法行为不予处罚清单（示例）',
      items: [{ id: 'fire-1', title: '首次占用、堵塞疏散通道，当场改正且未造成危害后果', basis: `${ART_33}另见《中华人民共和国消防法》关于疏散通道的规定。` }],
    },
    {
      id: 'tax',
      field: '税务',
      title: '税务行政处罚“首违不罚”事项清单（示例）',
      items: [
        {
          id: 'tax-1',
          title: '首次未按规定期限办理纳税申报，在税务机关发现前主动改正或在责令期限内改正',
          basis: `${ART_33}另见国家税务总局公布的《税务行政处罚“首违不罚”事项清单》。`,
        },
      ],
    },
    {
      id: 'urban',
      field: '城市管理',
      title: '城市管理领域轻微违法行为不予处罚清单（示例）',
      items: [{ id: 'urban-1', title: '首次在门店外临时堆放物品，经劝导后立即清除', basis: `${ART_33}另见本市城市市容和环境卫生管理规定。` }],
    },
  ],
  standards: [{ title: '本市各执法部门行政处罚裁量基准（示例：请改为本市公布的链接）', url: '' }],
}

export const Region = z.object({ code: z.string().regex(/^\d{6}$/), name: z.string().min(1).max(40) })
export type Region = z.infer<typeof Region>

const GANZHOU_CITY_CODE = '3607'
/** The document the home page cites as the rules' basis. */
const GANZHOU_BASIS = '《赣州市促进严格规范公正文明执法若干措施》（赣市府建办字〔2023〕2号）'

/** Ganzhou's 18 county-level divisions (GB/T 2260; 龙南 became a city in 2020: 360727 → 360783). */
export const GANZHOU_REGIONS: Region[] = [
  { code: '360702', name: '章贡区' },
  { code: '360703', name: '南康区' },
  { code: '360704', name: '赣县区' },
  { code: '360722', name: '信丰县' },
  { code: '360723', name: '大余县' },
  { code: '360724', name: '上犹县' },
  { code: '360725', name: '崇义县' },
  { code: '360726', name: '安远县' },
  { code: '360728', name: '定南县' },
  { code: '360729', name: '全南县' },
  { code: '360730', name: '宁都县' },
  { code: '360731', name: '于都县' },
  { code: '360732', name: '兴国县' },
  { code: '360733', name: '会昌县' },
  { code: '360734', name: '寻乌县' },
  { code: '360735', name: '石城县' },
  { code: '360781', name: '瑞金市' },
  { code: '360783', name: '龙南市' },
]

/**
 * The city (4-digit code) and its counties/districts (6-digit codes starting with the city
 * code). Stored settings written before `regions` existed get Ganzhou's list when the city is
 * Ganzhou, else none (names then fall back to codes), so they stay valid.
 */
export const City = z
  .object({
    code: z.string().regex(/^\d{4}$/),
    name: z.string().min(1).max(40),
    regions: z.array(Region).optional(),
    /** The document the rules come from, as the home page cites it (Ganzhou's when the city is Ganzhou). */
    basis: z.string().max(200).optional(),
  })
  .superRefine((city, ctx) => {
    const seen = new Set<string>()
    ;(city.regions ?? []).forEach((r, i) => {
      if (!r.code.startsWith(city.code)) ctx.addIssue({ code: 'custom', path: ['regions', i, 'code'], message: `县区代码 ${r.code} 不属于 ${city.code}` })
      if (seen.has(r.code)) ctx.addIssue({ code: 'custom', path: ['regions', i, 'code'], message: `县区代码 ${r.code} 重复` })
      seen.add(r.code)
    })
  })
  .transform((city) => {
    const ganzhou = city.code === GANZHOU_CITY_CODE
    return { ...city, regions: city.regions ?? (ganzhou ? GANZHOU_REGIONS : []), basis: city.basis ?? (ganzhou ? GANZHOU_BASIS : '') }
  })
export type City = z.infer<typeof City>

/** A right the company has against an inspection (SPEC §2.22), with where and by when to use it. */
export const CompanyRight = z.object({
  key: z.string().min(1).max(40),
  title: z.string().min(1).max(40),
  description: z.string().min(1).max(400),
  channel: z.string().min(1).max(400),
})
export type CompanyRight = z.infer<typeof CompanyRight>

/** Ganzhou's wording of the three rights (行政处罚法 art. 7, 44–45; 行政复议法 art. 20, 24; 行政诉讼法 art. 46). */
export const GANZHOU_COMPANY_RIGHTS: CompanyRight[] = [
  {
    key: 'statement',
    title: '陈述申辩',
    description: '对检查中认定的事实、理由和依据有异议的，有权进行陈述和申辩；执法部门须充分听取意见，不得因申辩而加重处罚。',
    channel: '向实施检查的执法部门当面、书面或电话提出；也可在本程序“投诉举报”中向监督部门反映。',
  },
  {
    key: 'review',
    title: '行政复议',
    description: '认为检查或处理决定侵犯贵企业合法权益的，可以申请行政复议。',
    channel: '自知道该行政行为之日起 60 日内，向赣州市人民政府（市司法局行政复议窗口）或作出决定部门的本级人民政府申请。',
  },
  {
    key: 'litigation',
    title: '行政诉讼',
    description: '对行政行为不服的，可以依法提起行政诉讼。',
    channel: '自知道或者应当知道作出行政行为之日起 6 个月内，向有管辖权的人民法院起诉。',
  },
]
export const QuietPeriodSettings = z.object({
  enabled: z.boolean(),
  firstDay: z.number().int().min(1).max(31),
  lastDay: z.number().int().min(1).max(31),
  /** `park`: only companies in a park; `all`: every company. */
  scope: z.enum(['park', 'all']),
  categories: z.array(ExceptionCategory),
})
export const FrequencyCapSettings = z.object({ perDeptCompanyYear: z.number().int().min(0), countedKinds: z.array(z.enum(['routine', 'campaign', 'random'])) })
export const TeamSettings = z.object({ minOfficers: z.number().int().min(1), joinWindowMinutes: z.number().int().min(1) })
export const RepeatedSettings = z.object({ windowDays: z.number().int().min(1), threshold: z.number().int().min(2) })
/** `maxRectifyDays`: the latest rectification date a result may set, in days after today (rule 20). */
export const ResultSettings = z.object({ dueDays: z.number().int().min(1), maxRectifyDays: z.number().int().min(1).default(180) })
export const WithdrawSettings = z.object({ windowMinutes: z.number().int().min(1), minReasonLength: z.number().int().min(1) })
export const BackfillSettings = z.object({ maxDays: z.number().int().min(0), minReasonLength: z.number().int().min(1) })
/** Entries a company adds to its ledger by hand (SPEC §6): how far back, how many a day. */
export const LedgerSettings = z.object({ maxBackdateDays: z.number().int().min(0), manualPerDay: z.number().int().min(1) })
export const RatingSettings = z.object({
  tokenTtlDays: z.number().int().min(1),
  badAtMost: z.number().int().min(1).max(4),
  followUpWorkingDays: z.number().int().min(1),
  minCountForAggregate: z.number().int().min(1),
})
export const ComplaintSettings = z.object({ dueWorkingDays: z.number().int().min(1) })
export const CertCardSettings = z.object({ tokenTtlMinutes: z.number().int().min(1) })
/** A year's public holidays and make-up working days, entered from the State Council's notice. */
export const CalendarYear = z.object({ year: z.number().int().min(2000).max(2200), holidays: z.array(ChinaDate), workdays: z.array(ChinaDate) })
/**
 * The working-day calendar beyond the library's (chinese-days): the years entered here are
 * known in full; their dates win over the library. Supervisors are warned `warnDaysBefore`
 * days before the last known year ends.
 */
export const CalendarSettings = z.object({ years: z.array(CalendarYear), warnDaysBefore: z.number().int().min(1).max(366) })

export const Settings = z.object({
  /** Time zone of every date rule. */
  timezone: z.string().default('Asia/Shanghai'),
  city: City.default({ code: GANZHOU_CITY_CODE, name: '赣州市', regions: GANZHOU_REGIONS, basis: GANZHOU_BASIS }),
  quietPeriod: QuietPeriodSettings.default({ enabled: true, firstDay: 1, lastDay: 25, scope: 'park', categories: GANZHOU_EXCEPTION_CATEGORIES }),
  frequencyCap: FrequencyCapSettings.default({ perDeptCompanyYear: 2, countedKinds: ['routine', 'campaign'] }),
  team: TeamSettings.default({ minOfficers: 2, joinWindowMinutes: 120 }),
  repeated: RepeatedSettings.default({ windowDays: 60, threshold: 2 }),
  geofence: z.object({ maxDistanceM: z.number().min(0), maxAccuracyM: z.number().min(0) }).default({ maxDistanceM: 1000, maxAccuracyM: 200 }),
  result: ResultSettings.default({ dueDays: 3, maxRectifyDays: 180 }),
  /** Rule 15: a case-sourced check-in within `afterCapDays` of a FREQUENCY_CAP refusal of the same department at the company is flagged `after_cap`. */
  caseSource: z.object({ afterCapDays: z.number().int().min(1) }).default({ afterCapDays: 30 }),
  /** Rule 18: an officer may withdraw a wrong scan within this many minutes of the check-in. */
  withdraw: WithdrawSettings.default({ windowMinutes: 30, minReasonLength: 10 }),
  /** Rule 17: a visit may be back-filled at most `maxDays` days after it happened. */
  backfill: BackfillSettings.default({ maxDays: 3, minReasonLength: 10 }),
  /** Rule 20: the leniency lists officers apply, and the discretion standards they consult. */
  leniency: LeniencySettings.default(GANZHOU_LENIENCY_EXAMPLES),
  rating: RatingSettings.default({ tokenTtlDays: 7, badAtMost: 2, followUpWorkingDays: 15, minCountForAggregate: 5 }),
  complaint: ComplaintSettings.default({ dueWorkingDays: 15 }),
  certCard: CertCardSettings.default({ tokenTtlMinutes: 5 }),
  calendar: CalendarSettings.default({ years: [], warnDaysBefore: 60 }),
  /** Rating from the company's own inspection list: allowed this many days after the result. */
  ratingFromList: z.object({ days: z.number().int().min(1) }).default({ days: 7 }),
  /** The company's rights shown in the inspection notice 检查告知, with their channels. */
  companyRights: z.array(CompanyRight).default(GANZHOU_COMPANY_RIGHTS),
  ledger: LedgerSettings.default({ maxBackdateDays: 30, manualPerDay: 10 }),
  /** Guesses allowed per caller per hour for bind codes and token look-ups. */
  limits: z
    .object({ bindAttemptsPerHour: z.number().int().min(1), tokenLookupsPerHour: z.number().int().min(1) })
    .default({ bindAttemptsPerHour: 10, tokenLookupsPerHour: 60 }),
})
export type Settings = z.infer<typeof Settings>

export const defaultSettings = (): Settings => Settings.parse({})

/**
 * The settings pages put into words (windows, deadlines, caps, special cases, validity
 * periods) or into the bounds of their date pickers: whoami sends them to the client, and
 * `types/rule-words.ts` turns them into the sentences pages and server messages show.
 */
export const RuleSettings = z.object({
  quietPeriod: QuietPeriodSettings,
  frequencyCap: FrequencyCapSettings,
  team: TeamSettings,
  repeated: RepeatedSettings,
  result: ResultSettings,
  rating: RatingSettings,
  complaint: ComplaintSettings,
  certCard: CertCardSettings,
  withdraw: WithdrawSettings.optional(),
  backfill: BackfillSettings.optional(),
  ledger: LedgerSettings.optional(),
})
export type RuleSettings = z.infer<typeof RuleSettings>

export const ruleSettingsOf = (s: Settings): RuleSettings => ({
  quietPeriod: s.quietPeriod,
  frequencyCap: s.frequencyCap,
  team: s.team,
  repeated: s.repeated,
  result: s.result,
  rating: s.rating,
  complaint: s.complaint,
  certCard: s.certCard,
  withdraw: s.withdraw,
  backfill: s.backfill,
  ledger: s.ledger,
})
