/** Enterprise page links with their parameters. */

/** The complain page, optionally about one inspection. */
export const complainUrl = (inspectionId?: string) =>
  inspectionId ? `/enterprise/complain/index?inspectionId=${encodeURIComponent(inspectionId)}` : '/enterprise/complain/index'

/** 检查告知 of one inspection. */
export const inspectionNoticeUrl = (inspectionId: string) => `/enterprise/inspection/index?id=${encodeURIComponent(inspectionId)}`

/** Rating one inspection from the company's own list (no rating code needed). */
export const rateInspectionUrl = (inspectionId: string) => `/enterprise/rate/index?inspectionId=${encodeURIComponent(inspectionId)}`
