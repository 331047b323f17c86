// 发文字号 parsing: the standard GB/T 9704 form strictly, and every common variant loosely (for messages and lookup).
import { describe, expect, it } from 'vitest';
import { formatDocNumber, parseDocNumber, parseLooseDocNumber } from '../../src/gazette/doc-number.ts';

describe('parseDocNumber (standard form only)', () => {
  it('reads 机关代字〔year〕serial号', () => {
    expect(parseDocNumber('永政办函〔2018〕11号')).toEqual({ code: '永政办函', year: 2018, serial: 11 });
  });
  it.each(['永政发[2018]3号', '永政发〔2018〕03号', '永政发〔2018〕3', '永政发〔18〕3号', '〔2018〕3号', ''])('refuses %s', (value) => {
    expect(parseDocNumber(value)).toBeUndefined();
  });
});

describe('parseLooseDocNumber (variants)', () => {
  it.each([
    '永政发〔2018〕3号', '永政发[2018]3号', '永政发［2018］3号', '永政发(2018)3号', '永政发（2018）3号', '永政发〈2018〉3号',
    '永政发„2018‟3号', '永政发2018年3号', '永政发〔2018〕3', '永政发〔2018〕03号', '永政发 [ 2018 ] 3 号', '永政发〔２０１８〕３号',
  ])('reads %s as 永政发〔2018〕3号', (value) => {
    const number = parseLooseDocNumber(value);
    expect(number && formatDocNumber(number)).toBe('永政发〔2018〕3号');
  });
  it('does not read text that is not a number', () => {
    expect(parseLooseDocNumber('永州市人民政府')).toBeUndefined();
  });
});
