import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { MIN_KEY_LENGTH, type Keys } from '../server/platform/keys'

/**
 * The emulator's keys live beside its database file (`<db>.keys.json`, readable by the
 * owner only), never inside it: a copy of the database alone cannot unseal complainants
 * or forge tokens. Created on first start; an in-memory database gets fresh keys per run.
 */
export function emulatorKeys(dbPath: string): Keys {
  const fresh = (): Keys => ({ signing: randomBytes(32).toString('hex'), sealing: randomBytes(32).toString('hex') })
  if (dbPath === ':memory:') return fresh()
  const file = keysFileFor(dbPath)
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Keys>
    if (
      typeof stored.signing === 'string' &&
      stored.signing.length >= MIN_KEY_LENGTH &&
      typeof stored.sealing === 'string' &&
      stored.sealing.length >= MIN_KEY_LENGTH
    ) {
      return { signing: stored.signing, sealing: stored.sealing }
    }
    throw new Error(
      `${file} is not a valid keys file: move it away to start with new keys (tokens, bind codes and sealed contacts of this database will stop working)`,
    )
  }
  const keys = fresh()
  writeFileSync(file, JSON.stringify(keys, null, 2) + '\n', { mode: 0o600 })
  chmodSync(file, 0o600)
  return keys
}

export const keysFileFor = (dbPath: string): string => `${dbPath}.keys.json`
