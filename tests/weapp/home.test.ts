import { demoWeapp } from './standin/session'
import { idsOf } from './standin/templates'
import { sectionsFor } from '@/pages/home/tiles'

/**
 * The home page of the weapp build (dist/weapp, run on the WeChat stand-in) for each role,
 * against the emulator with the demo data, on a day of the quiet production period.
 */

const CLOCK = '2026-12-12T02:00:00Z'
const weapp = demoWeapp(CLOCK)
const launch = (openid: string) => weapp.launch({ openid })

const tilesOf = (roles: Parameters<typeof sectionsFor>[0]) => sectionsFor(roles).flatMap((sec) => sec.tiles.map((t) => t.id))

test.each<[string, string, string[]]>([
  // The tiles the home's own table gives each role (src/pages/home/tiles.ts), rendered by the weapp build.
  ['demo-officer-1', '张伟执法人员', tilesOf(['officer'])],
  ['demo-enterprise-1', '周敏企业联系人', tilesOf(['enterprise'])],
  ['demo-deptadmin-1', '刘洋执法单位管理员', tilesOf(['deptAdmin'])],
  ['demo-supervisor-city', '陈静监督人员', tilesOf(['supervisor'])],
  ['demo-admin', '系统管理员系统管理员', tilesOf(['admin'])],
])('%s sees who they are and their tiles, below the quiet-period banner', async (openid, who, tiles) => {
  const mp = await launch(openid)
  await mp.see({ id: tiles[0] })
  expect(mp.stack.map((p) => p.route)).toEqual(['pages/home/index'])
  expect(mp.find({ id: 'user-card' }) && mp.text()).toContain(who)
  expect(idsOf(mp.render()).filter((id) => id.startsWith('tile-'))).toEqual(tiles)
  expect(mp.text()).toContain('今天（12月12日）处于安静生产期')
  expect(mp.fakes.calls[0]).toBe('account.whoami')
})

test('a WeChat user nobody has bound is asked to bind, and the officer button opens the bind page', async () => {
  const mp = await launch('stranger-openid')
  await mp.see({ id: 'btn-bind-officer' })
  expect(mp.text()).toContain('请先绑定身份')
  expect(idsOf(mp.render()).filter((id) => id.startsWith('tile-'))).toEqual([])
  await mp.tap({ id: 'btn-bind-officer' })
  await mp.waitForRoute('pages/bind-officer/index')
  await mp.waitFor(() => mp.text().length > 0, 'the bind page')
})

test('a tile opens its subpackage page', async () => {
  const mp = await launch('demo-officer-1')
  await mp.tap({ id: 'tile-my-inspections' })
  await mp.waitForRoute('officer/my-inspections/index')
  expect(mp.stack.map((p) => p.route)).toEqual(['pages/home/index', 'officer/my-inspections/index'])
  await mp.see({ text: /检查/ })
})
