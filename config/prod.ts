import type { UserConfigExport } from '@tarojs/cli'

/** Production build (the default): minified, no source maps in the mini-program package. */
export default {
  mini: {
    enableSourceMap: false,
  },
  h5: {
    enableSourceMap: false,
  },
} satisfies UserConfigExport<'webpack5'>
