import { findWorkday, isWorkday } from 'chinese-days'

/**
 * Due dates in Chinese working days (rules 9, 10): public holidays and make-up working
 * days come from the maintained `chinese-days` calendar, never a hand-typed list.
 */

/** The China date that is `n` working days after `date` (the day itself not counted). */
export function addWorkingDays(date: string, n: number): string {
  return findWorkday(n, date)
}

export const isChinaWorkday = (date: string): boolean => isWorkday(date)
