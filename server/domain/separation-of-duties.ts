import type { Role } from '@contract'

/**
 * Separation of duties (SPEC §6): whoever supervises enforcement does not also enforce or
 * run a department. A supervisor is never also an officer or a department admin.
 */
const INCOMPATIBLE: Partial<Record<Role, Role[]>> = {
  supervisor: ['officer', 'deptAdmin'],
  officer: ['supervisor'],
  deptAdmin: ['supervisor'],
}

/** The role among `held` that `adding` may not be held together with, or null. */
export function roleConflict(held: readonly Role[], adding: Role): Role | null {
  return (INCOMPATIBLE[adding] ?? []).find((role) => held.includes(role)) ?? null
}
