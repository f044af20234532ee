import { readDoc } from './docs'
import { countBindFailure } from './rate-limits'
import type { Ctx } from '../platform/context'
import type { Transaction } from '../platform/db'
import { fail } from '../platform/errors'
import { newId } from '../platform/ids'
import { BIND_CODE_TTL_DAYS, bindCodeState, generateBindCode, hashBindCode, type BindCodeKind, type BindCodeRecord } from '../domain/bind-codes'

const DAY_MS = 86_400_000

/** The stored code for this subject whose hash matches what was typed (any state), or null. */
async function findTypedCode(ctx: Ctx, kind: BindCodeKind, subjectId: string, typed: string): Promise<BindCodeRecord | null> {
  const hash = hashBindCode(typed, ctx.secret)
  const got = await ctx.db.collection('bindCodes').where({ subjectId, codeHash: hash }).limit(10).get()
  const records = got.data as unknown as BindCodeRecord[]
  return records.find((r) => r.kind === kind) ?? null
}

/** Refuses a matching code that can no longer be used, saying why. */
function refuseUnusableCode(code: BindCodeRecord, now: number): void {
  const state = bindCodeState(code, now)
  if (state === 'used') fail('FORBIDDEN', '该绑定码已使用过。如需重新绑定，请联系管理员')
  if (state === 'voided') fail('FORBIDDEN', '该绑定码已作废（已签发新的绑定码），请使用最新的绑定码')
  if (state === 'expired') fail('FORBIDDEN', '该绑定码已过期，请联系管理员重新签发')
}

/**
 * A failed bind attempt: counted toward the hourly limit, then refused (FORBIDDEN) with
 * `wrong`, one answer that does not say which part was wrong.
 */
export async function refuseWrongBind(ctx: Ctx, wrong: string): Promise<never> {
  await countBindFailure(ctx)
  return fail('FORBIDDEN', wrong)
}

/**
 * The code the caller typed for this subject: none matching is a failed attempt
 * (`refuseWrongBind`); a used, voided or expired one is refused saying why.
 */
export async function typedUsableCode(ctx: Ctx, kind: BindCodeKind, subjectId: string, typed: string, wrong: string): Promise<BindCodeRecord> {
  const code = (await findTypedCode(ctx, kind, subjectId, typed)) ?? (await refuseWrongBind(ctx, wrong))
  refuseUnusableCode(code, ctx.now)
  return code
}

/** Marks the code used inside the binding transaction; refuses when another bind won the race. */
export async function consumeCode(ctx: Ctx, tx: Transaction, codeId: string, userId: string): Promise<void> {
  const fresh = await readDoc<BindCodeRecord>(tx, 'bindCodes', codeId)
  if (!fresh || bindCodeState(fresh, ctx.now) !== 'usable') fail('CONFLICT', '该绑定码刚刚已被使用，请刷新后重试')
  await tx
    .collection('bindCodes')
    .doc(codeId)
    .update({ data: { usedAt: ctx.now, usedBy: userId } })
}

/**
 * Creates a new code for the subject inside `tx` and answers its plaintext, which is shown
 * once and never stored. `expires: false` for codes without an expiry (the demo seed).
 */
export async function issueCode(
  ctx: Pick<Ctx, 'now' | 'secret'>,
  tx: Transaction,
  kind: BindCodeKind,
  subjectId: string,
  options: { expires?: boolean } = {},
): Promise<string> {
  const code = generateBindCode()
  const id = newId('bind')
  const record: Omit<BindCodeRecord, '_id'> = {
    kind,
    subjectId,
    codeHash: hashBindCode(code, ctx.secret),
    createdAt: ctx.now,
    ...(options.expires === false ? {} : { expiresAt: ctx.now + BIND_CODE_TTL_DAYS * DAY_MS }),
  }
  await tx.collection('bindCodes').doc(id).set({ data: record })
  return code
}

/** Ids of the subject's codes that are still usable (to void them when a new one is issued). */
export async function usableCodeIds(ctx: Ctx, subjectId: string): Promise<string[]> {
  const got = await ctx.db.collection('bindCodes').where({ subjectId }).limit(100).get()
  return (got.data as unknown as BindCodeRecord[]).filter((r) => bindCodeState(r, ctx.now) === 'usable').map((r) => r._id)
}
