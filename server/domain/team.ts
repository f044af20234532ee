import type { Settings } from '@contract'

/**
 * Two officers (SPEC §2.4; 行政处罚法 art. 42): the first scan opens the inspection; a
 * second officer of the same department who scans the same company within the join
 * window (Ganzhou: 2 hours, inclusive) joins it. A result needs at least `minOfficers`.
 */

export interface OpenInspectionLike {
  deptId: string
  companyId: string
  checkInAt: number
  status: string
  hasResult: boolean
}

/** The last instant a scan still joins an inspection opened at `checkInAt`. */
export const joinWindowEnd = (checkInAt: number, settings: Pick<Settings, 'team'>): number => checkInAt + settings.team.joinWindowMinutes * 60_000

export function canJoin(open: OpenInspectionLike, scan: { deptId: string; companyId: string; now: number }, settings: Pick<Settings, 'team'>): boolean {
  return (
    open.deptId === scan.deptId &&
    open.companyId === scan.companyId &&
    open.status === 'open' &&
    !open.hasResult &&
    scan.now >= open.checkInAt &&
    scan.now <= joinWindowEnd(open.checkInAt, settings)
  )
}

export const enoughOfficers = (officerIds: readonly string[], settings: Pick<Settings, 'team'>): boolean =>
  new Set(officerIds).size >= settings.team.minOfficers
