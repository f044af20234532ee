/**
 * The transport contract, and the fallback TypeScript resolves to. Taro swaps in
 * `transport.weapp.ts` (WeChat cloud) or `transport.h5.ts` (the local emulator over HTTP)
 * by TARO_ENV at build time, so this body only runs on a platform with neither.
 */
export type Transport = (name: string, event: Record<string, unknown>) => Promise<unknown>

export const transport: Transport = async () => {
  throw new Error('no transport for this platform')
}
