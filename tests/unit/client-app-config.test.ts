/** app.config: small main package, one subpackage per role, every page has its files, location permission declared. */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { TILES_BY_ROLE } from '@/pages/home/tiles'

type AppConfig = {
  pages: string[]
  subPackages: { root: string; pages: string[] }[]
  lazyCodeLoading?: string
  requiredPrivateInfos?: string[]
  permission?: Record<string, { desc: string }>
}

const g = globalThis as unknown as { defineAppConfig: (c: AppConfig) => AppConfig }
g.defineAppConfig = (c) => c
const config: AppConfig = require('@/app.config').default
const src = path.resolve(__dirname, '../../src')

describe('app.config', () => {
  it('keeps only home, the two bind pages and the inbox (every role’s) in the main package', () => {
    expect(config.pages).toEqual(['pages/home/index', 'pages/bind-officer/index', 'pages/bind-company/index', 'pages/messages/index'])
  })

  it('declares the officer, enterprise and supervisor subpackages', () => {
    expect(config.subPackages.map((s) => s.root)).toEqual(['officer', 'enterprise', 'supervisor'])
  })

  it('has a component and a page config for every page', () => {
    const all = [...config.pages, ...config.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]
    for (const page of all) {
      expect(existsSync(path.join(src, `${page}.tsx`))).toBe(true)
      expect(existsSync(path.join(src, `${page}.config.ts`))).toBe(true)
    }
  })

  it('links every home tile to a declared page', () => {
    const declared = new Set(config.subPackages.flatMap((s) => s.pages.map((p) => `/${s.root}/${p}`)))
    for (const { tiles } of Object.values(TILES_BY_ROLE)) for (const t of tiles) expect(declared.has(t.url)).toBe(true)
  })

  it('loads code lazily and declares the location permission with a Chinese reason', () => {
    expect(config.lazyCodeLoading).toBe('requiredComponents')
    expect(config.requiredPrivateInfos).toContain('getLocation')
    expect(config.permission?.['scope.userLocation']?.desc).toBe('用于核验执法人员是否在企业现场')
  })
})
