import { certificateUsable, type OfficerRecord } from './records'

/**
 * Valid certificates (SPEC §2.3, measures 5 and 20): an officer whose certificate is
 * suspended, revoked or past its expiry cannot check in or join (CERT_INVALID), yet the
 * certificate card still shows, with the status, so a company sees it is invalid.
 */

export type CertificateState = 'valid' | 'suspended' | 'revoked' | 'expired'

export function certificateState(officer: Pick<OfficerRecord, 'certStatus' | 'certExpiresAt'>, now: number): CertificateState {
  if (certificateUsable(officer, now)) return 'valid'
  return officer.certStatus === 'valid' ? 'expired' : officer.certStatus
}

export const CERTIFICATE_STATE_LABELS: Record<CertificateState, string> = {
  valid: '有效',
  suspended: '暂扣',
  revoked: '吊销',
  expired: '已过期',
}
