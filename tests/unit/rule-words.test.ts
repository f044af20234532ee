/** The rules' words come from the settings (types/rule-words.ts), and no page or server message writes a rule's number itself. */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { defaultSettings, ruleSettingsOf, Settings } from '@contract'
import { minutesInWords, ruleWords, type RuleWords } from '@rule-words'
import { GANZHOU_WORDS, OTHER_CITY } from '../helpers/other-city'

const ROOT = path.resolve(__dirname, '../..')

/** Every sentence the words module makes, flattened. */
function allWords(w: RuleWords, categoryKeys: string[]): string {
  const out: string[] = []
  for (const v of Object.values(w)) {
    if (typeof v === 'string') out.push(v)
    else if (typeof v === 'object' && v) out.push(JSON.stringify(v))
  }
  out.push(...categoryKeys.map(w.categoryLabel))
  return out.join('\n')
}

describe('rule words', () => {
  it('puts Ganzhou’s defaults into words', () => {
    const w = ruleWords(ruleSettingsOf(defaultSettings()))
    expect(w.quietPeriodNamed).toBe('安静生产期（每月1–25日）')
    expect(w.quietCompanies).toBe('园区企业')
    expect(w.alertActions.overdue).toContain('超过3日')
    expect(w.alertActions.bad_rating).toContain('1–2星')
    expect(w.alertActions.bad_rating).toContain('15个工作日')
    expect(w.flags.repeated.title).toBe('60日内重复检查')
    expect(w.waitingForTeam).toContain('2小时内')
    expect(w.capNote).toContain('不超过2次')
    expect(w.backfillWithin).toBe('3日')
    expect(w.withdrawWithin).toBe('30分钟')
    expect(w.serviceVisitFlags.quiet_period.detail).toContain('在安静生产期（每月1–25日）到园区企业入企服务')
    expect(w.categoryLabel('tax')).toBe('涉及偷逃抗骗税及风险应对的税务检查')
    expect(w.isBad(2)).toBe(true)
    expect(w.isBad(3)).toBe(false)
  })

  it('puts another city’s settings into its own words, with none of Ganzhou’s', () => {
    const settings = Settings.parse(OTHER_CITY)
    const w = ruleWords(ruleSettingsOf(settings))
    expect(w.quietPeriodNamed).toBe('安静生产期（每月1–20日）')
    expect(w.quietCompanies).toBe('企业')
    expect(w.alertActions.overdue).toContain('超过5日')
    expect(w.alertActions.bad_rating).toContain('（1星）')
    expect(w.alertActions.bad_rating).toContain('10个工作日')
    expect(w.alertActions.complaint_overdue).toContain('20个工作日')
    expect(w.flags.repeated.title).toBe('45日内重复检查')
    expect(w.waitingForTeam).toContain('90分钟内')
    expect(w.capNote).toContain('不超过3次')
    expect(w.backfillWithin).toBe('5日')
    expect(w.withdrawWithin).toBe('45分钟')
    expect(w.serviceVisitFlags.quiet_period.detail).toContain('在安静生产期（每月1–20日）到企业入企服务')
    expect(w.ratingTokenExpired).toContain('10日')
    expect(w.certCardExpired).toContain('3分钟')
    expect(w.categoryLabel('flood')).toBe('防汛抢险现场检查')
    expect(w.isBad(2)).toBe(false)
    const text = allWords(w, ['emergency', 'flood', 'other', 'tax'])
    for (const re of GANZHOU_WORDS) expect(text).not.toMatch(re)
  })

  it('says minutes the way people do', () => {
    expect(minutesInWords(120)).toBe('2小时')
    expect(minutesInWords(90)).toBe('90分钟')
    expect(minutesInWords(30)).toBe('30分钟')
  })

  it('never shows an internal key for a special case the settings no longer list', () => {
    const w = ruleWords(ruleSettingsOf(Settings.parse(OTHER_CITY)))
    expect(w.categoryLabel('tax')).not.toMatch(/[a-z_]/)
  })
})

/** Source files of the pages and the server's actions. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name)
    if (statSync(p).isDirectory()) return sources(p)
    return /\.(ts|tsx)$/.test(name) ? [p] : []
  })
}

describe('no rule number written into a page or a server message', () => {
  it('finds none of Ganzhou’s numbers in the code of src/ and server/ (comments aside)', () => {
    const found: string[] = []
    for (const file of [...sources(path.join(ROOT, 'src')), ...sources(path.join(ROOT, 'server'))]) {
      const code = readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line: line.replace(/\/\/.*$/, ''), n: i + 1 }))
        .filter(({ line }) => !/^\s*(\*|\/\*)/.test(line))
      for (const { line, n } of code) for (const re of GANZHOU_WORDS) if (re.test(line)) found.push(`${path.relative(ROOT, file)}:${n}: ${line.trim()}`)
    }
    expect(found).toEqual([])
  })
})
