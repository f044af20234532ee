/**
 * Errors shaped like wx-server-sdk's: an Error whose message starts with
 * `<api>:fail `, with `errCode` and `errMsg` set. Handlers match on the message
 * (see `isNotFound` in server/platform/db.ts).
 */
export interface CloudError extends Error {
  errCode: number
  errMsg: string
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
