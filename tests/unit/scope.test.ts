import { cityOf, normalizeRegion, regionCovers } from '@server/domain/scope'

describe('regionCovers', () => {
  it('lets the city see every county', () => {
    expect(regionCovers('3607', '360702')).toBe(true)
    expect(regionCovers('3607', '360783')).toBe(true)
    expect(regionCovers('3607', '3607')).toBe(true)
    expect(regionCovers('3607', '360102')).toBe(false)
  })

  it('lets a county see only itself', () => {
    expect(regionCovers('360702', '360702')).toBe(true)
    expect(regionCovers('360702', '360703')).toBe(false)
    expect(regionCovers('360702', '3607')).toBe(false)
  })

  it('treats 360700 as the city', () => {
    expect(normalizeRegion('360700')).toBe('3607')
    expect(regionCovers('360700', '360731')).toBe(true)
    expect(cityOf('360781')).toBe('3607')
  })
})
