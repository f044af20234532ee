import { callFn } from '../call'

/** The caller's digital certificate card with a short-lived verification QR code. */
export const certCard = () => callFn('inspection', 'certCard', {})
