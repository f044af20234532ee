import { createClock } from '../../../emulator/clock'

describe('settable clock', () => {
  test('runs in real time by default', () => {
    const clock = createClock()
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(50)
  })

  test('starts at a given instant and runs on at real speed', async () => {
    const clock = createClock('2025-03-01T08:00:00+08:00')
    const start = Date.parse('2025-03-01T00:00:00Z')
    expect(clock.now() - start).toBeGreaterThanOrEqual(0)
    expect(clock.now() - start).toBeLessThan(50)
    await new Promise((r) => setTimeout(r, 30))
    expect(clock.now() - start).toBeGreaterThanOrEqual(25)
  })

  test('set jumps; null returns to real time; junk is refused', () => {
    const clock = createClock()
    clock.set('2030-01-01T00:00:00Z')
    expect(Math.abs(clock.now() - Date.parse('2030-01-01T00:00:00Z'))).toBeLessThan(50)
    clock.set(null)
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(50)
    expect(() => clock.set('not a date')).toThrow()
  })
})
