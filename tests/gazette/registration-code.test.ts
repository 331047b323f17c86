// 登记号: the strict form of a configured prefix, loose parsing of what people and extraction write, the standard form and key.
import { describe, expect, it } from 'vitest';
import {
  formatRegistrationCode,
  parseLooseRegistrationCode,
  parseRegistrationCode,
  REGISTRATION_CODE_IN_TEXT,
  REGISTRATION_PREFIX,
  registrationForm,
  registrationKey,
} from '../../src/gazette/registration-code.ts';
import { lookupKey } from '../../src/search/lookup-keys.ts';
import { registrationOfLine } from '../../src/import/line-patterns.ts';

describe('登记号', () => {
  it('parses the standard form of its own prefix only', () => {
    expect(parseRegistrationCode('ABCR-2020-00012', 'ABCR')).toEqual({ prefix: 'ABCR', year: 2020, serial: 12 });
    expect(parseRegistrationCode('ABCR-2020-0012', 'ABCR')).toBeUndefined();
    expect(parseRegistrationCode('XYZR-2020-00012', 'ABCR')).toBeUndefined();
    expect(parseRegistrationCode('abcr-2020-00012', 'ABCR')).toBeUndefined();
  });

  it('formats with a five-digit serial, and says its form', () => {
    expect(formatRegistrationCode({ prefix: 'ABCR', year: 2020, serial: 1 })).toBe('ABCR-2020-00001');
    expect(registrationForm('ABCR')).toBe('ABCR-年份-五位序号');
  });

  it('reads loose forms to one key, which the lookup and the importer share', () => {
    for (const written of ['ABCR-2020-00001', 'abcr 2020 00001', 'ABCR202000001', 'ABCR－2020－00001', 'ABCR_2020_00001', 'ABCR—2020—00001']) {
      expect(registrationKey(written), written).toBe('ABCR-2020-00001');
      expect(lookupKey(written), written).toBe('reg:ABCR-2020-00001');
      expect(registrationOfLine(`登记号：${written}`), written).toBe('ABCR-2020-00001');
    }
    expect(parseLooseRegistrationCode('ABCR-2020-001')).toBeUndefined();
    expect(registrationKey('通知')).toBeUndefined();
  });

  it('finds one in running text, and knows a configured prefix', () => {
    expect(REGISTRATION_CODE_IN_TEXT.exec('永政发〔2018〕3号 YZCR-2018-00001 …… 12')?.slice(1)).toEqual(['YZCR', '2018', '00001']);
    expect(REGISTRATION_PREFIX.test('ABCR')).toBe(true);
    expect(REGISTRATION_PREFIX.test('abcr')).toBe(false);
  });
});
