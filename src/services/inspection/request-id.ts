/** A fresh idempotency key for one check-in attempt (URL-safe, 20+ chars); reused on retries of the same visit. */
export function newClientRequestId(): string {
  const rand = () => Math.floor(Math.random() * 0x100000000).toString(36)
  return `ci-${Date.now().toString(36)}-${rand()}${rand()}`
}
