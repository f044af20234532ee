/** Home's role → entry mapping and display helpers (pure, no Taro runtime). */
import { sectionsFor, TILES_BY_ROLE } from '@/pages/home/tiles'
import { ROLE_LABELS } from '@/lib/labels'

const ids = (roles: Parameters<typeof sectionsFor>[0]) => sectionsFor(roles).flatMap((s) => s.tiles.map((t) => t.id))

describe('home tiles', () => {
  it('gives an officer scan, my inspections, the certificate card and the department’s plans (with back-fill)', () => {
    expect(ids(['officer'])).toEqual(['tile-scan', 'tile-my-inspections', 'tile-cert-card', 'tile-plans'])
  })

  it('gives an enterprise user the six company entries, rating by code among them', () => {
    expect(ids(['enterprise'])).toEqual(['tile-verify-officer', 'tile-rate', 'tile-inspections', 'tile-complain', 'tile-complaints', 'tile-ledger'])
  })

  it('gives a supervisor the seven supervision entries', () => {
    expect(ids(['supervisor'])).toEqual([
      'tile-dashboard',
      'tile-alerts',
      'tile-search',
      'tile-plans',
      'tile-exceptions',
      'tile-handle-complaints',
      'tile-report',
    ])
  })

  it('gives a department admin plans, own figures, own inspections and officers', () => {
    expect(ids(['deptAdmin'])).toEqual(['tile-plans', 'tile-dashboard', 'tile-search', 'tile-roster'])
  })

  it('gives an admin only what an admin may open (no dashboard that would say 您没有权限)', () => {
    expect(ids(['admin'])).toEqual(['tile-roster'])
  })

  it('never repeats an id when a user holds several roles', () => {
    const all = ids(['officer', 'enterprise', 'deptAdmin', 'supervisor', 'admin'])
    expect(new Set(all).size).toBe(all.length)
    expect(all).toContain('tile-roster')
  })

  it('shows nothing for no roles', () => {
    expect(sectionsFor([])).toEqual([])
  })

  it('links every tile to a page of a subpackage declared in app.config', () => {
    const urls = Object.values(TILES_BY_ROLE).flatMap((r) => r.tiles.map((t) => t.url))
    for (const url of urls) expect(url).toMatch(/^\/(officer|enterprise|supervisor)\/[a-z-]+\/index$/)
  })
})

describe('labels', () => {
  it('names every role in Chinese', () => {
    expect(ROLE_LABELS.officer).toBe('执法人员')
    expect(Object.keys(ROLE_LABELS).sort()).toEqual(['admin', 'deptAdmin', 'enterprise', 'officer', 'supervisor'])
  })
})
