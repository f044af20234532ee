/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | undefined
  }
}

/** Build-time constants from config/index.ts `defineConstants`. */
/** WeChat cloud environment id ('' = the default / DevTools-selected environment). */
declare const CLOUD_ENV: string
/** H5 only: origin of the emulator's /api ('' = same origin). */
declare const API_BASE: string
