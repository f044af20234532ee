import type { Role } from '@contract'

export type TileSpec = { id: string; title: string; desc: string; glyph: string; url: string }

/** Home entries per role, in the order a user of that role needs them most. */
export const TILES_BY_ROLE: Record<Role, { heading: string; tiles: TileSpec[] }> = {
  officer: {
    heading: '执法检查',
    tiles: [
      { id: 'tile-scan', title: '扫码入企', desc: '进企业前扫企业码登记', glyph: '扫', url: '/officer/scan/index' },
      { id: 'tile-my-inspections', title: '我的检查', desc: '进行中与已结束的检查', glyph: '查', url: '/officer/my-inspections/index' },
      { id: 'tile-cert-card', title: '亮证', desc: '出示电子执法证', glyph: '证', url: '/officer/cert-card/index' },
      { id: 'tile-plans', title: '检查计划', desc: '本部门已批准的计划；未能扫码时补录', glyph: '计', url: '/officer/plans/index' },
    ],
  },
  enterprise: {
    heading: '企业服务',
    tiles: [
      { id: 'tile-verify-officer', title: '核验执法人员', desc: '扫对方亮证码核验身份', glyph: '验', url: '/enterprise/verify-officer/index' },
      { id: 'tile-rate', title: '扫码评价', desc: '扫执法人员评价码评价检查', glyph: '评', url: '/enterprise/rate/index' },
      { id: 'tile-inspections', title: '检查记录', desc: '检查告知、结果与评价', glyph: '录', url: '/enterprise/inspections/index' },
      { id: 'tile-complain', title: '投诉举报', desc: '可匿名，由监督部门受理', glyph: '诉', url: '/enterprise/complain/index' },
      { id: 'tile-complaints', title: '我的投诉', desc: '查看办理进度与答复', glyph: '进', url: '/enterprise/complaints/index' },
      { id: 'tile-ledger', title: '监测点台账', desc: '入企检查登记台账', glyph: '账', url: '/enterprise/ledger/index' },
    ],
  },
  deptAdmin: {
    heading: '执法单位管理',
    tiles: [
      { id: 'tile-plans', title: '检查计划', desc: '提交与查看检查计划', glyph: '计', url: '/supervisor/plans/index' },
      { id: 'tile-dashboard', title: '本单位统计', desc: '检查、红灯与评价汇总', glyph: '统', url: '/supervisor/dashboard/index' },
      { id: 'tile-search', title: '本单位检查', desc: '逐次查看检查与经过', glyph: '查', url: '/supervisor/inspections/index' },
      { id: 'tile-roster', title: '执法人员', desc: '人员、证件与绑定码', glyph: '员', url: '/supervisor/roster/index' },
    ],
  },
  supervisor: {
    heading: '执法监督',
    tiles: [
      { id: 'tile-dashboard', title: '监督看板', desc: '各部门检查情况', glyph: '看', url: '/supervisor/dashboard/index' },
      { id: 'tile-alerts', title: '预警', desc: '超期、差评、未扫码等', glyph: '警', url: '/supervisor/alerts/index' },
      { id: 'tile-search', title: '检查查询', desc: '按部门、企业、标记查找', glyph: '查', url: '/supervisor/inspections/index' },
      { id: 'tile-plans', title: '计划审核', desc: '审核各部门检查计划', glyph: '审', url: '/supervisor/plans/index' },
      { id: 'tile-exceptions', title: '例外审核', desc: '安静期特殊情形入企', glyph: '例', url: '/supervisor/exceptions/index' },
      { id: 'tile-handle-complaints', title: '投诉处理', desc: '受理、答复与办结', glyph: '办', url: '/supervisor/complaints/index' },
      { id: 'tile-report', title: '月度通报', desc: '导出本月通报表', glyph: '报', url: '/supervisor/report/index' },
    ],
  },
  admin: {
    heading: '系统管理',
    tiles: [
      // Only what an administrator may open (the dashboard is for supervisors and department admins).
      { id: 'tile-roster', title: '名册管理', desc: '部门、企业、人员与绑定码', glyph: '册', url: '/supervisor/roster/index' },
    ],
  },
}

const ROLE_ORDER: Role[] = ['officer', 'enterprise', 'supervisor', 'deptAdmin', 'admin']

/** The sections to show for a user's roles; a tile already shown for another role is not repeated. */
export function sectionsFor(roles: readonly Role[]): { role: Role; heading: string; tiles: TileSpec[] }[] {
  const seen = new Set<string>()
  const sections: { role: Role; heading: string; tiles: TileSpec[] }[] = []
  for (const role of ROLE_ORDER) {
    if (!roles.includes(role)) continue
    const tiles = TILES_BY_ROLE[role].tiles.filter((t) => !seen.has(t.id))
    tiles.forEach((t) => seen.add(t.id))
    if (tiles.length) sections.push({ role, heading: TILES_BY_ROLE[role].heading, tiles })
  }
  return sections
}
