import type { Keys } from '@server/platform/keys'

/** Fixed keys for in-process tests (the emulator makes its own beside its database). */
export const TEST_KEYS: Keys = { signing: 'test-signing-key-0123456789abcdef0123456789', sealing: 'test-sealing-key-0123456789abcdef0123456789' }
