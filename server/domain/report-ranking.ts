import type { CounterFigures } from '../store/counters'

/**
 * The ranking of the monthly 通报 (measures 16–20). A department's problem count is
 *   红灯 (inspections past their result deadline without a result)
 * + 不合理例外 (quiet-period special cases a supervisor judged unjustified)
 * + 差评 (bad ratings)
 * + 未扫码入企 (monitoring-point visits nobody scanned).
 * The most problems rank first (a 通报 names the departments to improve). Equal problem
 * counts share a rank (1, 2, 2, 4); within a tie the order is red lights, then unjustified
 * exceptions, then bad ratings, then unscanned visits (each more first), then more
 * inspections (the same problems over more work weigh less), then the name.
 */

export const RANKING_RULE =
  '排名规则：问题数 = 红灯（逾期未录入结果）+ 不合理例外 + 差评 + 未扫码入企；问题数多者排名靠前，问题数相同者名次并列，' +
  '并列时依次按红灯、不合理例外、差评、未扫码入企较多者在前，再按检查次数较多者在前。'

export interface RankInput {
  deptId: string
  deptName: string
  figures: CounterFigures
}

export interface RankedDepartment extends RankInput {
  rank: number
  problems: number
}

export const problemCount = (f: CounterFigures): number => f.overdue + f.quietExceptions.unjustified + f.ratings.bad + f.unscanned

export function rankDepartments(list: RankInput[]): RankedDepartment[] {
  const scored = list.map((d) => ({ ...d, problems: problemCount(d.figures) }))
  scored.sort(
    (a, b) =>
      b.problems - a.problems ||
      b.figures.overdue - a.figures.overdue ||
      b.figures.quietExceptions.unjustified - a.figures.quietExceptions.unjustified ||
      b.figures.ratings.bad - a.figures.ratings.bad ||
      b.figures.unscanned - a.figures.unscanned ||
      b.figures.inspections - a.figures.inspections ||
      a.deptName.localeCompare(b.deptName, 'zh-Hans-CN') ||
      (a.deptId < b.deptId ? -1 : a.deptId > b.deptId ? 1 : 0),
  )
  const out: RankedDepartment[] = []
  scored.forEach((d, i) => {
    const rank = i > 0 && scored[i - 1].problems === d.problems ? out[i - 1].rank : i + 1
    out.push({ ...d, rank })
  })
  return out
}
