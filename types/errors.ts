import { z } from 'zod'

/** Error codes of the contract (SPEC §3). */
export const ErrorCode = z.enum([
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'QUIET_PERIOD',
  'PLAN_REQUIRED',
  'CERT_INVALID',
  'FREQUENCY_CAP',
  'NEED_TWO_OFFICERS',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'ALREADY_RATED',
  'RATE_LIMITED',
  'INTERNAL',
])
export type ErrorCode = z.infer<typeof ErrorCode>

export const ErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.unknown().optional(),
})
export type ErrorBody = z.infer<typeof ErrorBody>

export type Ok<T> = { ok: true; data: T }
export type Fail = { ok: false; error: ErrorBody }
/** The envelope every function call answers with. */
export type Result<T> = Ok<T> | Fail

export const resultSchema = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data }), z.object({ ok: z.literal(false), error: ErrorBody })])

/** Default Chinese messages a person can act on. Handlers may give a more specific one. */
export const defaultMessages: Record<ErrorCode, string> = {
  INVALID_INPUT: '提交的信息有误，请检查后重试',
  UNAUTHENTICATED: '请先绑定身份（执法人员或企业）',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '没有找到对应的记录',
  CONFLICT: '记录已发生变化或已存在，请刷新后重试',
  QUIET_PERIOD: '安静生产期内不得入园区企业检查，如属特殊情形请选择情形类别',
  PLAN_REQUIRED: '没有覆盖该企业和今天的已批准检查计划，也未说明案件来源',
  CERT_INVALID: '执法证无效（暂扣、吊销或已过期），不能入企检查',
  FREQUENCY_CAP: '本部门今年对该企业的计划检查已达上限',
  NEED_TWO_OFFICERS: '执法检查须至少两名执法人员，请第二名人员扫码加入',
  TOKEN_INVALID: '二维码无效，请让对方重新出示',
  TOKEN_EXPIRED: '二维码已过期，请让对方刷新后重新出示',
  ALREADY_RATED: '该次检查已评价，不能重复评价',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
}
