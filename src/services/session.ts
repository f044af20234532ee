/** Where the H5 build keeps the emulator session token (written by dev.ts, read by transport.h5.ts). */
export const TOKEN_KEY = 'ip.devToken'
