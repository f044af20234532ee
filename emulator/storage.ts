import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { FileStorage } from '../server/platform/context'

/**
 * Cloud storage stand-in: files in a folder. `put('reports/a.xlsx', …)` writes
 * `<root>/reports/a.xlsx` and answers `local://reports/a.xlsx`; `tempUrl` answers
 * `/api/files/reports/a.xlsx`, which the HTTP server serves through `read`.
 * Content types are kept beside the files in `<root>/.meta/`, out of reach of URLs.
 */

export const FILE_ID_PREFIX = 'local://'
export const FILE_URL_PREFIX = '/api/files/'

export interface DiskStorage extends FileStorage {
  /** The stored bytes and content type of a relative path, or null when absent or unsafe. */
  read(relPath: string): Promise<{ bytes: Buffer; contentType: string } | null>
  /** Absolute path on disk for a relative path; throws on traversal. */
  resolve(relPath: string): string
}

/**
 * Letters, digits, `_`, `-`, `.`: the cloud's SDK sends the path in a request header, which
 * refuses Chinese (uploadFile fails), so a stored file is named plainly and its name for
 * people travels beside it (`fileName`).
 */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/

/** Checks a storage path: relative, `/`-separated, no `..`, no dot-files, no odd characters. */
export function checkStoragePath(relPath: string): string {
  if (typeof relPath !== 'string' || relPath.length === 0 || relPath.length > 512) throw new Error('storage path must be a non-empty string')
  const segs = relPath.split('/')
  for (const seg of segs) {
    if (!SEGMENT.test(seg) || seg.includes('..')) throw new Error(`unsafe storage path: ${JSON.stringify(relPath)}`)
  }
  return segs.join('/')
}

export function createDiskStorage(root: string): DiskStorage {
  const base = path.resolve(root)
  const resolve = (relPath: string): string => {
    const abs = path.resolve(base, checkStoragePath(relPath))
    if (!abs.startsWith(base + path.sep)) throw new Error(`unsafe storage path: ${JSON.stringify(relPath)}`)
    return abs
  }
  const metaOf = (relPath: string): string => path.join(base, '.meta', checkStoragePath(relPath) + '.json')

  return {
    resolve,
    async put(relPath, bytes, contentType) {
      const abs = resolve(relPath)
      await mkdir(path.dirname(abs), { recursive: true })
      await writeFile(abs, bytes)
      const meta = metaOf(relPath)
      await mkdir(path.dirname(meta), { recursive: true })
      await writeFile(meta, JSON.stringify({ contentType }))
      return { fileID: FILE_ID_PREFIX + checkStoragePath(relPath) }
    },
    async tempUrl(fileID) {
      if (typeof fileID !== 'string' || !fileID.startsWith(FILE_ID_PREFIX)) throw new Error(`not a local file id: ${String(fileID).slice(0, 80)}`)
      const rel = checkStoragePath(fileID.slice(FILE_ID_PREFIX.length))
      return FILE_URL_PREFIX + rel.split('/').map(encodeURIComponent).join('/')
    },
    async read(relPath) {
      let abs: string
      let rel: string
      try {
        rel = checkStoragePath(decodeURIComponentSafe(relPath))
        abs = resolve(rel)
      } catch {
        return null
      }
      try {
        const bytes = await readFile(abs)
        let contentType = 'application/octet-stream'
        try {
          contentType = (JSON.parse(await readFile(metaOf(rel), 'utf8')) as { contentType?: string }).contentType ?? contentType
        } catch {
          // no metadata: serve as bytes
        }
        return { bytes, contentType }
      } catch {
        return null
      }
    },
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return s.split('/').map(decodeURIComponent).join('/')
  } catch {
    return s
  }
}
