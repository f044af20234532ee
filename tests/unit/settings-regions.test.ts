import { defaultSettings, GANZHOU_REGIONS, Settings } from '@contract'
import { regionName } from '@server/domain/scope'
import { GANZHOU_COUNTIES } from '../../emulator/seed/ganzhou'

describe('settings city.regions', () => {
  it("defaults to Ganzhou's 18 counties, codes unique and under 3607", () => {
    const { city } = defaultSettings()
    expect(city.code).toBe('3607')
    expect(city.regions).toHaveLength(18)
    expect(new Set(city.regions.map((r) => r.code)).size).toBe(18)
    for (const r of city.regions) expect(r.code).toMatch(/^3607\d{2}$/)
    expect(city.regions).toContainEqual({ code: '360783', name: '龙南市' })
  })

  it('keeps stored settings written before regions existed valid', () => {
    expect(Settings.parse({ city: { code: '3607', name: '赣州市' } }).city.regions).toEqual(GANZHOU_REGIONS)
    // Another city without a list: no Ganzhou counties, and still valid.
    expect(Settings.parse({ city: { code: '3501', name: '福州市' } }).city.regions).toEqual([])
  })

  it("accepts another city's own list", () => {
    const regions = [
      { code: '350102', name: '鼓楼区' },
      { code: '350103', name: '台江区' },
    ]
    expect(Settings.parse({ city: { code: '3501', name: '福州市', regions } }).city.regions).toEqual(regions)
  })

  it('rejects duplicate codes and codes outside the city', () => {
    const dup = Settings.safeParse({
      city: {
        code: '3607',
        name: '赣州市',
        regions: [
          { code: '360702', name: '章贡区' },
          { code: '360702', name: '章贡区' },
        ],
      },
    })
    expect(dup.success).toBe(false)
    expect(dup.error!.issues[0].path).toEqual(['city', 'regions', 1, 'code'])
    const outside = Settings.safeParse({ city: { code: '3607', name: '赣州市', regions: [{ code: '350102', name: '鼓楼区' }] } })
    expect(outside.success).toBe(false)
    expect(outside.error!.issues[0].path).toEqual(['city', 'regions', 0, 'code'])
    expect(Settings.safeParse({ city: { code: '3607', name: '赣州市', regions: [{ code: '36070', name: '短' }] } }).success).toBe(false)
  })

  it('feeds the demo seed: same codes and names in the same order', () => {
    expect(GANZHOU_COUNTIES.map(({ code, name }) => ({ code, name }))).toEqual(defaultSettings().city.regions)
  })
})

describe('regionName', () => {
  const settings = defaultSettings()
  it('names the city, its counties, and falls back to the code', () => {
    expect(regionName('3607', settings)).toBe('赣州市')
    expect(regionName('360700', settings)).toBe('赣州市')
    expect(regionName('360702', settings)).toBe('章贡区')
    expect(regionName('360783', settings)).toBe('龙南市')
    expect(regionName('360799', settings)).toBe('360799')
    expect(regionName('3501', settings)).toBe('3501')
  })

  it('follows the settings of another city', () => {
    const fuzhou = Settings.parse({ city: { code: '3501', name: '福州市', regions: [{ code: '350102', name: '鼓楼区' }] } })
    expect(regionName('3501', fuzhou)).toBe('福州市')
    expect(regionName('350102', fuzhou)).toBe('鼓楼区')
    expect(regionName('360702', fuzhou)).toBe('360702')
  })
})
