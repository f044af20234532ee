/**
 * Errors shaped like wx-server-sdk's: an Error whose message starts with
 * `<api>:fail `, with `errCode` and `errMsg` set. Handlers match on the message
 * (see `isNotFound` in server/platform/db.ts).
 */
export interface CloudError extends Error {
  errCode: number
  errMsg: string
  /** What the database server answered (HTTP 200 `{ code, message }`), where known: what a wire server sends. */
  server?: { code: string; message: string }
}

export function cloudError(api: string, message: string, errCode = -1): CloudError {
  const err = new Error(`${api}:fail ${message}`) as CloudError
  err.errCode = errCode
  err.errMsg = err.message
  return err
}

/** Exactly the SDK's text for `doc(id).get()` on a missing document (in and out of transactions). */
export const notFoundError = (id: string): CloudError => cloudError('document.get', `document with _id ${id} does not exist`)

export const collectionMissingError = (api: string, name: string): CloudError =>
  cloudError(api, `-502005 database collection not exists. [ResourceNotFound] collection "${name}" is not declared in server/platform/collections.ts`, -502005)

export const duplicateKeyError = (api: string, name: string, index: string): CloudError =>
  cloudError(api, `-502001 database request fail. E11000 duplicate key error collection: ${name} index: ${index}`, -502001)

/** Wraps a validation failure thrown by the compilers into the SDK's error shape. */
export function asCloudError(api: string, err: unknown): unknown {
  if (err instanceof Error && !(err as Partial<CloudError>).errMsg) return cloudError(api, `-501001 invalid parameters. ${err.message}`, -501001)
  return err
}

/**
 * wx-server-sdk's text for a code it has no number of its own for: the server's code
 * (`DATABASE_TRANSACTION_CONFLICT`, …) is not in its table, so it reports SYS_ERR
 * (-501001) with this description, then the server's message.
 */
export const SYS_ERR = -501001
const SYS_ERR_TEXT = 'resource system error'

/**
 * What the database server answers (HTTP 200 `{ code, message }`) when a write meets a
 * document that another open transaction has written, or one committed after the
 * writer's snapshot: MongoDB's WriteConflict (error 112). The wire server of the local
 * cloud answers exactly this; the SDK turns it into `writeConflictError`'s shape.
 */
export const WRITE_CONFLICT = {
  code: 'DATABASE_TRANSACTION_CONFLICT',
  message: (collection: string, id: string): string =>
    `[WriteConflict] Write conflict on ${collection}/${id}: the document is written by another transaction (MongoDB error 112). Please retry your operation or multi-document transaction.`,
}

/** A conflict as wx-server-sdk reports it: `document.update:fail -501001 resource system error. [WriteConflict] …`. */
export function writeConflictError(api: string, collection: string, id: string): CloudError {
  const message = WRITE_CONFLICT.message(collection, id)
  const err = cloudError(api, `${SYS_ERR} ${SYS_ERR_TEXT}. ${message}`, SYS_ERR)
  err.server = { code: WRITE_CONFLICT.code, message }
  return err
}

/** A call in a transaction that an earlier failed write (or its lifetime) already ended. */
export const abortedTxError = (api: string, txId: string, cause: string): CloudError =>
  cloudError(api, `${SYS_ERR} ${SYS_ERR_TEXT}. [NoSuchTransaction] transaction ${txId} has been aborted: ${cause}`, SYS_ERR)

/** The most a document holds in the cloud: its BSON size is capped at 16 MB (MongoDB's limit). */
export const MAX_DOC_BYTES = 16 * 1024 * 1024

export const docTooLargeError = (api: string, name: string, bytes: number): CloudError =>
  cloudError(api, `-502001 database request fail. document in ${name} is ${bytes} bytes: a document may hold at most 16 MB (${MAX_DOC_BYTES} bytes)`, -502001)
