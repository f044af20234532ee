import type { TestEmulator } from './emulator'

type Company = { id: string; location: { lat: number; lng: number } }

/** A GPS fix at the company's registered location, as an officer's phone at its gate gives it. */
const gateFix = (company: Company) => ({ lat: company.location.lat, lng: company.location.lng, accuracy: 20 })

/**
 * The officers' side of a journey, through the API: a check-in at the company's gate on a
 * complaint (case source REF-2026-0001), with a GPS fix at its registered location.
 */
export const complaintCheckIn = (app: Pick<TestEmulator, 'call'>, officer: string, company: Company, clientRequestId: string) =>
  app.call(
    'inspection',
    'checkIn',
    {
      scene: `c=${company.id}`,
      clientRequestId,
      source: 'complaint',
      sourceRef: 'REF-2026-0001',
      location: gateFix(company),
    },
    officer,
  )

/** A check-in at the company's gate under a plan (source `plan`), with a GPS fix at its registered location. */
export const planCheckIn = (app: Pick<TestEmulator, 'call'>, officer: string, company: Company, clientRequestId: string) =>
  app.call('inspection', 'checkIn', { scene: `c=${company.id}`, clientRequestId, source: 'plan', location: gateFix(company) }, officer)

/** A result of `rectify` with its findings and deadline, through the API. */
export const rectifyResult = (app: Pick<TestEmulator, 'call'>, officer: string, inspectionId: string, findings: string, rectifyBy: string) =>
  app.call('inspection', 'recordResult', { inspectionId, outcome: 'rectify', findings, rectifyBy }, officer)

/** A service visit 入企服务 to explain policy (purpose `policy`) with its note, at the company's gate, through the API. */
export const policyServiceVisit = (app: Pick<TestEmulator, 'call'>, officer: string, company: Company, clientRequestId: string, note: string) =>
  app.call('inspection', 'serviceVisit', { scene: `c=${company.id}`, clientRequestId, purpose: 'policy', note, location: gateFix(company) }, officer)
