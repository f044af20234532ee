import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createDiskStorage } from '../../../emulator/storage'

describe('disk storage', () => {
  let root: string
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'emu-files-'))
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  test('put writes bytes; tempUrl and read serve them back with their type', async () => {
    const storage = createDiskStorage(root)
    const { fileID } = await storage.put('reports/2025-01/report_1.xlsx', Buffer.from('hello'), 'application/vnd.ms-excel')
    expect(fileID).toBe('local://reports/2025-01/report_1.xlsx')
    expect(readFileSync(path.join(root, 'reports/2025-01/report_1.xlsx'), 'utf8')).toBe('hello')
    const url = await storage.tempUrl(fileID)
    expect(url).toBe('/api/files/reports/2025-01/report_1.xlsx')
    const file = await storage.read(url.slice('/api/files/'.length))
    expect(file?.bytes.toString()).toBe('hello')
    expect(file?.contentType).toBe('application/vnd.ms-excel')
  })

  test.each([
    '../escape.txt',
    'a/../../escape.txt',
    '/etc/passwd',
    'a//b',
    'a\\..\\b',
    '.meta/x.json',
    'a/.hidden',
    '',
    'a/./b',
    'a\u0000b',
    'reports/报表.xlsx',
  ])('refuses the unsafe path %j', async (bad) => {
    const storage = createDiskStorage(root)
    await expect(storage.put(bad, Buffer.from('x'), 'text/plain')).rejects.toThrow()
    expect(await storage.read(bad)).toBeNull()
    await expect(storage.tempUrl('local://' + bad)).rejects.toThrow()
  })

  test('read refuses encoded traversal and answers null for missing files', async () => {
    const storage = createDiskStorage(root)
    expect(await storage.read('%2e%2e/%2e%2e/etc/passwd')).toBeNull()
    expect(await storage.read('..%2Fescape')).toBeNull()
    expect(await storage.read('missing.txt')).toBeNull()
  })

  test('tempUrl refuses ids that are not local files', async () => {
    const storage = createDiskStorage(root)
    await expect(storage.tempUrl('cloud://env/x.png')).rejects.toThrow()
  })
})
