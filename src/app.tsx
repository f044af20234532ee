import { type PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import './app.css'

/** The app root. On weapp it initialises WeChat cloud (H5 talks to the local emulator instead). */
function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // An empty CLOUD_ENV means: use the environment selected in DevTools / the default one.
      Taro.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true })
    }
  })
  return children
}

export default App
