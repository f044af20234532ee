import { callFn } from '../call'

/** The company's home: gate code, the quiet period for it, this year's inspections per department. */
export const companyOverview = () => callFn('enterprise', 'overview', {})
