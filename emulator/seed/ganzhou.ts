import { defaultSettings } from '@contract'

/**
 * Reference data for Ganzhou 赣州市 (city code 3607): its 18 county-level divisions with
 * their administrative division codes (GB/T 2260; 龙南 became a city in 2020: 360727 →
 * 360783), approximate county-seat coordinates, real departments and real parks.
 */

export interface County {
  code: string
  name: string
  /** Approximate county seat (WGS-84-ish; good enough for the geofence demo). */
  seat: { lat: number; lng: number }
  /** How many demo companies to place here (the city centre gets the most). */
  companies: number
}

const city = defaultSettings().city

/** The city of the default settings (Ganzhou). */
export const GANZHOU_CITY = { code: city.code, name: city.name } as const

/** Demo-only data per county, keyed by code; the codes and names come from the settings. */
const COUNTY_DEMO: Record<string, Pick<County, 'seat' | 'companies'>> = {
  '360702': { seat: { lat: 25.8312, lng: 114.9355 }, companies: 68 },
  '360703': { seat: { lat: 25.6614, lng: 114.7651 }, companies: 35 },
  '360704': { seat: { lat: 25.8604, lng: 115.0118 }, companies: 20 },
  '360722': { seat: { lat: 25.3864, lng: 114.9226 }, companies: 15 },
  '360723': { seat: { lat: 25.4015, lng: 114.362 }, companies: 10 },
  '360724': { seat: { lat: 25.785, lng: 114.551 }, companies: 8 },
  '360725': { seat: { lat: 25.6815, lng: 114.3083 }, companies: 8 },
  '360726': { seat: { lat: 25.1369, lng: 115.3933 }, companies: 8 },
  '360728': { seat: { lat: 24.784, lng: 115.0277 }, companies: 10 },
  '360729': { seat: { lat: 24.7424, lng: 114.5305 }, companies: 8 },
  '360730': { seat: { lat: 26.4702, lng: 116.009 }, companies: 12 },
  '360731': { seat: { lat: 25.952, lng: 115.4153 }, companies: 20 },
  '360732': { seat: { lat: 26.3378, lng: 115.3633 }, companies: 12 },
  '360733': { seat: { lat: 25.6004, lng: 115.7862 }, companies: 10 },
  '360734': { seat: { lat: 24.963, lng: 115.6464 }, companies: 8 },
  '360735': { seat: { lat: 26.3146, lng: 116.346 }, companies: 8 },
  '360781': { seat: { lat: 25.8857, lng: 116.027 }, companies: 20 },
  '360783': { seat: { lat: 24.9113, lng: 114.7895 }, companies: 20 },
}

/** The settings' counties in their order, with the demo seat and company count of each. */
export const GANZHOU_COUNTIES: County[] = city.regions.map((r) => {
  const demo = COUNTY_DEMO[r.code] ?? { seat: { lat: 25.8312, lng: 114.9355 }, companies: 5 }
  return { code: r.code, name: r.name, ...demo }
})

export interface Park {
  name: string
  county: string
  /** Offset of the park's centre from the county seat, in degrees. */
  offset: { lat: number; lng: number }
  /** What the park's companies make. */
  industries: string[]
}

/** Real parks (经开区、高新区、工业园、产业园); functional zones are placed in the county that hosts them. */
export const GANZHOU_PARKS: Park[] = [
  {
    name: '赣州经济技术开发区',
    county: '360702',
    offset: { lat: -0.02, lng: -0.07 },
    industries: ['新能源汽车零部件', '电子科技', '生物医药', '新材料科技', '智能装备'],
  },
  { name: '章贡高新技术产业园区', county: '360702', offset: { lat: 0.04, lng: -0.03 }, industries: ['生物制药', '电子信息', '食品科技', '智能制造'] },
  { name: '赣州高新技术产业开发区', county: '360704', offset: { lat: 0.01, lng: 0.04 }, industries: ['稀土新材料', '钨业', '永磁电机', '新材料科技'] },
  { name: '南康家具产业园', county: '360703', offset: { lat: 0.02, lng: 0.03 }, industries: ['家具', '实木家具', '板式家具', '木业'] },
  { name: '龙南经济技术开发区', county: '360783', offset: { lat: 0.015, lng: -0.02 }, industries: ['电子信息', '稀土新材料', '氟化工', '电路板'] },
  { name: '瑞金经济技术开发区', county: '360781', offset: { lat: -0.015, lng: -0.03 }, industries: ['电气', '食品', '纺织', '新能源科技'] },
  { name: '信丰高新技术产业园区', county: '360722', offset: { lat: 0.02, lng: 0.02 }, industries: ['电子信息', '数字视听', '脐橙加工'] },
  { name: '于都工业园区', county: '360731', offset: { lat: -0.01, lng: 0.03 }, industries: ['纺织服装', '服饰', '制衣'] },
  { name: '兴国经济开发区', county: '360732', offset: { lat: 0.01, lng: -0.02 }, industries: ['电子科技', '服装', '新型建材'] },
  { name: '定南工业园区', county: '360728', offset: { lat: 0.01, lng: 0.02 }, industries: ['稀土新材料', '电子科技', '精密模具'] },
  { name: '大余工业园区', county: '360723', offset: { lat: -0.01, lng: 0.02 }, industries: ['钨业', '有色金属', '新材料科技'] },
  { name: '宁都工业园区', county: '360730', offset: { lat: -0.02, lng: 0.01 }, industries: ['食品', '轻纺', '建材'] },
  { name: '会昌工业园区', county: '360733', offset: { lat: 0.01, lng: 0.02 }, industries: ['氟盐化工', '新型建材', '食品'] },
  { name: '全南工业园区', county: '360729', offset: { lat: 0.01, lng: -0.015 }, industries: ['稀土新材料', '电子科技', '芳香产业'] },
]

export interface DepartmentSeed {
  key: string
  name: string
  field: string
}

/** City-level enforcement departments (region 3607). */
export const CITY_DEPARTMENTS: DepartmentSeed[] = [
  { key: 'amr', name: '赣州市市场监督管理局', field: '市场监管' },
  { key: 'em', name: '赣州市应急管理局', field: '应急管理' },
  { key: 'eco', name: '赣州市生态环境局', field: '生态环境' },
  { key: 'fire', name: '赣州市消防救援支队', field: '消防' },
  { key: 'tax', name: '国家税务总局赣州市税务局', field: '税务' },
  { key: 'urban', name: '赣州市城市管理局', field: '城市管理' },
  { key: 'trans', name: '赣州市交通运输局', field: '交通运输' },
  { key: 'health', name: '赣州市卫生健康委员会', field: '卫生健康' },
  { key: 'build', name: '赣州市住房和城乡建设局', field: '住房城乡建设' },
  { key: 'hrss', name: '赣州市人力资源和社会保障局', field: '人力资源社会保障' },
]

/** County-level departments for a few counties (the rest follow the same pattern). */
export const COUNTY_DEPARTMENTS: Record<string, DepartmentSeed[]> = {
  '360702': [
    { key: 'amr', name: '章贡区市场监督管理局', field: '市场监管' },
    { key: 'em', name: '章贡区应急管理局', field: '应急管理' },
    { key: 'eco', name: '赣州市章贡生态环境局', field: '生态环境' },
    { key: 'fire', name: '章贡区消防救援大队', field: '消防' },
    { key: 'tax', name: '国家税务总局赣州市章贡区税务局', field: '税务' },
  ],
  '360703': [
    { key: 'amr', name: '南康区市场监督管理局', field: '市场监管' },
    { key: 'em', name: '南康区应急管理局', field: '应急管理' },
    { key: 'fire', name: '南康区消防救援大队', field: '消防' },
    { key: 'tax', name: '国家税务总局赣州市南康区税务局', field: '税务' },
  ],
  '360781': [
    { key: 'amr', name: '瑞金市市场监督管理局', field: '市场监管' },
    { key: 'em', name: '瑞金市应急管理局', field: '应急管理' },
    { key: 'tax', name: '国家税务总局瑞金市税务局', field: '税务' },
  ],
  '360783': [
    { key: 'amr', name: '龙南市市场监督管理局', field: '市场监管' },
    { key: 'em', name: '龙南市应急管理局', field: '应急管理' },
    { key: 'tax', name: '国家税务总局龙南市税务局', field: '税务' },
  ],
  '360731': [
    { key: 'amr', name: '于都县市场监督管理局', field: '市场监管' },
    { key: 'em', name: '于都县应急管理局', field: '应急管理' },
  ],
}

/** Industries of companies outside parks (shops, services, trade). */
export const TOWN_INDUSTRIES = [
  '商贸',
  '餐饮管理',
  '超市',
  '大药房',
  '物流',
  '酒店管理',
  '建材',
  '汽车销售服务',
  '农业开发',
  '脐橙种植',
  '食品',
  '印务',
  '装饰工程',
  '乳业',
  '茶业',
  '家电销售',
]

export const BRAND_WORDS = [
  '鑫源',
  '华宇',
  '恒达',
  '金瑞',
  '宏图',
  '盛发',
  '嘉和',
  '永丰',
  '顺达',
  '天成',
  '瑞丰',
  '博远',
  '新锐',
  '中联',
  '汇通',
  '鼎盛',
  '荣昌',
  '锦华',
  '赣南',
  '章江',
  '贡江',
  '通天岩',
  '客家',
  '宝华',
  '丰源',
  '明达',
  '诚信',
  '众鑫',
  '宏发',
  '兴旺',
  '远航',
  '创新',
  '国泰',
  '金诚',
  '福瑞',
  '佳和',
  '腾飞',
  '万隆',
  '正邦',
  '聚源',
  '红土',
  '钨都',
  '稀金',
  '虔州',
  '郁孤',
  '赣康',
  '鑫鹏',
  '益民',
  '同福',
  '和顺',
]

export const ROADS = [
  '人民路',
  '解放路',
  '建设路',
  '文化路',
  '新华路',
  '环城路',
  '红旗大道',
  '迎宾大道',
  '长征大道',
  '沿江路',
  '和平路',
  '胜利路',
  '中山路',
  '滨江大道',
  '健康路',
]
export const PARK_ROADS = ['工业大道', '创业路', '科技大道', '兴业路', '发展大道', '金岭路', '富康路', '产业大道', '工业一路', '工业二路', '创新大道']

export const SURNAMES = [
  '张',
  '王',
  '李',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '邓',
  '曾',
  '肖',
  '钟',
  '赖',
  '温',
  '廖',
  '邱',
  '彭',
]
export const GIVEN_NAMES = [
  '伟',
  '芳',
  '敏',
  '静',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '志强',
  '海燕',
  '晓东',
  '文辉',
  '丽萍',
  '国华',
  '春生',
  '秀兰',
  '德明',
  '俊杰',
  '雪梅',
  '振华',
  '小红',
  '永红',
  '家豪',
]
