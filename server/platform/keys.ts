/**
 * The keys that protect people (SPEC §6), never stored in the database they protect:
 * - `signing` signs tokens (rating codes, certificate cards, emulator sessions) and hashes
 *   bind codes;
 * - `sealing` seals the openid a complaint update goes to and keys the pseudonyms of
 *   complainants, raters and anonymous actors.
 * In WeChat cloud they come from the function's environment (set by the deploy,
 * docs/deploy.md); the emulator keeps them in a file beside its database file.
 */
export interface Keys {
  signing: string
  sealing: string
}

/** The environment variables the cloud functions read their keys from. */
export const KEY_ENV = { signing: 'INSPECTPASS_SIGNING_KEY', sealing: 'INSPECTPASS_SEALING_KEY' } as const

/** Shortest key accepted: 32 characters (e.g. 32 random bytes as 64 hex digits is plenty). */
export const MIN_KEY_LENGTH = 32

/** The keys from the environment, or the names of the variables that are missing or too short. */
export function keysFromEnv(env: Record<string, string | undefined>): { keys: Keys } | { missing: string[] } {
  const missing = Object.values(KEY_ENV).filter((name) => (env[name] ?? '').trim().length < MIN_KEY_LENGTH)
  if (missing.length) return { missing }
  return { keys: { signing: env[KEY_ENV.signing]!.trim(), sealing: env[KEY_ENV.sealing]!.trim() } }
}
