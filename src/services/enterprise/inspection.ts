import { callFn } from '../call'

/** 检查告知: one inspection of the caller's company in full, with the company's rights. */
export const inspectionNotice = (inspectionId: string) => callFn('enterprise', 'inspection', { inspectionId })
