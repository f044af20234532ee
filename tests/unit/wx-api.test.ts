import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PRIVATE_INFO_APIS, USER_LOCATION_APIS } from '../../scripts/deploy/validate'
import { appPrivacyProblems, compareVersions, requiredBaseLibrary, taroCalls, unknownWxCalls, wxApis, type AppPrivacyConfig } from '../../scripts/weapp/wx-api'

/**
 * What the weapp build asks of WeChat: every Taro.X the pages call exists in `wx` as WeChat
 * declares it (miniprogram-api-typings), the pinned base library has all of them, and the
 * app config asks for nothing WeChat would refuse.
 */

const ROOT = path.resolve(__dirname, '..', '..')
const SRC = path.join(ROOT, 'src')
const g = globalThis as unknown as { defineAppConfig: (c: AppPrivacyConfig) => AppPrivacyConfig }
g.defineAppConfig = (c) => c
const appConfig: AppPrivacyConfig = require('@/app.config').default
const privacy = (config: AppPrivacyConfig, calls = taroCalls(SRC)) => appPrivacyProblems(config, calls, PRIVATE_INFO_APIS, USER_LOCATION_APIS)

describe('the weapp sources', () => {
  const calls = taroCalls(SRC)

  test('call WeChat APIs the pages need (navigation, scan, location, cloud functions)', () => {
    const names = new Set(calls.map((c) => c.name))
    for (const n of ['navigateTo', 'scanCode', 'getLocation', 'cloud.init', 'cloud.callFunction']) expect(names).toContain(n)
  })

  test('every Taro.X they call exists in wx (miniprogram-api-typings)', () => {
    expect(unknownWxCalls(calls)).toEqual([])
  })

  test('project.config.json pins a base library that has every API they call', () => {
    const { libVersion } = JSON.parse(readFileSync(path.join(ROOT, 'project.config.json'), 'utf8')) as { libVersion?: string }
    expect(libVersion).toMatch(/^\d+\.\d+\.\d+$/)
    const needed = requiredBaseLibrary(calls)
    expect({ libVersion, atLeast: compareVersions(libVersion!, needed.version) >= 0 }).toEqual({ libVersion, atLeast: true })
  })

  test('app.config asks for nothing WeChat would refuse, and for everything the calls need', () => {
    expect(privacy(appConfig)).toEqual([])
  })
})

describe('a call WeChat does not have is named with its file and line', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'inspectpass-wxapi-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    writeFileSync(path.join(dir, file), text)
  }

  test('Taro.X, Taro.cloud.X and named imports; hooks, types and H5-only files are not WeChat calls', () => {
    write(
      'pages/a/index.tsx',
      [
        "import Taro, { useRouter, showToast, summonTaxi } from '@tarojs/taro'",
        'export const go = () => Taro.navigateTo({ url: "/x" })',
        'export const bad = () => Taro.getPhoneUnlockCode()',
        'export const cloud = () => Taro.cloud.callFunction({ name: "f" })',
        'export const badCloud = () => Taro.cloud.summon()',
        'export type T = Taro.scanCode.ScanType',
        'export const here = () => Taro.getCurrentInstance()',
        'export { useRouter, showToast, summonTaxi }',
      ].join('\n'),
    )
    write('services/transport.h5.ts', "import Taro from '@tarojs/taro'\nexport const x = () => Taro.requestH5Only()\n")
    expect(unknownWxCalls(taroCalls(dir))).toEqual([
      'pages/a/index.tsx:1: Taro.summonTaxi is not a WeChat API (wx.summonTaxi is not in miniprogram-api-typings)',
      'pages/a/index.tsx:3: Taro.getPhoneUnlockCode is not a WeChat API (wx.getPhoneUnlockCode is not in miniprogram-api-typings)',
      'pages/a/index.tsx:5: Taro.cloud.summon is not a WeChat API (wx.cloud.summon is not in miniprogram-api-typings)',
    ])
  })

  test('the base library an API needs comes from its WeChat declaration', () => {
    expect(wxApis().get('batchGetStorageSync')).toBe('2.25.0')
    expect(
      requiredBaseLibrary([
        { name: 'navigateTo', file: 'a.tsx', line: 1 },
        { name: 'batchGetStorageSync', file: 'b.tsx', line: 7 },
      ]),
    ).toEqual({
      version: '2.25.0',
      because: 'Taro.batchGetStorageSync (b.tsx:7)',
    })
  })
})

describe('app.config privacy declarations', () => {
  const at = (name: string) => ({ name, file: 'officer/lib/location.ts', line: 4 })
  const ok: AppPrivacyConfig = { requiredPrivateInfos: ['getLocation'], permission: { 'scope.userLocation': { desc: '用于核验执法人员是否在企业现场' } } }

  test.each<[string, AppPrivacyConfig, string[], RegExp]>([
    [
      'getLocation called but not declared',
      { ...ok, requiredPrivateInfos: [] },
      ['getLocation'],
      /location\.ts:4: Taro\.getLocation needs "getLocation" in app\.config requiredPrivateInfos/,
    ],
    ['declared but never called', ok, [], /"getLocation" is declared but no page calls Taro\.getLocation/],
    [
      'an API WeChat does not let apps declare',
      { ...ok, requiredPrivateInfos: ['getLocation', 'getWifiList'] },
      ['getLocation'],
      /"getWifiList" is not an API WeChat lets an app declare/,
    ],
    [
      'getLocation with getFuzzyLocation',
      { ...ok, requiredPrivateInfos: ['getLocation', 'getFuzzyLocation'] },
      ['getLocation', 'getFuzzyLocation'],
      /refuses getLocation and getFuzzyLocation together/,
    ],
    ['no purpose for the location', { requiredPrivateInfos: ['getLocation'] }, ['getLocation'], /needs permission\["scope\.userLocation"\]\.desc/],
    [
      'an unknown scope',
      { ...ok, permission: { ...ok.permission, 'scope.camera': { desc: '扫码' } } },
      ['getLocation'],
      /"scope\.camera" is not a scope app\.json can declare/,
    ],
    [
      'a purpose over 30 characters',
      { ...ok, permission: { 'scope.userLocation': { desc: '用于核验执法人员是否在企业现场'.repeat(3) } } },
      ['getLocation'],
      /has 45 characters; WeChat allows 30/,
    ],
  ])('%s', (_name, config, called, expected) => {
    expect(privacy(config, called.map(at))).toEqual([expect.stringMatching(expected)])
  })
})
