// 刊期 (how often issues appear) and what it lets us guess about the next issue: its number and its 出版日期.
import { issueKey, issueNumberName, type IssueAddress, type IssueUnit } from './issue-address.ts';

export const FREQUENCIES = ['月刊', '半月刊', '旬刊', '周刊', '不定期'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** The most issues a year can hold: 月刊 12, 半月刊 24, 旬刊 36, 周刊 53; 不定期 as many as a 期号 allows (99). */
export const ISSUES_PER_YEAR: Readonly<Record<Frequency, number>> = { 月刊: 12, 半月刊: 24, 旬刊: 36, 周刊: 53, 不定期: 99 };

/** An issue already in the corpus, as the calendar needs it. */
export interface DatedIssue extends IssueAddress {
  /** 出版日期, YYYY-MM-DD */
  published: string;
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function day(year: number, month: number, date: number): Date {
  return new Date(Date.UTC(year, month - 1, date));
}

/** Whether a year of this 刊期 has an issue of this number (1 to ISSUES_PER_YEAR). */
export function fitsYear(frequency: Frequency, number: number): boolean {
  return number >= 1 && number <= ISSUES_PER_YEAR[frequency];
}

/** Why an issue number cannot belong to this 刊期 (with the fix), or undefined when it can; in the gazette's unit (期 or 号). */
export function numberProblem(frequency: Frequency, address: IssueAddress, unit: IssueUnit): string | undefined {
  if (fitsYear(frequency, address.number)) return undefined;
  const most = ISSUES_PER_YEAR[frequency];
  const name = issueNumberName(unit);
  if (address.number < 1) return `${name}应从 1 开始（收到 ${address.number}）`;
  if (frequency === '不定期') return `${name}最多为 ${most}（收到 ${address.number}）`;
  const next = issueKey({ year: address.year + 1, number: 1 });
  return `${frequency}每年最多 ${most} ${unit}，${address.year} 年没有第 ${address.number} ${unit}：下一年的第 1 ${unit}是 ${next}；如果本刊的刊期不是${frequency}，请修改配置中的 frequency`;
}

/** The issue after `latest`: the next number in its year, or number 1 of the next year once the year is full. */
export function nextAddress(frequency: Frequency, latest: IssueAddress): IssueAddress {
  return latest.number >= ISSUES_PER_YEAR[frequency] ? { year: latest.year + 1, number: 1 } : { year: latest.year, number: latest.number + 1 };
}

/**
 * The 出版日期 the 刊期 implies for an issue, or undefined when it implies none (不定期, a number beyond the year, or a
 * weekly date that falls outside the year):
 * - 月刊: issue N at the end of month N;
 * - 半月刊: two a month, on the 15th and at month end;
 * - 旬刊: three a month, on the 10th, the 20th and at month end;
 * - 周刊: seven days after each other — counted from the latest earlier issue of the same year when one is given
 *   (`previous`), else issue N at the end of the Nth week of the year (7 January + 7 × (N − 1)).
 */
export function scheduledDate(frequency: Frequency, address: IssueAddress, previous?: DatedIssue): string | undefined {
  if (!fitsYear(frequency, address.number)) return undefined;
  const { year, number } = address;
  switch (frequency) {
    case '月刊':
      return iso(day(year, number + 1, 0));
    case '半月刊': {
      const month = Math.ceil(number / 2);
      return iso(number % 2 === 1 ? day(year, month, 15) : day(year, month + 1, 0));
    }
    case '旬刊': {
      const month = Math.ceil(number / 3);
      const part = number % 3;
      return iso(part === 0 ? day(year, month + 1, 0) : day(year, month, part * 10));
    }
    case '周刊': {
      const anchor = previous && previous.year === year && previous.number < number ? previous : undefined;
      const date = anchor
        ? new Date(Date.parse(`${anchor.published}T00:00:00Z`) + (number - anchor.number) * 7 * 86_400_000)
        : day(year, 1, 7 + 7 * (number - 1));
      return date.getUTCFullYear() === year ? iso(date) : undefined;
    }
    case '不定期':
      return undefined;
  }
}
