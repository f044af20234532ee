import { codeLink, createQrCodes } from '../../../emulator/codes'

describe('QR codes for mini-program codes', () => {
  test('codeLink is the H5 hash route with the scene encoded', () => {
    expect(codeLink('g=AbC12&x=1', 'officer/scan/index')).toBe('/#/officer/scan/index?scene=g%3DAbC12%26x%3D1')
    expect(decodeURIComponent('g%3DAbC12%26x%3D1')).toBe('g=AbC12&x=1')
  })

  test('refuses what wxacode.getUnlimited refuses', () => {
    expect(() => codeLink('a'.repeat(33), 'pages/bind/index')).toThrow()
    expect(() => codeLink('50%', 'pages/bind/index')).toThrow()
    expect(() => codeLink('', 'pages/bind/index')).toThrow()
    expect(() => codeLink('中文', 'pages/bind/index')).toThrow()
    expect(() => codeLink('ok', '/pages/bind/index')).toThrow()
    expect(() => codeLink('ok', 'pages/bind/index?x=1')).toThrow()
  })

  test('image is a PNG data URL', async () => {
    const url = await createQrCodes().image({ scene: 'c=123', page: 'pages/bind/index' })
    expect(url.startsWith('data:image/png;base64,')).toBe(true)
    const png = Buffer.from(url.slice('data:image/png;base64,'.length), 'base64')
    expect(png.subarray(1, 4).toString()).toBe('PNG')
  })
})
