import type { TestEmulator } from '../../helpers/emulator'

/**
 * The `wx` of the stand-in. Cloud functions go to the local emulator over its HTTP API
 * (as the H5 app's), signed in as the launch's openid; the device is faked at the edge:
 * the scanner answers what the test queued (or is cancelled), the GPS answers the launch's
 * fix (or is refused), storage is a map, navigation moves the stand-in's page stack.
 * Every API follows WeChat's callback style (success / fail / complete with errMsg).
 * Touching a `wx` member the stand-in does not have is recorded as a problem.
 */

type Callbacks = { success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: (r: unknown) => void }

export interface ScanAnswer {
  /** For a mini-program code: its page path with the query (scene encoded). */
  path?: string
  result?: string
  scanType?: string
}

export interface WxFakes {
  wx: Record<string, any>
  /** Answers for the next scanCode calls, in order; with none left the scan is cancelled. */
  scans: ScanAnswer[]
  storage: Map<string, unknown>
  /** Every cloud function call: `name.action`. */
  calls: string[]
  toasts: string[]
  opened: string[]
  keepScreenOn: boolean
  /** The template ids of every requestSubscribeMessage, in order (the user accepts them all). */
  subscribeRequests: string[][]
  /** Modal dialogs on screen, oldest first: each waits until the test taps one of its buttons. */
  modals: Modal[]
}

/** A wx.showModal dialog on screen: what it says, its buttons, and the tap that closes it. */
export interface Modal {
  title: string
  content: string
  confirmText: string
  /** Absent when the dialog shows no cancel button. */
  cancelText?: string
  /** Closes the dialog as the button of this text would. */
  tap: (button: string) => void
}

/** WeChat's limit on a modal button's text: over it the dialog never shows and the call fails. */
const MODAL_BUTTON_MAX = 4

export interface WxOptions {
  emulator: TestEmulator
  token: string
  location: { latitude: number; longitude: number; accuracy: number } | null
  navigate: (kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'navigateBack', url: string | number) => Promise<void>
  onMissing: (name: string) => void
}

/** Members Taro's runtime reads to learn the platform, or the webpack chunk registry it keeps on wx. */
const QUIET = new Set([
  'webpackJsonp',
  'then',
  'toJSON',
  'constructor',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  'onPageNotFound',
  'onUnhandledRejection',
  'onError',
])

export function createWx(opts: WxOptions): WxFakes {
  const fakes: WxFakes = {
    wx: {},
    scans: [],
    storage: new Map(),
    calls: [],
    toasts: [],
    opened: [],
    keepScreenOn: false,
    subscribeRequests: [],
    modals: [],
  }

  /** A WeChat async API: runs `body`, then success+complete with `name:ok`, or fail+complete with its errMsg. */
  const api =
    <A extends Callbacks>(name: string, body: (o: A) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void) =>
    (o: A = {} as A) => {
      const done = Promise.resolve()
        .then(() => body(o))
        .then(
          (r) => {
            const res = { ...(r ?? {}), errMsg: `${name}:ok` }
            o.success?.(res)
            o.complete?.(res)
            return res
          },
          (e: unknown) => {
            const res = { errMsg: e instanceof Error ? (e.message.startsWith(`${name}:fail`) ? e.message : `${name}:fail ${e.message}`) : String(e) }
            o.fail?.(res)
            o.complete?.(res)
            if (!o.fail && !o.complete && !o.success) throw res
            return res
          },
        )
      // WeChat returns a promise only when no callback is given.
      return o.success || o.fail || o.complete ? undefined : done
    }

  const info = {
    windowWidth: 375,
    windowHeight: 812,
    screenWidth: 375,
    screenHeight: 812,
    pixelRatio: 2,
    statusBarHeight: 44,
    safeArea: { top: 44, bottom: 778, left: 0, right: 375, width: 375, height: 734 },
  }
  const impl: Record<string, any> = {
    env: { USER_DATA_PATH: 'wxfile://usr' },
    getSystemInfoSync: () => ({
      ...info,
      platform: 'devtools',
      system: 'iOS 17.0',
      brand: 'devtools',
      model: 'iPhone X',
      SDKVersion: '3.3.4',
      version: '8.0.50',
      language: 'zh_CN',
    }),
    getWindowInfo: () => info,
    getMenuButtonBoundingClientRect: () => ({ top: 48, bottom: 80, left: 281, right: 368, width: 87, height: 32 }),
    getStorageSync: (key: string) => (fakes.storage.has(key) ? fakes.storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void fakes.storage.set(key, JSON.parse(JSON.stringify(value))),
    removeStorageSync: (key: string) => void fakes.storage.delete(key),
    navigateTo: api<Callbacks & { url: string }>('navigateTo', (o) => opts.navigate('navigateTo', o.url)),
    redirectTo: api<Callbacks & { url: string }>('redirectTo', (o) => opts.navigate('redirectTo', o.url)),
    reLaunch: api<Callbacks & { url: string }>('reLaunch', (o) => opts.navigate('reLaunch', o.url)),
    navigateBack: api<Callbacks & { delta?: number }>('navigateBack', (o) => opts.navigate('navigateBack', o.delta ?? 1)),
    pageScrollTo: api('pageScrollTo', () => {}),
    stopPullDownRefresh: api('stopPullDownRefresh', () => {}),
    setKeepScreenOn: api<Callbacks & { keepScreenOn: boolean }>('setKeepScreenOn', (o) => void (fakes.keepScreenOn = o.keepScreenOn)),
    showToast: api<Callbacks & { title: string }>('showToast', (o) => void fakes.toasts.push(o.title)),
    hideToast: api('hideToast', () => {}),
    showLoading: api('showLoading', () => {}),
    hideLoading: api('hideLoading', () => {}),
    // The dialog stays on screen until the test taps a button (MiniProgram.tapModal), as the person would.
    showModal: api<Callbacks & { title?: string; content?: string; showCancel?: boolean; confirmText?: string; cancelText?: string }>('showModal', (o) => {
      const confirmText = o.confirmText ?? '确定'
      const cancelText = o.showCancel === false ? undefined : (o.cancelText ?? '取消')
      for (const [name, text] of [
        ['confirmText', confirmText],
        ['cancelText', cancelText ?? ''],
      ])
        if ([...text].length > MODAL_BUTTON_MAX) throw new Error(`showModal:fail ${name} length should not larger than ${MODAL_BUTTON_MAX} Chinese characters`)
      return new Promise<Record<string, unknown>>((resolve) => {
        const modal: Modal = {
          title: o.title ?? '',
          content: o.content ?? '',
          confirmText,
          ...(cancelText ? { cancelText } : {}),
          tap: (button) => {
            if (button !== confirmText && button !== cancelText)
              throw new Error(`the dialog "${modal.title}" has no button "${button}" (it shows ${[cancelText, confirmText].filter(Boolean).join(' / ')})`)
            fakes.modals.splice(fakes.modals.indexOf(modal), 1)
            resolve({ confirm: button === confirmText, cancel: button !== confirmText, content: '' })
          },
        }
        fakes.modals.push(modal)
      })
    }),
    requestSubscribeMessage: api<Callbacks & { tmplIds: string[] }>('requestSubscribeMessage', (o) => {
      fakes.subscribeRequests.push([...o.tmplIds])
      return Object.fromEntries(o.tmplIds.map((id) => [id, 'accept']))
    }),
    previewImage: api<Callbacks & { urls: string[] }>('previewImage', (o) => void fakes.opened.push(...o.urls)),
    scanCode: api<Callbacks & { onlyFromCamera?: boolean }>('scanCode', () => {
      const next = fakes.scans.shift()
      if (!next) throw new Error('scanCode:fail cancel')
      return { result: next.result ?? '', path: next.path ?? '', scanType: next.scanType ?? (next.path ? 'WX_CODE' : 'QR_CODE'), charSet: 'utf-8', rawData: '' }
    }),
    getLocation: api<Callbacks & { type?: string }>('getLocation', (o) => {
      if (!opts.location) throw new Error('getLocation:fail auth deny')
      if (o.type !== 'gcj02') throw new Error('getLocation:fail the stand-in answers gcj02 only (what the check-in compares)')
      const { latitude, longitude, accuracy } = opts.location
      return { latitude, longitude, accuracy, horizontalAccuracy: accuracy, verticalAccuracy: 0, altitude: 0, speed: 0 }
    }),
    downloadFile: api<Callbacks & { url: string }>('downloadFile', (o) => ({ tempFilePath: `wxfile://tmp/${encodeURIComponent(o.url)}`, statusCode: 200 })),
    openDocument: api<Callbacks & { filePath: string }>('openDocument', (o) => void fakes.opened.push(o.filePath)),
    cloud: {
      init: () => {},
      callFunction: api<Callbacks & { name: string; data?: Record<string, unknown> }>('cloud.callFunction', async (o) => {
        fakes.calls.push(`${o.name}.${String(o.data?.action ?? '')}`)
        const res = await opts.emulator.post(`/api/fn/${encodeURIComponent(o.name)}`, JSON.stringify(o.data ?? {}), { authorization: `Bearer ${opts.token}` })
        if (res.status !== 200) throw new Error(`cloud.callFunction:fail HTTP ${res.status}`)
        return { result: res.body, requestID: `standin-${fakes.calls.length}` }
      }),
      downloadFile: api<Callbacks & { fileID: string }>('cloud.downloadFile', (o) => ({
        tempFilePath: `wxfile://tmp/${encodeURIComponent(o.fileID)}`,
        statusCode: 200,
      })),
    },
  }
  fakes.wx = new Proxy(impl, {
    get(target, key) {
      if (typeof key === 'symbol' || key in target) return target[key as string]
      if (!QUIET.has(key)) opts.onMissing(key)
      return undefined
    },
  })
  return fakes
}

/** The stand-in's own `wx` members, for checking them against WeChat's declaration. */
export function standInApiNames(): string[] {
  const fakes = createWx({ emulator: {} as TestEmulator, token: '', location: null, navigate: async () => {}, onMissing: () => {} })
  const target = fakes.wx as Record<string, any>
  return [...Object.keys(target).filter((k) => k !== 'cloud' && k !== 'env'), ...Object.keys(target.cloud).map((k) => `cloud.${k}`)]
}
