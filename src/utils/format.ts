import type { Role } from '@contract'

/** `YYYY-MM-DD` (a China date) → `M月D日`, for display only. */
export function monthDay(date: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(date)
  return m ? `${Number(m[1])}月${Number(m[2])}日` : date
}

/** Role keys → the Chinese names people know them by. */
export const ROLE_LABELS: Record<Role, string> = {
  officer: '执法人员',
  enterprise: '企业联系人',
  deptAdmin: '执法单位管理员',
  supervisor: '监督人员',
  admin: '系统管理员',
}
