// The standard citation: 发文机关. 标题（发文字号）. 刊名, 年份(期号): 页码. — joint issuers joined, the issue's own year and number.
import { describe, expect, it } from 'vitest';
import { formatCitation } from '../../src/gazette/citation.ts';

describe('formatCitation', () => {
  it('cites a document by its issuers, title, number, gazette, issue and page', () => {
    const document = { issuers: ['永州市人民政府'], title: '永州市人民政府关于做好当前和今后一段时期就业创业工作的实施意见', docNumber: '永政发〔2018〕3号', page: 7 };
    expect(formatCitation(document, '永州政报', { year: 2018, number: 2 })).toBe('永州市人民政府. 永州市人民政府关于做好当前和今后一段时期就业创业工作的实施意见（永政发〔2018〕3号）. 永州政报, 2018(2): 7.');
  });

  it('joins a joint document\'s issuers, and takes the issue\'s year even when the document was written the year before', () => {
    const joint = { issuers: ['中共江州市委办公室', '江州市人民政府办公室'], title: '关于做好春节期间有关工作的通知', docNumber: '江办发〔2019〕30号', page: 12 };
    expect(formatCitation(joint, '江州市人民政府公报', { year: 2020, number: 1 })).toBe('中共江州市委办公室, 江州市人民政府办公室. 关于做好春节期间有关工作的通知（江办发〔2019〕30号）. 江州市人民政府公报, 2020(1): 12.');
  });
});
