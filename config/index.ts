import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

/** Taro build config (weapp + H5). Each platform builds into its own dist/<platform>. */
export default defineConfig<'webpack5'>(async (merge) => {
  const root = path.resolve(__dirname, '..')
  const env = process.env.TARO_ENV ?? 'weapp'
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'inspectpass',
    date: '2025-11-28',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${env}`,
    // Rewrites dist/weapp/project.config.json for miniprogram-ci (config/weapp-project-config.ts).
    plugins: [path.resolve(__dirname, 'weapp-project-config.ts')],
    defineConstants: {
      // WeChat cloud environment id; empty = the DevTools-selected default environment.
      CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV ?? ''),
      // H5 only: where the emulator's /api lives ('' = same origin).
      API_BASE: JSON.stringify(process.env.API_BASE ?? ''),
    },
    alias: {
      '@contract': path.resolve(root, 'types/index.ts'),
      '@rule-words': path.resolve(root, 'types/rule-words.ts'),
      '@': path.resolve(root, 'src'),
    },
    // Taro itself writes project.config.json into dist/weapp (its miniprogramRoot made ''
    // by the plugin above); open the repo root in WeChat DevTools so cloudfunctionRoot resolves too.
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    // Webpack's persistent cache only for watch builds: a one-off build reusing it once shipped
    // a subpackage chunk without an export a changed module had gained (a page failing with
    // "is not a function"), so what is tested and deployed is always built from scratch.
    cache: { enable: process.argv.includes('--watch'), buildDependencies: { config: [__filename] } },
    mini: {
      // types/rule-words.ts is shared with the server and compiled with the pages.
      compile: { include: [path.resolve(root, 'types')] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: { include: [path.resolve(root, 'types')] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
