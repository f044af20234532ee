import { spawnSync } from 'node:child_process'
import vm from 'node:vm'
import { compilerPath, listFiles } from '../../../scripts/weapp/wechat-compilers'

/**
 * The weapp build's templates as WeChat renders them: wcc compiles every .wxml and .wxs into
 * `$gwx(path)`, whose result, called with a page's data, is the page's element tree. Taro's
 * pages are one recursive template over `root.cn`; its `comp` component renders deeper levels.
 */

/** An element of the rendered tree (text is a string). */
export interface WxElement {
  tag: string
  attr: Record<string, unknown>
  children: WxNode[]
}
export type WxNode = WxElement | string

type Gwx = (path: string) => (data: unknown, env: unknown, global: unknown) => RawNode
interface RawNode {
  tag: string
  attr?: Record<string, unknown>
  children?: Array<RawNode | string | number>
}

const compiled = new Map<string, string>()

/** wcc's JS for every template under `root` (compiled once per process). */
function wccOutput(root: string): string {
  const cached = compiled.get(root)
  if (cached) return cached
  const r = spawnSync(compilerPath('wcc'), ['-d', ...listFiles(root, ['.wxml']), ...listFiles(root, ['.wxs']), '-gn', '$gwx'], {
    cwd: root,
    maxBuffer: 256 * 1024 * 1024,
  })
  if (r.status !== 0) throw new Error(`wcc failed on ${root}: ${r.stderr.toString()}`)
  const code = r.stdout.toString()
  compiled.set(root, code)
  return code
}

export class Templates {
  private readonly gwx: Gwx
  /** The sandbox's JSON.parse: wcc's runtime (and WXS) only see objects of its own realm as objects. */
  private readonly parse: (text: string) => unknown
  private readonly components: Map<string, Record<string, string>>

  /** `onWarning` receives every warning the template runtime prints (a broken template, a bad `is`). */
  constructor(
    private readonly root: string,
    private readonly readJson: (file: string) => { usingComponents?: Record<string, string> } | null,
    onWarning: (message: string) => void,
  ) {
    const sandbox = vm.createContext({
      console: { log: () => {}, info: () => {}, warn: (...a: unknown[]) => onWarning(a.join(' ')), error: (...a: unknown[]) => onWarning(a.join(' ')) },
    }) as Record<string, unknown>
    sandbox.window = sandbox
    vm.runInContext(wccOutput(root), sandbox, { filename: 'wcc-output.js' })
    this.gwx = sandbox.$gwx as Gwx
    this.parse = vm.runInContext('JSON.parse', sandbox) as (text: string) => unknown
    this.components = new Map()
  }

  /** The custom components `file` (no extension) uses, as tag → path of the component (no extension). */
  private using(file: string): Record<string, string> {
    let map = this.components.get(file)
    if (!map) {
      const json = this.readJson(`${file}.json`)
      map = {}
      for (const [tag, p] of Object.entries(json?.usingComponents ?? {})) {
        const parts = [...file.split('/').slice(0, -1), ...p.split('/')]
        const out: string[] = []
        for (const s of parts) {
          if (s === '..') out.pop()
          else if (s && s !== '.') out.push(s)
        }
        map[tag] = out.join('/')
      }
      this.components.set(file, map)
    }
    return map
  }

  /** Renders `file` (no extension, e.g. `pages/home/index`) with `data`, expanding custom components with their properties. */
  render(file: string, data: unknown): WxElement {
    const raw = this.gwx(`${file}.wxml`)(this.parse(JSON.stringify(data)), {}, {})
    return this.convert(raw, this.using(file)) as WxElement
  }

  private convert(node: RawNode | string | number, using: Record<string, string>): WxNode | WxNode[] {
    if (typeof node === 'string' || typeof node === 'number') return String(node)
    const tag = node.tag.replace(/^wx-/, '')
    const children = (node.children ?? []).flatMap((c) => this.convert(c, using))
    // wcc's structural nodes (wx:for, wx:if, template calls) have no element of their own.
    if (tag === 'virtual' || tag === 'block' || tag === 'page') return tag === 'page' ? { tag, attr: {}, children } : children
    const attr = node.attr ?? {}
    const component = using[tag]
    if (component) {
      const inner = this.render(component, attr)
      return { tag, attr, children: inner.children }
    }
    return { tag, attr, children }
  }
}

export const isElement = (n: WxNode): n is WxElement => typeof n !== 'string'

/** The visible text of a node, spaces collapsed. */
export function textOf(node: WxNode): string {
  if (typeof node === 'string') return node
  return node.children.map(textOf).join('')
}

/** Every element under (and including) `node`, depth first, with its ancestors. */
export function* walk(node: WxNode, ancestors: WxElement[] = []): Generator<{ el: WxElement; ancestors: WxElement[] }> {
  if (!isElement(node)) return
  yield { el: node, ancestors }
  for (const c of node.children) yield* walk(c, [...ancestors, node])
}

/** The ids of the elements under `node`, in document order (Taro's generated `_X` ids left out). */
export function idsOf(node: WxNode): string[] {
  const out: string[] = []
  for (const { el } of walk(node)) {
    const id = el.attr.id
    if (typeof id === 'string' && id && !id.startsWith('_')) out.push(id)
  }
  return out
}
