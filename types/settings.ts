import { z } from 'zod'

/**
 * Every rule of SPEC §2 as a setting. The defaults are Ganzhou's
 * (赣市府建办字〔2023〕2号); another city changes these values, not the code.
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
export const LeniencyList = z.object({ id: z.string().min(1).max(40), field: z.string().min(1).max(40), title: z.string().min(1).max(200), items: z.array(LeniencyItem) })
export type LeniencyList = z.infer<typeof LeniencyList>
export const DiscretionStandard = z.object({ title: z.string().min(1).max(200), url: z.string().max(500) })
export const LeniencySettings = z.object({ lists: z.array(LeniencyList), standards: z.array(DiscretionStandard) })
export type LeniencySettings = z.infer<typeof LeniencySettings>

const ART_33 = '《中华人民共和国行政处罚法》第三十三条第一款：违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。初次违法且危害后果轻微并及时改正的，可以不予行政处罚。'

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
        { id: 'market-1', title: '未将营业执照置于住所或者主要经营场所的醒目位置，经责令后及时改正', basis: `${ART_33}另见《市场主体登记管理条例》关于公示营业执照的规定。` },
        { id: 'market-2', title: '首次未按规定标明商品价格，未造成危害后果并及时改正', basis: `${ART_33}另见《中华人民共和国价格法》关于明码标价的规定。` },
      ],
    },
    {
      id: 'safety',
      field: '应急管理',
      title: '安全生产领域首违不罚清单（示例）',
      items: [{ id: 'safety-1', title: '首次未在有较大危险因素的场所设置明显的安全警示标志，当场改正', basis: `${ART_33}另见《中华人民共和国安全生产法》关于安全警示标志的规定。` }],
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
      items: [{ id: 'tax-1', title: '首次未按规定期限办理纳税申报，在税务机关发现前主动改正或在责令期限内改正', basis: `${ART_33}另见国家税务总局公布的《税务行政处罚“首违不罚”事项清单》。` }],
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
  })
  .superRefine((city, ctx) => {
    const seen = new Set<string>()
    ;(city.regions ?? []).forEach((r, i) => {
      if (!r.code.startsWith(city.code)) ctx.addIssue({ code: 'custom', path: ['regions', i, 'code'], message: `县区代码 ${r.code} 不属于 ${city.code}` })
      if (seen.has(r.code)) ctx.addIssue({ code: 'custom', path: ['regions', i, 'code'], message: `县区代码 ${r.code} 重复` })
      seen.add(r.code)
    })
  })
  .transform((city) => ({ ...city, regions: city.regions ?? (city.code === GANZHOU_CITY_CODE ? GANZHOU_REGIONS : []) }))
export type City = z.infer<typeof City>

export const Settings = z.object({
  /** Time zone of every date rule. */
  timezone: z.string().default('Asia/Shanghai'),
  city: City.default({ code: GANZHOU_CITY_CODE, name: '赣州市', regions: GANZHOU_REGIONS }),
  quietPeriod: z
    .object({
      enabled: z.boolean(),
      firstDay: z.number().int().min(1).max(31),
      lastDay: z.number().int().min(1).max(31),
      /** `park`: only companies in a park; `all`: every company. */
      scope: z.enum(['park', 'all']),
      categories: z.array(ExceptionCategory),
    })
    .default({ enabled: true, firstDay: 1, lastDay: 25, scope: 'park', categories: GANZHOU_EXCEPTION_CATEGORIES }),
  frequencyCap: z
    .object({ perDeptCompanyYear: z.number().int().min(0), countedKinds: z.array(z.enum(['routine', 'campaign', 'random'])) })
    .default({ perDeptCompanyYear: 2, countedKinds: ['routine', 'campaign'] }),
  team: z.object({ minOfficers: z.number().int().min(1), joinWindowMinutes: z.number().int().min(1) }).default({ minOfficers: 2, joinWindowMinutes: 120 }),
  repeated: z.object({ windowDays: z.number().int().min(1), threshold: z.number().int().min(2) }).default({ windowDays: 60, threshold: 2 }),
  geofence: z.object({ maxDistanceM: z.number().min(0), maxAccuracyM: z.number().min(0) }).default({ maxDistanceM: 1000, maxAccuracyM: 200 }),
  /** `maxRectifyDays`: the latest rectification date a result may set, in days after today (rule 20). */
  result: z
    .object({ dueDays: z.number().int().min(1), maxRectifyDays: z.number().int().min(1).default(180) })
    .default({ dueDays: 3, maxRectifyDays: 180 }),
  /** Rule 15: a case-sourced check-in within `afterCapDays` of a FREQUENCY_CAP refusal of the same department at the company is flagged `after_cap`. */
  caseSource: z.object({ afterCapDays: z.number().int().min(1) }).default({ afterCapDays: 30 }),
  /** Rule 18: an officer may withdraw a wrong scan within this many minutes of the check-in. */
  withdraw: z.object({ windowMinutes: z.number().int().min(1), minReasonLength: z.number().int().min(1) }).default({ windowMinutes: 30, minReasonLength: 10 }),
  /** Rule 17: a visit may be back-filled at most `maxDays` days after it happened. */
  backfill: z.object({ maxDays: z.number().int().min(0), minReasonLength: z.number().int().min(1) }).default({ maxDays: 3, minReasonLength: 10 }),
  /** Rule 20: the leniency lists officers apply, and the discretion standards they consult. */
  leniency: LeniencySettings.default(GANZHOU_LENIENCY_EXAMPLES),
  rating: z
    .object({
      tokenTtlDays: z.number().int().min(1),
      badAtMost: z.number().int().min(1).max(4),
      followUpWorkingDays: z.number().int().min(1),
      minCountForAggregate: z.number().int().min(1),
    })
    .default({ tokenTtlDays: 7, badAtMost: 2, followUpWorkingDays: 15, minCountForAggregate: 5 }),
  complaint: z.object({ dueWorkingDays: z.number().int().min(1) }).default({ dueWorkingDays: 15 }),
  certCard: z.object({ tokenTtlMinutes: z.number().int().min(1) }).default({ tokenTtlMinutes: 5 }),
  /** Entries a company adds to its ledger by hand (SPEC §6): how far back, how many a day. */
  ledger: z.object({ maxBackdateDays: z.number().int().min(0), manualPerDay: z.number().int().min(1) }).default({ maxBackdateDays: 30, manualPerDay: 10 }),
  /** Guesses allowed per caller per hour for bind codes and token look-ups. */
  limits: z.object({ bindAttemptsPerHour: z.number().int().min(1), tokenLookupsPerHour: z.number().int().min(1) }).default({ bindAttemptsPerHour: 10, tokenLookupsPerHour: 60 }),
})
export type Settings = z.infer<typeof Settings>

export const defaultSettings = (): Settings => Settings.parse({})
