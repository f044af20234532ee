import { startTestEmulator, type TestEmulator } from '../../helpers/emulator'
import { MiniProgram, type LaunchOptions } from './miniprogram'

/**
 * For a test file: the emulator with the demo data at `clock`, started before its tests and
 * closed after them, and `launch` for mini-programs on it. Each launched mini-program is closed
 * after its test, which then fails if it reported anything wrong (a template warning, a refused
 * setData, an error printed by page code, an unknown wx API).
 */
export function demoWeapp(clock: string): { emulator(): TestEmulator; launch(opts: Omit<LaunchOptions, 'emulator'>): Promise<MiniProgram> } {
  let emulator: TestEmulator | undefined
  const opened: MiniProgram[] = []
  beforeAll(async () => {
    emulator = await startTestEmulator({ seed: 'demo', clock })
  }, 60_000)
  afterAll(async () => {
    await emulator?.close()
  })
  afterEach(() => {
    for (const mp of opened.splice(0)) {
      mp.close()
      expect(mp.problems).toEqual([])
    }
  })
  const started = () => {
    if (!emulator) throw new Error('the emulator is not started yet (use it inside a test)')
    return emulator
  }
  return {
    emulator: started,
    async launch(opts) {
      const mp = await MiniProgram.launch({ ...opts, emulator: started() })
      opened.push(mp)
      return mp
    },
  }
}
