import { Scene } from '@contract'
import { GATE_CODE_PAGE, gateScene, parseScene } from '@server/domain/gate-code'

describe('gate code scene', () => {
  it('carries the company id within WeChat limits', () => {
    const scene = gateScene('co_0001')
    expect(scene).toBe('c=co_0001')
    expect(Scene.safeParse(scene).success).toBe(true)
    expect(GATE_CODE_PAGE.startsWith('/')).toBe(false)
  })

  it('reads back the company id, encoded or not', () => {
    expect(parseScene('c=co_0001')).toBe('co_0001')
    expect(parseScene(encodeURIComponent('c=co_0001'))).toBe('co_0001')
  })

  it('refuses what is not a gate code', () => {
    expect(parseScene('r=token')).toBeNull()
    expect(parseScene('c=')).toBeNull()
    expect(parseScene('c=a/b')).toBeNull()
    expect(parseScene('%E0%A4%A')).toBeNull()
  })

  it('refuses ids that do not fit 32 characters', () => {
    expect(() => gateScene('x'.repeat(31))).toThrow(RangeError)
    expect(gateScene('x'.repeat(30))).toHaveLength(32)
  })
})
