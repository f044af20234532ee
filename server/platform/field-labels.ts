import { AppError } from './errors'

/**
 * The words a person knows for the fields of the contract's inputs, so that an
 * INVALID_INPUT message never shows a field name (the page places it beside the field by
 * `details.issues[].path`). A field not listed is named by its last word, if that is listed.
 */
const FIELD_LABELS: Record<string, string> = {
  action: '操作',
  address: '地址',
  anonymous: '匿名',
  basis: '法律依据',
  category: '类别',
  certExpiresAt: '执法证有效期',
  certNo: '执法证号',
  checkInAt: '入企时间',
  clientRequestId: '请求编号',
  code: '绑定码',
  comment: '意见',
  companyId: '企业',
  companyIds: '企业',
  confirmed: '核实结论',
  content: '内容',
  contacted: '是否联系到企业',
  cursor: '翻页位置',
  date: '日期',
  decision: '审核结论',
  deptId: '执法单位',
  deptName: '执法单位名称',
  exception: '特殊情形',
  'exception.category': '特殊情形类别',
  'exception.reason': '特殊情形说明',
  field: '执法领域',
  findings: '检查情况',
  flag: '标记',
  followUp: '回访记录',
  from: '开始日期',
  id: '编号',
  inPark: '是否在园区',
  inspectionId: '检查',
  items: '检查事项',
  joinInspectionId: '要加入的检查',
  kind: '类型',
  lat: '纬度',
  leniencyItemId: '不予处罚事项',
  lng: '经度',
  accuracy: '定位精度',
  location: '位置',
  monitoringPoint: '监测点',
  month: '月份',
  name: '姓名或名称',
  note: '处理意见',
  officerId: '执法人员',
  officerNames: '执法人员姓名',
  openid: '微信账号',
  outcome: '检查结果',
  parkName: '园区名称',
  phone: '联系电话',
  planId: '检查计划',
  purpose: '事由',
  reason: '理由',
  rectifyBy: '整改期限',
  region: '辖区',
  role: '角色',
  satisfied: '是否满意',
  scale: '企业规模',
  scene: '企检码',
  score: '评分',
  source: '检查来源',
  sourceRef: '来源编号',
  status: '状态',
  step: '办理步骤',
  tags: '标签',
  text: '办理内容',
  title: '标题',
  to: '结束日期',
  token: '二维码',
  uscc: '统一社会信用代码',
  verdict: '审核结论',
}

/** The person's word for a field path (`['exception', 'reason']` → 特殊情形说明), or '' when unknown. */
export function fieldLabel(path: ReadonlyArray<string | number>): string {
  const names = path.filter((p) => typeof p === 'string') as string[]
  return FIELD_LABELS[names.join('.')] ?? FIELD_LABELS[names[names.length - 1] ?? ''] ?? ''
}

/** `输入有误：<field in words>——<what is wrong>`; the field's path stays in `details.issues`. */
export function invalidInputMessage(path: ReadonlyArray<string | number>, message: string): string {
  const label = fieldLabel(path)
  return label ? `${label}：${message}` : `输入有误：${message}`
}

/** INVALID_INPUT for one field, worded for a person, with its path for the page. */
export function invalidField(path: Array<string | number>, message: string, extra: Record<string, unknown> = {}): never {
  throw new AppError('INVALID_INPUT', invalidInputMessage(path, message), { ...extra, issues: [{ path, code: 'custom', message }] })
}
