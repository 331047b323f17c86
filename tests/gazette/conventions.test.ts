// The body conventions shared by the renderer and the importer: one pattern each, with the cases both rely on.
import { describe, expect, it } from 'vitest';
import {
  ADDRESSEE,
  ATTACHMENT_LIST,
  attachmentLabelOf,
  CHINESE_DATE,
  chineseNumber,
  headingLevelOf,
  isoFromChineseDate,
  looksLikeOrgan,
  markerOf,
  ORGAN_NAME,
} from '../../src/gazette/conventions.ts';

describe('numbering markers', () => {
  it('reads Chinese numbers', () => {
    expect(['一', '十', '十二', '二十三', '一百零五', '7'].map(chineseNumber)).toEqual([1, 10, 12, 23, 105, 7]);
    expect(chineseNumber('甲')).toBeUndefined();
  });

  it('recognises every style GB/T 9704 and the gazettes use', () => {
    expect(markerOf('一、总体要求')).toEqual({ style: 'cn-dun', value: 1, text: '一、' });
    expect(markerOf('（十二）加强领导')).toMatchObject({ style: 'cn-paren', value: 12 });
    expect(markerOf('(三)加强领导')).toMatchObject({ style: 'cn-paren', value: 3 });
    expect(markerOf('3.做好衔接')).toMatchObject({ style: 'arabic-dot', value: 3 });
    expect(markerOf('3．做好衔接')).toMatchObject({ style: 'arabic-dot', value: 3 });
    expect(markerOf('12、名单')).toMatchObject({ style: 'arabic-dun', value: 12 });
    expect(markerOf('（4）其他')).toMatchObject({ style: 'arabic-paren', value: 4 });
    expect(markerOf('②其他')).toMatchObject({ style: 'circled', value: 2 });
    expect(markerOf('第十条 本办法')).toMatchObject({ style: 'article', value: 10 });
    expect(markerOf('1.5亿元')).toBeUndefined();
    expect(markerOf('各单位')).toBeUndefined();
  });

  it('gives the heading levels of 一、 （一） 1.', () => {
    expect(['一、总体要求', '（一）工作目标', '1.做好衔接', '（1）其他', '第一条'].map(headingLevelOf)).toEqual([1, 2, 3, undefined, undefined]);
  });
});

describe('主送机关', () => {
  it('is one line ending in a colon, without a sentence end', () => {
    expect(ADDRESSEE.test('各县区人民政府，市直各单位：')).toBe(true);
    expect(ADDRESSEE.test('各县区人民政府:')).toBe(true);
    expect(ADDRESSEE.test('现将有关事项通知如下。具体要求：')).toBe(false);
    expect(ADDRESSEE.test('各县区人民政府')).toBe(false);
  });
});

describe('落款', () => {
  it('dates: arabic, Chinese numerals, with spaces; real dates only for the ISO form', () => {
    for (const date of ['2018年2月6日', '二〇一八年二月六日', '2019 年 12 月 30 日']) expect(CHINESE_DATE.test(date), date).toBe(true);
    expect(CHINESE_DATE.test('2018年2月6日前')).toBe(false);
    expect(isoFromChineseDate('二〇一八年二月六日')).toBe('2018-02-06');
    expect(isoFromChineseDate('2018年2月30日')).toBeUndefined();
  });

  it('an organ name has 2 to 40 Han characters (one rule for the renderer and the importer)', () => {
    expect(ORGAN_NAME.test('市委')).toBe(true);
    expect(ORGAN_NAME.test('永州军分区')).toBe(true);
    expect(ORGAN_NAME.test('中共永州市委办公室（永州市人民政府办公室）')).toBe(true);
    expect(ORGAN_NAME.test('市')).toBe(false);
    expect(ORGAN_NAME.test('特此通知。')).toBe(false);
  });

  it('looks like an organ on its own only with an organ’s ending', () => {
    expect(['永州市人民政府', '永州市教育局', '市委', '永州市人民政府办公室'].every(looksLikeOrgan)).toBe(true);
    expect(['特此通知', '永州军分区', '永州市人民政府。'].some(looksLikeOrgan)).toBe(false);
  });
});

describe('附件', () => {
  it('附件说明 is a label with text on the same line', () => {
    expect(ATTACHMENT_LIST.test('附件：1.永州市就业创业工作任务分解表')).toBe(true);
    expect(ATTACHMENT_LIST.test('附：名单')).toBe(true);
    expect(ATTACHMENT_LIST.test('附 件：名单')).toBe(true);
    expect(ATTACHMENT_LIST.test('附件：')).toBe(false);
  });

  it('附件标注 stands alone and is normalised', () => {
    expect(['附件', '附件：', '附件1', '附 件 2 :'].map(attachmentLabelOf)).toEqual(['附件：', '附件：', '附件1：', '附件2：']);
    expect(attachmentLabelOf('附件：名单')).toBeUndefined();
  });
});
