import { defaultSettings } from '@contract'
import { complaintDueAt, isComplaintOverdue, nextComplaintStatus } from '../../server/domain/complaints'
import { entryHash, GENESIS_HASH, verifyChain, type ChainedContent } from '../../server/domain/hash-chain'
import { monthsBetween, monthTitle, withinOneYear } from '../../server/domain/ledger-range'
import { ownerKeyFor, pseudonymousActor, raterKeyFor, seal, unseal } from '../../server/domain/pseudonyms'
import { isBadRating, ratingFollowUpDueAt, tokenExpired } from '../../server/domain/ratings'
import { mintToken, tokenFromId, verifyToken } from '../../server/domain/tokens'
import { addWorkingDays } from '../../server/domain/working-days'

const settings = defaultSettings()
const SECRET = 'a'.repeat(64)

describe('QR tokens (rating codes, certificate cards)', () => {
  it('are 29 characters, verify with their kind and secret only', () => {
    const { token, id } = mintToken('r', SECRET)
    expect(token).toHaveLength(29)
    expect(token.startsWith('r.')).toBe(true)
    expect(verifyToken(token, 'r', SECRET)).toBe(id)
    expect(verifyToken(token, 'c', SECRET)).toBeNull()
    expect(verifyToken(token, 'r', 'b'.repeat(64))).toBeNull()
    expect(tokenFromId('r', id, SECRET)).toBe(token)
  })

  it('refuse a forged MAC, a changed id and garbage', () => {
    const { token } = mintToken('c', SECRET)
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1)
    expect(verifyToken(flip(token, 28), 'c', SECRET)).toBeNull()
    expect(verifyToken(flip(token, 3), 'c', SECRET)).toBeNull()
    for (const junk of ['', 'hello', 'c.', 'c.0123456789.', `${token}x`, token.replace('c.', 'r.'), 'insp_0123456789abcdef']) {
      expect(verifyToken(junk, 'c', SECRET)).toBeNull()
    }
  })

  it('two tokens never share an id', () => {
    const ids = new Set(Array.from({ length: 500 }, () => mintToken('r', SECRET).id))
    expect(ids.size).toBe(500)
  })

  it('expire after their instant, not at it', () => {
    expect(tokenExpired(1000, 1000)).toBe(false)
    expect(tokenExpired(1000, 1001)).toBe(true)
  })
})

describe('working-day deadlines (chinese-days)', () => {
  it('a complaint received on 2026-09-29 is due at the end of 2026-10-26: National Day (Oct 1–7) skipped, Sat Oct 10 a make-up working day', () => {
    expect(addWorkingDays('2026-09-29', 15)).toBe('2026-10-26')
    // 10:00 in China on the 29th, and 01:00 in China (still the 28th in UTC).
    for (const received of [Date.parse('2026-09-29T02:00:00Z'), Date.parse('2026-09-28T17:00:00Z')]) {
      expect(new Date(complaintDueAt(received, settings)).toISOString()).toBe('2026-10-26T15:59:59.999Z')
    }
  })

  it('counts the make-up Saturday: 3 working days after 2026-10-08 is 2026-10-12', () => {
    expect(addWorkingDays('2026-10-08', 1)).toBe('2026-10-09')
    expect(addWorkingDays('2026-10-08', 2)).toBe('2026-10-10')
    expect(addWorkingDays('2026-10-08', 3)).toBe('2026-10-12')
  })

  it('uses the setting, not a constant', () => {
    const received = Date.parse('2026-09-29T02:00:00Z')
    const five = { ...settings, complaint: { dueWorkingDays: 5 } }
    expect(new Date(complaintDueAt(received, five)).toISOString()).toBe('2026-10-12T15:59:59.999Z')
  })

  it('a bad rating is one of 1–2 and is followed up within 15 working days', () => {
    expect([1, 2, 3, 4, 5].map((s) => isBadRating(s, settings))).toEqual([true, true, false, false, false])
    expect(new Date(ratingFollowUpDueAt(Date.parse('2026-09-29T02:00:00Z'), settings)).toISOString()).toBe('2026-10-26T15:59:59.999Z')
  })
})

describe('complaint status', () => {
  it('goes received → accepted → replied → closed, replies may repeat, nothing else', () => {
    expect(nextComplaintStatus('received', 'accept')).toBe('accepted')
    expect(nextComplaintStatus('accepted', 'reply')).toBe('replied')
    expect(nextComplaintStatus('replied', 'reply')).toBe('replied')
    expect(nextComplaintStatus('replied', 'close')).toBe('closed')
    expect(nextComplaintStatus('received', 'reply')).toBeNull()
    expect(nextComplaintStatus('received', 'close')).toBeNull()
    expect(nextComplaintStatus('accepted', 'accept')).toBeNull()
    expect(nextComplaintStatus('accepted', 'close')).toBeNull()
    expect(nextComplaintStatus('closed', 'reply')).toBeNull()
    expect(nextComplaintStatus('closed', 'accept')).toBeNull()
  })

  it('is overdue only while open and past due', () => {
    expect(isComplaintOverdue({ status: 'accepted', dueAt: 10 }, 11)).toBe(true)
    expect(isComplaintOverdue({ status: 'accepted', dueAt: 10 }, 10)).toBe(false)
    expect(isComplaintOverdue({ status: 'closed', dueAt: 10 }, 11)).toBe(false)
  })
})

describe('pseudonyms and sealed openids', () => {
  it('are stable per user and purpose, and differ across purposes and secrets', () => {
    expect(ownerKeyFor(SECRET, 'u_1')).toBe(ownerKeyFor(SECRET, 'u_1'))
    expect(ownerKeyFor(SECRET, 'u_1')).not.toBe(ownerKeyFor(SECRET, 'u_2'))
    expect(ownerKeyFor(SECRET, 'u_1')).not.toBe(raterKeyFor(SECRET, 'u_1'))
    expect(ownerKeyFor(SECRET, 'u_1')).not.toBe(ownerKeyFor('x', 'u_1'))
    expect(pseudonymousActor(SECRET, 'u_1')).toMatch(/^anon_[A-Za-z0-9_-]{24}$/)
    expect(pseudonymousActor(SECRET, 'u_1')).not.toContain('u_1')
  })

  it('seal round-trips only with the same secret and untouched', () => {
    const sealed = seal(SECRET, 'oAbc123-openid')
    expect(sealed).not.toContain('oAbc123')
    expect(unseal(SECRET, sealed)).toBe('oAbc123-openid')
    expect(unseal('other', sealed)).toBeNull()
    expect(unseal(SECRET, sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA'))).toBeNull()
    expect(unseal(SECRET, 'garbage')).toBeNull()
  })
})

describe('the ledger hash chain', () => {
  const content = (seq: number, over: Partial<ChainedContent> = {}): ChainedContent => ({
    companyId: 'co_1',
    seq,
    date: '2026-12-0' + seq,
    source: 'manual',
    deptName: '市场监管局',
    officerNames: ['张伟'],
    purpose: '日常检查',
    unscanned: false,
    createdAt: 1000 + seq,
    ...over,
  })
  const chain = () => {
    let prev = GENESIS_HASH
    return [1, 2, 3].map((seq) => {
      const c = content(seq)
      const hash = entryHash(prev, c)
      const e = { ...c, prevHash: prev, hash }
      prev = hash
      return e
    })
  }

  it('holds as written', () => {
    expect(verifyChain(chain())).toMatchObject({ ok: true, brokenAt: null })
  })

  it('breaks at the entry whose content changed, and at a removed or reordered entry', () => {
    const edited = chain()
    edited[1] = { ...edited[1], purpose: '改过的事由' }
    expect(verifyChain(edited)).toMatchObject({ ok: false, brokenAt: 2 })
    const flipped = chain()
    flipped[0] = { ...flipped[0], unscanned: true }
    expect(verifyChain(flipped)).toMatchObject({ ok: false, brokenAt: 1 })
    const gap = chain()
    gap.splice(1, 1)
    expect(verifyChain(gap)).toMatchObject({ ok: false, brokenAt: 3 })
    const rehashed = chain()
    rehashed[1] = { ...rehashed[1], purpose: 'x', hash: entryHash(rehashed[1].prevHash, { ...rehashed[1], purpose: 'x' }) }
    expect(verifyChain(rehashed)).toMatchObject({ ok: false, brokenAt: 3 })
  })
})

describe('ledger export ranges', () => {
  it('allows at most one year', () => {
    expect(withinOneYear('2026-01-01', '2026-12-31')).toBe(true)
    expect(withinOneYear('2026-01-01', '2027-01-01')).toBe(false)
    expect(withinOneYear('2026-03-15', '2027-03-14')).toBe(true)
  })

  it('names one sheet per month', () => {
    expect(monthsBetween('2026-11-20', '2027-01-03')).toEqual(['2026-11', '2026-12', '2027-01'])
    expect(monthsBetween('2026-12-01', '2026-12-31')).toEqual(['2026-12'])
    expect(monthTitle('2026-12')).toBe('2026年12月')
    expect(monthTitle('2027-01')).toBe('2027年1月')
  })
})
