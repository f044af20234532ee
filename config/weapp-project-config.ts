import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { IPluginContext } from '@tarojs/service'

/**
 * Taro copies project.config.json into dist/weapp with miniprogramRoot './'. The build
 * output is itself the mini-program's root, and miniprogram-ci (compile, upload) reads the
 * copy: with './' its unused-file analysis cannot find app.json, so the root becomes ''.
 */
export function outputProjectConfig(config: Record<string, unknown>): Record<string, unknown> {
  return { ...config, miniprogramRoot: '' }
}

export default (ctx: IPluginContext) => {
  ctx.onBuildFinish(() => {
    if (process.env.TARO_ENV !== 'weapp') return
    const file = path.join(ctx.paths.outputPath, 'project.config.json')
    if (!existsSync(file)) return
    const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    if (config.miniprogramRoot !== '') writeFileSync(file, `${JSON.stringify(outputProjectConfig(config), null, 2)}\n`)
  })
}
