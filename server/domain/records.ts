import type { CertStatus, Scale } from '@contract'
import type { CompanyGate } from './gate'

/**
 * The stored shapes of the roster collections. The document id `_id` is the entity's
 * `id`; `city` (the 4-digit city code of `region`) lets a city-wide scope query by
 * equality instead of a prefix.
 */

export interface DepartmentRecord {
  _id: string
  name: string
  region: string
  city: string
  /** The enforcement field, e.g. 市场监管, 应急管理. */
  field: string
  createdAt: number
  updatedAt: number
}

/** A bound contact of a company: their user (the inbox) and openid (the subscription message). */
export interface CompanyContact {
  userId: string
  openid: string
}

export interface CompanyRecord {
  _id: string
  uscc: string
  name: string
  region: string
  city: string
  address: string
  location: { lat: number; lng: number }
  inPark: boolean
  parkName?: string
  scale: Scale
  monitoringPoint: boolean
  /** The generated gate code image, kept because WeChat rate-limits getUnlimited. */
  gateCodeImage?: string
  gateCodeScene?: string
  /** What the check-in reads and moves (join locks, caps, recent check-ins, ledger head, plans). Never sent to a client. */
  gate?: CompanyGate
  /**
   * The company's bound contacts (account.bindEnterprise adds them), whom its notices go to:
   * read with the company, so telling them costs no query (store/messages.ts). At most
   * MAX_CONTACTS. Never sent to a client.
   */
  contacts?: CompanyContact[]
  createdAt: number
  updatedAt: number
}

export interface OfficerRecord {
  _id: string
  deptId: string
  name: string
  certNo: string
  certExpiresAt: number
  certStatus: CertStatus
  certStatusReason?: string
  /** The `users` doc id of the WeChat account bound to this certificate. */
  userId?: string
  createdAt: number
  updatedAt: number
}

/** A certificate is usable for inspections when valid and not past its expiry. */
export const certificateUsable = (officer: Pick<OfficerRecord, 'certStatus' | 'certExpiresAt'>, now: number): boolean =>
  officer.certStatus === 'valid' && now <= officer.certExpiresAt
