import type { UserConfigExport } from '@tarojs/cli'

/** Matches the comments terser-webpack-plugin counts as licenses (its extractComments default). */
const LICENSE_COMMENT = /^\**!|@preserve|@license|@cc_on/i

/** Production build (the default): minified, no source maps in the mini-program package. */
export default {
  mini: {
    enableSourceMap: false,
    webpackChain(chain) {
      // WeChat refuses to upload the *.js.LICENSE.txt files terser extracts by default; Taro's
      // `terser.config` reaches only terserOptions, so set the plugin's own option here. The
      // license comments stay inline in the bundle instead (a few hundred bytes).
      // webpack-chain keeps its named minimizers in `minimizers` (missing from its typings).
      const optimization = chain.optimization as typeof chain.optimization & { minimizers: { has(name: string): boolean } }
      if (!optimization.minimizers.has('terserPlugin')) return
      optimization.minimizer('terserPlugin').tap((args: Array<{ terserOptions?: { output?: object } }>) => {
        const [options = {}] = args
        return [
          {
            ...options,
            extractComments: false,
            terserOptions: { ...options.terserOptions, output: { ...options.terserOptions?.output, comments: LICENSE_COMMENT } },
          },
        ]
      })
    },
  },
  h5: {
    enableSourceMap: false,
  },
} satisfies UserConfigExport<'webpack5'>
