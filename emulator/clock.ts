/**
 * The emulator's settable clock. `set(iso)` jumps to that instant and time runs on from
 * there at real speed; `set(null)` returns to real time. The only place that reads the
 * machine's time: handlers get `now` from here through the platform.
 */
export interface SettableClock {
  /** Current time, UTC epoch ms. */
  now(): number
  set(iso: string | null): void
}

export function createClock(startIso?: string | null): SettableClock {
  let offset = 0
  const clock: SettableClock = {
    now: () => Date.now() + offset,
    set(iso) {
      if (iso === null) {
        offset = 0
        return
      }
      const at = Date.parse(iso)
      if (typeof iso !== 'string' || Number.isNaN(at)) throw new Error(`invalid clock time: ${String(iso)}`)
      offset = at - Date.now()
    },
  }
  if (startIso) clock.set(startIso)
  return clock
}
