// Query terms for the index (CJK bigrams, no lone characters beside longer words) and the marks in an excerpt.
import { describe, expect, it } from 'vitest';
import { highlightWords, markRanges, queryTerms } from '../../src/search/search-terms.ts';

describe('queryTerms', () => {
  it.each([
    ['易俊良', ['易俊良'], ['易俊', '俊良']],
    ['就业创业', ['就业创业'], ['就业', '业创', '创业']],
    ['见义勇为', ['见义勇为'], ['见义', '义勇', '勇为']],
    ['就业', ['就业'], ['就业']],
    // one character is a term only when there is nothing longer
    ['良', ['良'], ['良']],
    ['易俊良 良', ['易俊良'], ['易俊', '俊良']],
    ['2018年3号文件', ['2018', '号文件'], ['2018', '号文', '文件']],
    // Latin and digits whole, lower case, full width folded; punctuation separates
    ['ＹＺＣＲ 2017年度', ['yzcr', '2017', '年度'], ['yzcr', '2017', '年度']],
    ['《社会信用体系》、就业', ['社会信用体系', '就业'], ['社会', '会信', '信用', '用体', '体系', '就业']],
    ['，。', [], []],
    // a long word by every other bigram, covering each character; at most 16 terms
    ['永州市人民政府办公室', ['永州市人民政府办公室'], ['永州', '市人', '民政', '府办', '公室']],
  ])('%s → words %j, terms %j', (query, words, terms) => {
    expect(queryTerms(query)).toEqual({ words, terms });
  });
});

it('asks for at most 16 terms, the first ones', () => {
  const words = ['一二三四五六七八九十', '甲乙丙丁戊己庚辛壬癸', '子丑寅卯辰巳午未申酉', '东南西北中前后左右上'];
  const { terms } = queryTerms(words.join(' '));
  expect(terms).toEqual(['一二', '三四', '五六', '七八', '九十', '甲乙', '丙丁', '戊己', '庚辛', '壬癸', '子丑', '寅卯', '辰巳', '午未', '申酉', '东南']);
});

describe('markRanges', () => {
  const mark = (text: string, words: string[]) => markRanges(text, words).map(([start, end]) => text.slice(start, end));

  it('marks a word whole where it stands whole, and its pieces of two or more characters where they stand apart', () => {
    expect(mark('当前就业创业工作', ['就业创业'])).toEqual(['就业创业']);
    expect(mark('在教育、就业、创业等领域', ['就业创业'])).toEqual(['就业', '创业']);
  });

  it('never marks a lone character of a longer word', () => {
    expect(mark('刘新良同志、易俊良同志', ['易俊良'])).toEqual(['易俊良']);
  });

  it('marks a one-character word, and Latin without regard to case', () => {
    expect(mark('良好的良', ['良'])).toEqual(['良', '良']);
    expect(mark('登记号 YZCR-2018', ['yzcr'])).toEqual(['YZCR']);
  });
});

describe('highlightWords', () => {
  const mark = (text: string, query: string) => markRanges(text, highlightWords(query)).map(([start, end]) => text.slice(start, end));

  it('marks a 发文字号 whole where the text holds it whole, and its words elsewhere', () => {
    expect(highlightWords('永政发〔2018〕3号')).toEqual(['永政发', '2018', '永政发〔2018〕3号']);
    expect(mark('根据永政发〔2018〕3号文件', '永政发〔2018〕3号')).toEqual(['永政发〔2018〕3号']);
    expect(mark('永政发2018年', '永政发〔2018〕3号')).toEqual(['永政发', '2018']);
  });

  it('gives the reader’s words in lower case, without lone characters beside longer words', () => {
    expect(highlightWords('YZCR 就业创业 年')).toEqual(['yzcr', '就业创业']);
  });
});
