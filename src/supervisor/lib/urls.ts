import type { AlertKind } from '@contract'

/** Routes inside the supervisor subpackage, with their query parameters. */

/** `path?k=v&…` of the options given (empty ones left out). */
const withQuery = (path: string, opts: Record<string, string | undefined>) => {
  const q = Object.entries(opts)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&')
  return `${path}${q ? `?${q}` : ''}`
}

export const alertsUrl = (kind?: AlertKind | 'all') => `/supervisor/alerts/index${kind && kind !== 'all' ? `?kind=${kind}` : ''}`
/** The exceptions review page, optionally opened on one inspection's case (`dept`: whose, for a joint inspection). */
export const exceptionsUrl = (opts: { status?: string; id?: string; dept?: string } = {}) => {
  const q = [
    opts.status ? `status=${opts.status}` : '',
    opts.id ? `id=${encodeURIComponent(opts.id)}` : '',
    opts.dept ? `dept=${encodeURIComponent(opts.dept)}` : '',
  ]
    .filter(Boolean)
    .join('&')
  return `/supervisor/exceptions/index${q ? `?${q}` : ''}`
}
export const complaintsUrl = (opts: { status?: string; id?: string } = {}) => {
  const q = [opts.status ? `status=${opts.status}` : '', opts.id ? `id=${encodeURIComponent(opts.id)}` : ''].filter(Boolean).join('&')
  return `/supervisor/complaints/index${q ? `?${q}` : ''}`
}

/** The inspection search, optionally opened on a month, status, department or company. */
export const inspectionsUrl = (opts: { month?: string; status?: string; deptId?: string; companyId?: string; flag?: string } = {}) =>
  withQuery('/supervisor/inspections/index', opts)
/** The service visits 入企服务 of a month, optionally of one flag. */
export const serviceVisitsUrl = (opts: { month?: string; flag?: string } = {}) => withQuery('/supervisor/service-visits/index', opts)
export const inspectionUrl = (id: string) => `/supervisor/inspection/index?id=${encodeURIComponent(id)}`
export const ledgerUrl = (companyId: string) => `/supervisor/ledger/index?companyId=${encodeURIComponent(companyId)}`

/** `inspections/abc` → `{ collection: 'inspections', id: 'abc' }` */
export function parseRef(ref: string): { collection: string; id: string } {
  const i = ref.indexOf('/')
  return i < 0 ? { collection: '', id: ref } : { collection: ref.slice(0, i), id: ref.slice(i + 1) }
}
