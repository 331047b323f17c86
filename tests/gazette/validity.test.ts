// 时效性 from records only, on a fixed "today": 有效期至, 施行日期, 废止, 已修改 and an explicit status; otherwise 未标注.
import { describe, expect, it } from 'vitest';
import { carriesValidity, DOCUMENT_STATUSES, statusClass, todayInChina, validityStatus, type ValidityRecord } from '../../src/gazette/validity.ts';

describe('validityStatus', () => {
  it.each<[ValidityRecord, string, string]>([
    // nothing recorded is never 有效
    [{}, '2099-01-01', '未标注'],
    [{ valid_until: null, effective: null, status: null }, '2018-03-01', '未标注'],
    // 有效期至
    [{ valid_until: '2022-06-30' }, '2022-06-30', '有效'],
    [{ valid_until: '2022-06-30' }, '2022-07-01', '失效'],
    // 施行日期
    [{ effective: '2018-04-01' }, '2018-03-31', '尚未施行'],
    [{ effective: '2018-04-01' }, '2018-04-01', '有效'],
    [{ effective: '2018-04-01', valid_until: '2020-03-31' }, '2020-04-01', '失效'],
    // explicit status
    [{ status: '有效' }, '2099-01-01', '有效'],
    [{ status: '失效' }, '2018-03-01', '失效'],
    [{ status: '废止' }, '2018-03-01', '废止'],
    [{ status: '已修改' }, '2018-03-01', '已修改'],
    [{ status: '有效', valid_until: '2019-01-01' }, '2020-01-01', '失效'],
    // 废止 and 已修改 by other documents
    [{ repealed: true }, '2018-03-01', '废止'],
    [{ repealed: true, valid_until: '2030-01-01' }, '2018-03-01', '废止'],
    [{ amended: true }, '2018-03-01', '已修改'],
    [{ amended: true, valid_until: '2019-01-01' }, '2020-01-01', '失效'],
    [{ amended: true, effective: '2030-01-01' }, '2020-01-01', '已修改'],
  ])('%o on %s is %s', (record, today, status) => {
    expect(validityStatus(record, today)).toBe(status);
  });

  it('has a distinct CSS class for every status', () => {
    const classes = DOCUMENT_STATUSES.map(statusClass);
    expect(classes).toEqual(['valid', 'pending', 'amended', 'expired', 'repealed', 'unrecorded']);
    expect(new Set(classes).size).toBe(DOCUMENT_STATUSES.length);
  });

  it('takes today in China time (UTC+8)', () => {
    expect(todayInChina(new Date('2023-06-30T16:30:00Z'))).toBe('2023-07-01');
    expect(todayInChina(new Date('2023-06-30T15:59:00Z'))).toBe('2023-06-30');
  });
});

describe('carriesValidity', () => {
  it('is false for a configured 栏目 or 文种, true otherwise', () => {
    expect(carriesValidity({ section: '人事任免', type: '通知' }, ['人事任免'])).toBe(false);
    expect(carriesValidity({ section: '市政府文件', type: '任免' }, ['任免'])).toBe(false);
    expect(carriesValidity({ section: '市政府文件', type: '通知' }, ['人事任免'])).toBe(true);
    expect(carriesValidity({ section: '人事任免', type: '通知' }, [])).toBe(true);
  });
});
