import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import type { TestEmulator } from '../../helpers/emulator'
import { Templates, textOf, walk, type WxElement } from './templates'
import { createWx, type Modal, type WxFakes } from './wx'

/**
 * A WeChat runtime stand-in for tests: it runs the real weapp build (dist/weapp, the code
 * WeChat would run) in a Node sandbox with `App`, `Page`, `Component`, `getApp`,
 * `getCurrentPages`, a module `require` over the package, and a `wx` whose cloud functions
 * are the local emulator's (the same HTTP API the H5 tests use) and whose device APIs
 * (scanner, location, storage, navigation) are faked at the edge (./wx.ts). Pages render
 * through wcc's output (./templates.ts), and a test taps elements by id or text.
 *
 * What it is not: a layout engine (no CSS, no sizes), WeChat's real base library, or the
 * cloud. It fails loudly where WeChat would: an API `wx` does not have, a setData WeChat
 * refuses, a template warning, an error in page code.
 */

export const WEAPP_ROOT = path.resolve(__dirname, '..', '..', '..', 'dist', 'weapp')

type PageConfig = Record<string, any> & { data?: Record<string, unknown> }

export interface PageInstance {
  route: string
  options: Record<string, string>
  data: Record<string, any>
  config: PageConfig
  self: Record<string, any>
}

/** WeChat's limit on one setData (bytes of JSON); above it the call fails. */
const SET_DATA_LIMIT = 1024 * 1024

function setPath(data: Record<string, any>, key: string, value: unknown) {
  const parts: Array<string | number> = []
  key.replace(/\[(\d+)\]|([^.[\]]+)/g, (_m, idx: string | undefined, name: string | undefined) => {
    parts.push(idx !== undefined ? Number(idx) : name!)
    return ''
  })
  let o: any = data
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i]
    if (o[p] == null || typeof o[p] !== 'object') o[p] = typeof parts[i + 1] === 'number' ? [] : {}
    o = o[p]
  }
  o[parts[parts.length - 1]] = value
}

/** `a/b/index?x=1&y=2` → route and raw query values (WeChat does not decode them for navigateTo). */
export function parseUrl(url: string, from?: string): { route: string; query: Record<string, string> } {
  const [p, q = ''] = url.split('?')
  let route = p
  if (!route.startsWith('/') && from) route = path.posix.join(path.posix.dirname(from), route)
  route = route.replace(/^\//, '')
  const query: Record<string, string> = {}
  for (const pair of q.split('&').filter(Boolean)) {
    const i = pair.indexOf('=')
    query[i < 0 ? pair : pair.slice(0, i)] = i < 0 ? '' : pair.slice(i + 1)
  }
  return { route, query }
}

export interface LaunchOptions {
  emulator: TestEmulator
  /** The WeChat user (openid) the cloud sees; the emulator's dev login gives its token. */
  openid: string
  /** The first page, as a mini-program path with query (default: the first page of app.json). */
  url?: string
  /** The phone's GPS fix (gcj02); null: the user refused the location. */
  location?: { latitude: number; longitude: number; accuracy: number } | null
  root?: string
}

export class MiniProgram {
  /** Template warnings, setData refusals, errors printed by page code, unknown `wx` APIs. */
  readonly problems: string[] = []
  readonly stack: PageInstance[] = []
  readonly fakes: WxFakes
  private readonly modules = new Map<string, { exports: any }>()
  private readonly pageConfigs = new Map<string, PageConfig>()
  private readonly sandbox: Record<string, any>
  private readonly templates: Templates
  private readonly appJson: { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }> }
  private app: Record<string, any> | undefined
  private loadingRoute = ''
  private readonly timers = new Set<NodeJS.Timeout>()
  private closed = false

  private constructor(
    readonly root: string,
    opts: LaunchOptions,
    token: string,
  ) {
    this.appJson = this.readJson('app.json') as MiniProgram['appJson']
    this.templates = new Templates(
      root,
      (f) => this.readJson(f),
      (m) => this.problems.push(`template: ${m}`),
    )
    this.fakes = createWx({
      emulator: opts.emulator,
      token,
      location: opts.location === undefined ? null : opts.location,
      navigate: (kind, url) => this.navigate(kind, url),
      onMissing: (name) => this.problems.push(`wx.${name} is used but the stand-in has no such WeChat API`),
    })
    const log =
      (level: string) =>
      (...a: unknown[]) =>
        this.problems.push(
          `console.${level}: ${a.map((x) => (isErrorLike(x) ? (x.stack ?? x.message) : typeof x === 'string' ? x : JSON.stringify(x))).join(' ')}`,
        )
    // The page code's timers, tracked so that close() leaves nothing running.
    const timers = this.timers
    this.sandbox = vm.createContext({
      console: { log: () => {}, info: () => {}, debug: () => {}, warn: log('warn'), error: log('error') },
      setTimeout: (fn: () => void, ms?: number, ...args: unknown[]) => {
        const t = setTimeout(() => {
          timers.delete(t)
          fn(...(args as []))
        }, ms)
        timers.add(t)
        return t
      },
      clearTimeout: (t: NodeJS.Timeout) => {
        timers.delete(t)
        clearTimeout(t)
      },
      setInterval: (fn: () => void, ms?: number, ...args: unknown[]) => {
        const t = setInterval(() => fn(...(args as [])), ms)
        timers.add(t)
        return t
      },
      clearInterval: (t: NodeJS.Timeout) => {
        timers.delete(t)
        clearInterval(t)
      },
    })
    // The phone's clock agrees with the cloud's (network time): the page code's Date follows the emulator's clock.
    const now = () => opts.emulator.emulator.clock.now()
    vm.runInContext(
      `(function (now) {
        const Real = Date
        function PhoneDate(...a) {
          if (!new.target) return new Real(now()).toString()
          return a.length ? new Real(...a) : new Real(now())
        }
        PhoneDate.prototype = Real.prototype
        PhoneDate.now = now
        PhoneDate.parse = Real.parse
        PhoneDate.UTC = Real.UTC
        globalThis.Date = PhoneDate
      })`,
      this.sandbox,
    )(now)
    const s = this.sandbox
    s.wx = this.fakes.wx
    s.App = (config: Record<string, any>) => (this.app = config)
    s.Page = (config: PageConfig) => this.pageConfigs.set(this.loadingRoute, config)
    s.Component = (config: PageConfig) => this.pageConfigs.set(this.loadingRoute, config)
    s.Behavior = (b: unknown) => b
    s.getApp = () => this.app
    s.getCurrentPages = () => this.stack.map((p) => p.self)
    s.requirePlugin = (name: string) => {
      throw new Error(`requirePlugin(${name}): the app declares no plugins`)
    }
  }

  /** Starts the mini-program as WeChat does: app.js, App.onLaunch, then the first page. */
  static async launch(opts: LaunchOptions): Promise<MiniProgram> {
    const root = opts.root ?? WEAPP_ROOT
    if (!existsSync(path.join(root, 'app.json'))) throw new Error(`${root} is not built: run \`npm run build:weapp\``)
    const token = await opts.emulator.login(opts.openid)
    const mp = new MiniProgram(root, opts, token)
    mp.require('app.js')
    if (!mp.app) throw new Error('app.js did not call App()')
    const first = parseUrl(opts.url ?? mp.appJson.pages[0])
    mp.app.onLaunch?.call(mp.app, { path: first.route, query: first.query, scene: 1001 })
    mp.app.onShow?.call(mp.app, { path: first.route, query: first.query, scene: 1001 })
    await mp.open(first.route, first.query)
    return mp
  }

  private readJson(file: string): any {
    const full = path.join(this.root, file)
    return existsSync(full) ? JSON.parse(readFileSync(full, 'utf8')) : null
  }

  /** The package's module system: each file runs once, with require relative to itself. */
  private require(file: string): any {
    const abs = path.resolve(this.root, file.endsWith('.js') ? file : `${file}.js`)
    if (!abs.startsWith(this.root + path.sep)) throw new Error(`require outside the package: ${file}`)
    const hit = this.modules.get(abs)
    if (hit) return hit.exports
    const module = { exports: {} as any }
    this.modules.set(abs, module)
    const fn = vm.runInContext(`(function (require, module, exports) {${readFileSync(abs, 'utf8')}\n})`, this.sandbox, { filename: abs })
    fn((p: string) => this.require(path.relative(this.root, path.resolve(path.dirname(abs), p))), module, module.exports)
    return module.exports
  }

  private declared(route: string): boolean {
    if (this.appJson.pages.includes(route)) return true
    return (this.appJson.subPackages ?? []).some((s) => s.pages.some((p) => `${s.root.replace(/\/$/, '')}/${p}` === route))
  }

  private async open(route: string, query: Record<string, string>): Promise<PageInstance> {
    if (!this.declared(route)) throw new Error(`page "${route}" is not declared in app.json`)
    if (!this.pageConfigs.has(route)) {
      this.loadingRoute = route
      this.require(`${route}.js`)
      this.loadingRoute = ''
    }
    const config = this.pageConfigs.get(route)
    if (!config) throw new Error(`${route}.js did not call Page()`)
    const self: Record<string, any> = Object.create(config)
    const page: PageInstance = { route, options: query, data: structuredClone(config.data ?? {}), config, self }
    Object.assign(self, {
      route,
      __route__: route,
      options: query,
      data: page.data,
      setData: (update: Record<string, unknown>, cb?: () => void) => this.setData(page, update, cb),
    })
    const prev = this.stack[this.stack.length - 1]
    this.stack.push(page)
    if (prev) prev.config.onHide?.call(prev.self)
    config.onLoad?.call(self, { ...query })
    config.onShow?.call(self)
    config.onReady?.call(self)
    await this.settle()
    return page
  }

  private setData(page: PageInstance, update: Record<string, unknown>, cb?: () => void) {
    let json: string
    try {
      json = JSON.stringify(update)
    } catch (e) {
      this.problems.push(`setData on ${page.route}: data is not serialisable (${(e as Error).message})`)
      return
    }
    if (Buffer.byteLength(json) > SET_DATA_LIMIT) this.problems.push(`setData on ${page.route}: ${Buffer.byteLength(json)} bytes, over WeChat's 1 MB`)
    for (const [key, value] of Object.entries(update)) {
      if (value === undefined) this.problems.push(`setData on ${page.route}: field "${key}" set to undefined, which WeChat refuses`)
      else setPath(page.data, key, JSON.parse(JSON.stringify(value)))
    }
    if (cb) setTimeout(cb, 0)
  }

  /** Unloads every page (as WeChat does when the mini-program is destroyed) and stops the page code's timers. */
  close(): void {
    if (this.closed) return
    while (this.stack.length) {
      const gone = this.stack.pop()!
      gone.config.onUnload?.call(gone.self)
    }
    this.closed = true
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
  }

  private async navigate(kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'navigateBack', url: string | number): Promise<void> {
    if (this.closed) throw new Error(`${kind}:fail the mini-program is closed`)
    const top = this.stack[this.stack.length - 1]
    if (kind === 'navigateBack') {
      const n = Math.max(1, Number(url) || 1)
      for (let i = 0; i < n && this.stack.length > 1; i++) {
        const gone = this.stack.pop()!
        gone.config.onUnload?.call(gone.self)
      }
      const now = this.stack[this.stack.length - 1]
      now.config.onShow?.call(now.self)
      return
    }
    const { route, query } = parseUrl(String(url), top?.route)
    if (!this.declared(route)) throw new Error(`${kind}:fail page "${route}" is not found`)
    if (kind === 'redirectTo' && top) {
      this.stack.pop()
      top.config.onUnload?.call(top.self)
    }
    if (kind === 'reLaunch') {
      while (this.stack.length) {
        const gone = this.stack.pop()!
        gone.config.onUnload?.call(gone.self)
      }
    }
    if (kind === 'navigateTo' && this.stack.length >= 10) throw new Error('navigateTo:fail webview count limit exceed')
    // WeChat opens the page after the call returns.
    setTimeout(() => void this.open(route, query), 0)
  }

  /** Lets timers, promises and pending cloud calls run. */
  async settle(ms = 30): Promise<void> {
    await new Promise((r) => setTimeout(r, ms))
  }

  get page(): PageInstance {
    const p = this.stack[this.stack.length - 1]
    if (!p) throw new Error('no page is open')
    return p
  }

  /** The current page's element tree, rendered through wcc's output. */
  render(): WxElement {
    return this.templates.render(this.page.route, this.page.data)
  }

  text(): string {
    return textOf(this.render())
  }

  /** The first element with this id, or the innermost one whose text contains / matches `text`, with its ancestors. */
  locate(target: { id?: string; text?: string | RegExp }): { el: WxElement; ancestors: WxElement[] } | null {
    const matches = (t: string) => (typeof target.text === 'string' ? t.includes(target.text) : !!target.text?.test(t))
    for (const hit of walk(this.render())) {
      if (target.id !== undefined) {
        if (hit.el.attr.id === target.id) return hit
      } else if (target.text !== undefined && matches(textOf(hit.el).trim())) {
        // The innermost element that holds the text: none of its children does.
        if (!hit.el.children.some((c) => typeof c !== 'string' && matches(textOf(c).trim()))) return hit
      }
    }
    return null
  }

  find(target: { id?: string; text?: string | RegExp }): WxElement | null {
    return this.locate(target)?.el ?? null
  }

  /** Waits until `check` passes on the current page (re-rendered each time), or fails with what the page shows. */
  async waitFor<T>(check: () => T | null | undefined | false, what: string, timeoutMs = 8000): Promise<T> {
    const until = Date.now() + timeoutMs
    for (;;) {
      const got = this.stack.length ? check() : null
      if (got) return got
      if (Date.now() > until)
        throw new Error(
          `timed out waiting for ${what} on ${this.stack.length ? this.page.route : '(no page)'}; the page shows: ${this.stack.length ? this.text().slice(0, 600) : ''}`,
        )
      await this.settle(25)
    }
  }

  async see(target: { id?: string; text?: string | RegExp }): Promise<WxElement> {
    return this.waitFor(() => this.find(target), JSON.stringify({ id: target.id, text: String(target.text ?? '') }))
  }

  async waitForRoute(route: string): Promise<void> {
    await this.waitFor(() => this.stack.length && this.page.route === route, `page ${route}`)
  }

  /** Fires `type` on the element (or its nearest ancestor bound to it) as WeChat does: the handler named in the template, with the element's dataset. */
  private async bound(target: { id?: string; text?: string | RegExp }, type: string): Promise<{ el: WxElement; handler: string }> {
    const modal = this.fakes.modals[0]
    if (modal) throw new Error(`the dialog "${modal.title}" covers the page: tap one of its buttons first (tapModal)`)
    const hit = await this.waitFor(() => this.locate(target), JSON.stringify({ id: target.id, text: String(target.text ?? '') }))
    const el = hit.el
    for (const cand of [el, ...hit.ancestors.slice().reverse()]) {
      const handler = cand.attr[`bind${type}`] ?? cand.attr[`catch${type}`] ?? cand.attr[`bind:${type}`] ?? cand.attr[`catch:${type}`]
      if (typeof handler === 'string' && handler) return { el: cand, handler }
    }
    throw new Error(`nothing handles ${type} on ${JSON.stringify(target)} (${textOf(el).slice(0, 80)})`)
  }

  private async fire(
    target: { id?: string; text?: string | RegExp },
    type: string,
    detail: Record<string, unknown>,
    found?: { el: WxElement; handler: string },
  ): Promise<void> {
    const bound = found ?? (await this.bound(target, type))
    const dataset: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(bound.el.attr))
      if (k.startsWith('data-')) dataset[k.slice(5).replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())] = v
    const node = { id: String(bound.el.attr.id ?? ''), dataset, offsetLeft: 0, offsetTop: 0 }
    const fn = this.page.config[bound.handler] ?? this.page.self[bound.handler]
    if (typeof fn !== 'function') throw new Error(`the page has no method ${bound.handler} for ${type}`)
    fn.call(this.page.self, { type, timeStamp: Date.now(), target: node, currentTarget: node, detail, touches: [], changedTouches: [] })
    await this.settle()
  }

  async tap(target: { id?: string; text?: string | RegExp }): Promise<void> {
    await this.fire(target, 'tap', { x: 10, y: 10 })
  }

  /** Types into an input or textarea (by id) as WeChat reports it: an input event with the whole value. */
  async input(id: string, value: string): Promise<void> {
    const el = await this.see({ id })
    const field = [...walk(el)].find(({ el: e }) => e.tag === 'input' || e.tag === 'textarea')
    const targetId = field ? String(field.el.attr.id ?? id) : id
    await this.fire({ id: targetId }, 'input', { value, cursor: value.length, keyCode: 0 })
  }

  /**
   * A picker's choice (the picker or an element inside it, by id), as WeChat's picker lets a
   * person make it: an index of a `selector`'s range, a `YYYY-MM-DD` date or an `hh:mm` time
   * between the picker's `start` and `end`. A value the picker does not offer fails the test.
   */
  async pick(id: string, value: number | string): Promise<void> {
    const bound = await this.bound({ id }, 'change')
    if (bound.el.tag !== 'picker') throw new Error(`#${id} is not inside a picker`)
    if (bound.el.attr.disabled === true) throw new Error(`the picker of #${id} is disabled`)
    const mode = String(bound.el.attr.mode || 'selector')
    const bounds = (format: RegExp) => {
      if (typeof value !== 'string' || !format.test(value)) throw new Error(`a ${mode} picker answers ${format}, not ${JSON.stringify(value)}`)
      const start = String(bound.el.attr.start ?? '')
      const end = String(bound.el.attr.end ?? '')
      if ((start && value < start) || (end && value > end))
        throw new Error(`the ${mode} picker of #${id} offers ${start || '…'} to ${end || '…'}, not ${value}`)
    }
    if (mode === 'date') bounds(/^\d{4}-\d{2}-\d{2}$/)
    else if (mode === 'time') bounds(/^\d{2}:\d{2}$/)
    else if (mode === 'selector') {
      const range = bound.el.attr.range
      const size = Array.isArray(range) ? range.length : 0
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= size)
        throw new Error(`the picker of #${id} offers indexes 0–${size - 1}, not ${value}`)
    } else throw new Error(`the stand-in does not model a ${mode} picker`)
    await this.fire({ id }, 'change', { value }, bound)
  }

  /** The dialog on screen (wx.showModal), if any. */
  get modal(): Modal | null {
    return this.fakes.modals[0] ?? null
  }

  /** Waits for a dialog (wx.showModal) and taps its button of this text. */
  async tapModal(button: string): Promise<Modal> {
    const modal = await this.waitFor(() => this.fakes.modals[0], 'a dialog (wx.showModal)')
    modal.tap(button)
    await this.settle()
    return modal
  }

  /** The navigation bar's back button: the previous page shows again. */
  async back(): Promise<void> {
    if (this.fakes.modals[0]) throw new Error(`the dialog "${this.fakes.modals[0].title}" covers the page`)
    if (this.stack.length < 2) throw new Error('the first page has no back button')
    await this.navigate('navigateBack', 1)
    await this.settle()
  }

  /** Pull-down refresh, as the page's enablePullDownRefresh allows. */
  async pullDown(): Promise<void> {
    this.page.config.onPullDownRefresh?.call(this.page.self)
    await this.settle()
  }
}

/** An Error from the page's own realm too (the vm context has its own `Error`, so `instanceof` misses it). */
function isErrorLike(x: unknown): x is { stack?: string; message: string } {
  return typeof x === 'object' && x !== null && typeof (x as { message?: unknown }).message === 'string' && 'stack' in x
}
