import type { Backfill, ExceptionVerdict, InspectionException } from '@contract'

/**
 * The supervisor's review of special cases 特殊情形 (SPEC §2.1) and back-fills (rule 17),
 * one case per department (rule 14): the leading department's case is its special case
 * and/or its back-fill, reviewed by one verdict; each department that joined the
 * inspection with a special case of its own has its own case, listed and reviewed on its own.
 */

export interface CaseHolder {
  deptId: string
  deptName: string
  exception?: InspectionException
  backfill?: Pick<Backfill, 'review'>
  joins?: Array<{ deptId: string; deptName: string; exception?: InspectionException }>
}

export interface ReviewCase {
  deptId: string
  deptName: string
  /** The leading department's case (its special case and/or back-fill), else a joined department's special case. */
  lead: boolean
  /** pending while anything of the case waits; else the verdict. */
  review: ExceptionVerdict
  exception?: InspectionException
  backfillPending: boolean
}

/** Every case of the inspection, the leading department's first. */
export function reviewCases(r: CaseHolder): ReviewCase[] {
  const out: ReviewCase[] = []
  if (r.exception || r.backfill) {
    const backfillPending = r.backfill?.review === 'pending'
    const review = r.exception?.review === 'pending' || backfillPending ? 'pending' : (r.exception ?? r.backfill)!.review
    out.push({ deptId: r.deptId, deptName: r.deptName, lead: true, review, ...(r.exception ? { exception: r.exception } : {}), backfillPending })
  }
  for (const j of r.joins ?? [])
    if (j.exception)
      out.push({ deptId: j.deptId, deptName: j.deptName, lead: false, review: j.exception.review, exception: j.exception, backfillPending: false })
  return out
}

/** The cases of the inspection whose state is `status`. */
export const casesWith = (r: CaseHolder, status: ExceptionVerdict): ReviewCase[] => reviewCases(r).filter((c) => c.review === status)

export type CasePick =
  | { ok: true; case: ReviewCase }
  /** none: no special case nor back-fill at all; not_on: the named department has no case here; several: more than one pending and none named; done: already reviewed. */
  | { ok: false; problem: 'none' }
  | { ok: false; problem: 'not_on' }
  | { ok: false; problem: 'several'; pending: ReviewCase[] }
  | { ok: false; problem: 'done'; case?: ReviewCase }

/**
 * Which case a review is about: the named department's, or, when none is named, the one
 * pending case (a single case, reviewed or not, when nothing is pending).
 */
export function pickCase(r: CaseHolder, deptId?: string): CasePick {
  const all = reviewCases(r)
  if (all.length === 0) return { ok: false, problem: 'none' }
  let chosen: ReviewCase | undefined
  if (deptId !== undefined) {
    chosen = all.find((c) => c.deptId === deptId)
    if (!chosen) return { ok: false, problem: 'not_on' }
  } else {
    const pending = all.filter((c) => c.review === 'pending')
    if (pending.length > 1) return { ok: false, problem: 'several', pending }
    chosen = pending[0] ?? (all.length === 1 ? all[0] : undefined)
    if (!chosen) return { ok: false, problem: 'done' }
  }
  return chosen.review === 'pending' ? { ok: true, case: chosen } : { ok: false, problem: 'done', case: chosen }
}
