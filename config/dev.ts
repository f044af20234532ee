import type { UserConfigExport } from '@tarojs/cli'

/** Development build: readable output, H5 dev server proxies /api to the local emulator. */
export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: {
      port: 10086,
      proxy: [{ context: ['/api'], target: process.env.API_TARGET ?? 'http://127.0.0.1:8787', changeOrigin: true }],
    },
  },
} satisfies UserConfigExport<'webpack5'>
