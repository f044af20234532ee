/** Enterprise page links with their parameters. */

/** The complain page, optionally about one inspection. */
export const complainUrl = (inspectionId?: string) =>
  inspectionId ? `/enterprise/complain/index?inspectionId=${encodeURIComponent(inspectionId)}` : '/enterprise/complain/index'

/** 检查告知 of one inspection. */
export const inspectionNoticeUrl = (inspectionId: string) => `/enterprise/inspection/index?id=${encodeURIComponent(inspectionId)}`

/** Rating one inspection from the company's own list (no rating code needed). */
export const rateInspectionUrl = (inspectionId: string) => `/enterprise/rate/index?inspectionId=${encodeURIComponent(inspectionId)}`

/** Rating one service visit 入企服务 from the company's own list. */
export const rateServiceVisitUrl = (visitId: string) => `/enterprise/rate/index?visitId=${encodeURIComponent(visitId)}`

/** The company's records, opened on its inspections or its service visits. */
export const companyVisitsUrl = (tab: 'inspections' | 'service' = 'inspections') => `/enterprise/inspections/index${tab === 'service' ? '?tab=service' : ''}`
