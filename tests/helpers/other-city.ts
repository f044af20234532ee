/** Another city's settings, and Ganzhou's numbers as words, for the tests that prove settings drive the words. */
import type { Settings } from '@contract'

/** Another city's rules (every group complete, as an operator writes them). */
export const OTHER_CITY: Partial<Settings> = {
  quietPeriod: {
    enabled: true,
    firstDay: 1,
    lastDay: 20,
    scope: 'all',
    categories: [
      { key: 'emergency', label: '突发事件应急处置', requiresReason: false, minReasonLength: 0 },
      { key: 'flood', label: '防汛抢险现场检查', requiresReason: false, minReasonLength: 0 },
      { key: 'other', label: '经分管领导批准的其他情形', requiresReason: true, minReasonLength: 12 },
    ],
  },
  frequencyCap: { perDeptCompanyYear: 3, countedKinds: ['routine', 'campaign'] },
  team: { minOfficers: 2, joinWindowMinutes: 90 },
  repeated: { windowDays: 45, threshold: 2 },
  result: { dueDays: 5, maxRectifyDays: 90 },
  rating: { tokenTtlDays: 10, badAtMost: 1, followUpWorkingDays: 10, minCountForAggregate: 5 },
  complaint: { dueWorkingDays: 20 },
  certCard: { tokenTtlMinutes: 3 },
  withdraw: { windowMinutes: 45, minReasonLength: 10 },
  backfill: { maxDays: 5, minReasonLength: 10 },
}

/** Ganzhou's numbers and special cases as the pages would put them (a date such as 12月3日 is not one). */
export const GANZHOU_WORDS: RegExp[] = [
  /1日?\s*[–—-]\s*25日/,
  /(?<![\d月])3日/,
  /(?<![\d月])60日/,
  /(?<![\d月])7日/,
  /(?<!\d)15个工作日/,
  /1[–—-]2星/,
  /(?<!\d)5分钟/,
  /(?<!\d)30分钟/,
  /(?<!\d)2小时/,
  /超2次|超过2次|不超过2次/,
  /偷逃抗骗税|较大安全隐患正在整改|双随机”、产品质量抽检/,
]
