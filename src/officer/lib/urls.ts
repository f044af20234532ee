/** Officer page links with their parameters (Chinese text is URL-encoded). */

export const recordUrl = (id: string, companyName: string, officers: number) =>
  `/officer/record-result/index?id=${encodeURIComponent(id)}&company=${encodeURIComponent(companyName)}&n=${officers}`

export const ratingUrl = (id: string, companyName: string) =>
  `/officer/rating-code/index?id=${encodeURIComponent(id)}&company=${encodeURIComponent(companyName)}`

/** A router parameter, decoded (H5 may hand it over encoded, weapp decoded). */
export function param(value: string | undefined): string {
  if (!value) return ''
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** The page a gate code opens, with its scene. */
export const previewUrl = (scene: string) => `/officer/preview/index?scene=${encodeURIComponent(scene)}`

/** An inspection's detail page (timeline, result, withdraw). */
export const detailUrl = (id: string) => `/officer/inspection/index?id=${encodeURIComponent(id)}`

/** The back-fill form for a company (from the department's plans). */
export const backfillUrl = (companyId: string, companyName: string, planId?: string) =>
  `/officer/backfill/index?companyId=${encodeURIComponent(companyId)}&company=${encodeURIComponent(companyName)}${planId ? `&planId=${encodeURIComponent(planId)}` : ''}`
