import type { CertStatus, Role, Settings } from '@contract'
import type { Database } from './db'
import type { Keys } from './keys'

/**
 * What a handler may touch. Only the thin cloud entry (`server/entries/*`) and the
 * emulator know which platform fills these in.
 */

/** A bound user as stored in `users` (doc id = `userIdFor(openid)`). */
export interface UserRecord {
  _id: string
  openid: string
  roles: Role[]
  name: string
  deptId?: string
  companyId?: string
  region?: string
  officerId?: string
  /** The bound officer's certificate and department, copied here (see OfficerSnapshot). */
  officer?: OfficerSnapshot
  /** The officer's latest certificate-card token, shown again while it has time left (cardTokens/<id>). */
  cardToken?: { id: string; expiresAt: number }
  createdAt: number
  updatedAt: number
}

/**
 * A copy of the bound officer's certificate and department on their user document, so
 * the scan at the gate learns who is scanning from the one read the dispatcher makes
 * anyway (docs/PERFORMANCE.md). The `officers` and `departments` documents stay the
 * source of truth; every write that changes a copied field rewrites the copy in the same
 * handler: bindOfficer, upsertOfficer, setCertStatus, upsertDepartment.
 */
export interface OfficerSnapshot {
  officerId: string
  name: string
  certNo: string
  certStatus: CertStatus
  certExpiresAt: number
  deptId: string
  deptName: string
  deptRegion: string
}

export interface Caller {
  openid: string
  /** null when the openid is not bound to anybody yet. */
  user: UserRecord | null
}

/** File storage: cloud storage in WeChat cloud, a folder on disk in the emulator. */
export interface FileStorage {
  /** Stores bytes under `path`; answers the file's id. */
  put(path: string, bytes: Buffer, contentType: string): Promise<{ fileID: string }>
  /** A URL the client can download the file from for a while. */
  tempUrl(fileID: string): Promise<string>
}

/** Mini-program codes: `wxacode.getUnlimited` in the cloud, a plain QR code locally. */
export interface CodeMaker {
  /** Answers an image reference the client can show (data URL, or a cloud fileID/URL). */
  image(payload: { scene: string; page: string }): Promise<string>
}

/** Subscription messages in the cloud, an outbox table locally. */
export interface Notifier {
  send(message: { touser: string; template: string; page?: string; data: Record<string, string> }): Promise<void>
}

export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void
  error(event: string, fields?: Record<string, unknown>): void
}

/** Services a platform provides to the dispatcher. */
export interface Platform {
  db: Database
  /** The caller's openid (cloud: getWXContext().OPENID read inside main; emulator: the session's). */
  openid: string
  /** Current time, UTC epoch ms. */
  clock: () => number
  storage: FileStorage
  codes: CodeMaker
  notify: Notifier
  log: Logger
  /** Environment settings (ADMIN_OPENIDS, …). */
  env: Record<string, string | undefined>
  /** The keys that protect people (server/platform/keys.ts), from outside the database. */
  keys: Keys
  /** Set only for the timer trigger: the call runs as the system, not as a user. */
  trusted?: boolean
  /** The emulator and the tests (never the cloud): every answer is checked against its action's answer schema. */
  checkAnswers?: boolean
}

/** What every handler receives beside its validated input. */
export interface Ctx {
  db: Database
  caller: Caller
  /** The instant of this request, read once from the platform clock. */
  now: number
  settings: Settings
  storage: FileStorage
  codes: CodeMaker
  notify: Notifier
  log: Logger
  requestId: string
  /** The signing key: tokens, bind codes (from the platform's keys, never from the database). */
  secret: string
  /** The sealing key: sealed contacts and the pseudonyms of complainants, raters and anonymous actors. */
  sealingKey: string
  env: Record<string, string | undefined>
}
