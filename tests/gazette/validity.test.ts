// 时效性 on a fixed "today": 有效 until 有效期至, 失效 after it, 废止 and 已修改 from the front matter.
import { describe, expect, it } from 'vitest';
import { statusClass, todayInChina, validityStatus } from '../../src/content/validity.ts';

describe('validityStatus', () => {
  it.each([
    [{ valid_until: '2022-06-30' }, '2022-06-30', '有效'],
    [{ valid_until: '2022-06-30' }, '2022-07-01', '失效'],
    [{}, '2099-01-01', '有效'],
    [{ valid_until: null }, '2099-01-01', '有效'],
    [{ repealed: true }, '2018-03-01', '废止'],
    [{ repealed: true, valid_until: '2030-01-01' }, '2018-03-01', '废止'],
    [{ amended: true }, '2018-03-01', '已修改'],
    [{ amended: true, valid_until: '2019-01-01' }, '2020-01-01', '失效'],
  ] as const)('%o on %s is %s', (facts, today, status) => {
    expect(validityStatus(facts, today)).toBe(status);
  });

  it('has a CSS class for every status', () => {
    expect(['有效', '失效', '废止', '已修改'].map((status) => statusClass(status as never))).toEqual(['valid', 'expired', 'repealed', 'amended']);
  });

  it('takes today in China time (UTC+8)', () => {
    expect(todayInChina(new Date('2023-06-30T16:30:00Z'))).toBe('2023-07-01');
    expect(todayInChina(new Date('2023-06-30T15:59:00Z'))).toBe('2023-06-30');
  });
});
