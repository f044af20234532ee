/** Ganzhou's geography for the supervisor pages: the county picker and short department names. */

/** Ganzhou's county-level divisions (GB/T 2260), for the region picker and labels. */
export const REGIONS: { code: string; name: string }[] = [
  { code: '3607', name: '赣州市（全市）' },
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

export const regionName = (code?: string) => (code ? (REGIONS.find((r) => r.code === code)?.name ?? code) : '')

/** Department names are long (赣州市市场监督管理局): drop the city prefix on charts. */
export const shortDeptName = (name: string) => name.replace(/^赣州市/, '')
