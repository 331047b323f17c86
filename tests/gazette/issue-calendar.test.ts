// The 刊期 calendar: issues per year, the issue after the newest, and the 出版日期 each 刊期 implies.
import { describe, expect, it } from 'vitest';
import { nextAddress, numberProblem, scheduledDate } from '../../src/gazette/issue-calendar.ts';

describe('issue calendar', () => {
  it('月刊: issue N at the end of month N, leap years included; no 13th issue', () => {
    expect(scheduledDate('月刊', { year: 2020, number: 2 })).toBe('2020-02-29');
    expect(scheduledDate('月刊', { year: 2019, number: 2 })).toBe('2019-02-28');
    expect(scheduledDate('月刊', { year: 2020, number: 12 })).toBe('2020-12-31');
    expect(scheduledDate('月刊', { year: 2020, number: 13 })).toBeUndefined();
    expect(numberProblem('月刊', { year: 2020, number: 13 }, '期')).toContain('2021-01');
    expect(numberProblem('月刊', { year: 2020, number: 12 }, '期')).toBeUndefined();
  });

  it('半月刊: the 15th and month end', () => {
    expect(scheduledDate('半月刊', { year: 2020, number: 3 })).toBe('2020-02-15');
    expect(scheduledDate('半月刊', { year: 2020, number: 4 })).toBe('2020-02-29');
    expect(scheduledDate('半月刊', { year: 2020, number: 24 })).toBe('2020-12-31');
    expect(numberProblem('半月刊', { year: 2020, number: 25 }, '期')).toBeDefined();
  });

  it('旬刊: the 10th, the 20th and month end', () => {
    expect(scheduledDate('旬刊', { year: 2020, number: 4 })).toBe('2020-02-10');
    expect(scheduledDate('旬刊', { year: 2020, number: 5 })).toBe('2020-02-20');
    expect(scheduledDate('旬刊', { year: 2020, number: 6 })).toBe('2020-02-29');
    expect(scheduledDate('旬刊', { year: 2020, number: 36 })).toBe('2020-12-31');
    expect(numberProblem('旬刊', { year: 2020, number: 37 }, '期')).toBeDefined();
  });

  it('周刊: seven days after the earlier issue of the same year, else the end of week N; never outside the year', () => {
    expect(scheduledDate('周刊', { year: 2020, number: 5 }, { year: 2020, number: 3, published: '2020-01-17' })).toBe('2020-01-31');
    expect(scheduledDate('周刊', { year: 2020, number: 1 })).toBe('2020-01-07');
    expect(scheduledDate('周刊', { year: 2020, number: 2 }, { year: 2019, number: 52, published: '2019-12-27' })).toBe('2020-01-14');
    expect(scheduledDate('周刊', { year: 2020, number: 53 }, { year: 2020, number: 52, published: '2020-12-28' })).toBeUndefined();
    expect(numberProblem('周刊', { year: 2020, number: 54 }, '期')).toBeDefined();
  });

  it('names the number in the gazette’s unit: 第25号 of a 号 gazette, never 期', () => {
    const problem = numberProblem('半月刊', { year: 2020, number: 25 }, '号')!;
    expect(problem).toBe('半月刊每年最多 24 号，2020 年没有第 25 号：下一年的第 1 号是 2021-01；如果本刊的刊期不是半月刊，请修改配置中的 frequency');
    expect(numberProblem('不定期', { year: 2020, number: 0 }, '号')).toBe('号数应从 1 开始（收到 0）');
    expect(numberProblem('月刊', { year: 2020, number: 13 }, '期')).toContain('每年最多 12 期，2020 年没有第 13 期');
  });

  it('不定期: no date', () => {
    expect(scheduledDate('不定期', { year: 2020, number: 7 })).toBeUndefined();
    expect(numberProblem('不定期', { year: 2020, number: 40 }, '期')).toBeUndefined();
  });

  it('the next issue rolls into the next year when the year is full', () => {
    expect(nextAddress('月刊', { year: 2020, number: 11 })).toEqual({ year: 2020, number: 12 });
    expect(nextAddress('月刊', { year: 2020, number: 12 })).toEqual({ year: 2021, number: 1 });
    expect(nextAddress('半月刊', { year: 2020, number: 12 })).toEqual({ year: 2020, number: 13 });
    expect(nextAddress('半月刊', { year: 2020, number: 24 })).toEqual({ year: 2021, number: 1 });
    expect(nextAddress('旬刊', { year: 2020, number: 36 })).toEqual({ year: 2021, number: 1 });
  });
});
