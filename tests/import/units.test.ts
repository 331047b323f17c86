// Unit tests for the importer's small pure pieces: text typography, line recognisers, decoding, heads, tables.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/content/load-config.ts';
import { fullWidthPunctuation, nameLineOf, normalizeChinese, normalizeTitle, removeCjkSpaces, splitNames, formatNameLine } from '../../src/import/normalize-text.ts';
import { docNumberOfLine, endsSentence, isoFromChineseDate, markerOf, pageNumberOfLine, registrationOfLine, attachmentLabelOf } from '../../src/import/line-patterns.ts';
import { decodeRaw, toLines } from '../../src/import/read-raw.ts';
import { detectRunningHeads } from '../../src/import/detect-running-heads.ts';
import { headingLike } from '../../src/import/join-paragraphs.ts';
import { cellLines, convertTable, rowsFromTabs } from '../../src/import/convert-tables.ts';
import { escapeMarkdown } from '../../src/import/render-body.ts';
import { findNumberInLine } from '../../src/import/parse-contents.ts';
import { Notes } from '../../src/import/review-notes.ts';
import { YONGZHOU_CONFIG } from '../helpers/content.ts';

const { config } = await loadConfig(YONGZHOU_CONFIG);

describe('Chinese typography', () => {
  it('makes punctuation in Chinese text full width, but keeps numbers, URLs and printed square brackets', () => {
    expect(fullWidthPunctuation('根据(湘政发〔2017〕31号),现提出:一;二?')).toBe('根据（湘政发〔2017〕31号），现提出：一；二？');
    expect(fullWidthPunctuation('共1,000元,10:30开会,见http://a.cn')).toBe('共1,000元，10:30开会，见http://a.cn');
    expect(fullWidthPunctuation('人社部发[2014]97号')).toBe('人社部发[2014]97号');
    expect(fullWidthPunctuation('ABC (1)')).toBe('ABC (1)');
  });

  it('removes spaces next to Han, keeps them between Latin words', () => {
    expect(removeCjkSpaces('表彰 2017 年度 A 级纳税人')).toBe('表彰2017年度A级纳税人');
    expect(normalizeChinese('《公路工程技术标准》(JTG B01-2014)')).toBe('《公路工程技术标准》（JTG B01-2014）');
    expect(normalizeTitle(['永州市人民政府 关于印发《永州市人民政府提升执行力', '十条规定(试行)》的通知'])).toBe('永州市人民政府关于印发《永州市人民政府提升执行力十条规定（试行）》的通知');
  });

  it('reads name-list lines, putting padded two-character names back together', () => {
    expect(nameLineOf('邓 磊 东安县大庙口镇鸭塘村')).toEqual({ name: '邓磊', rest: '东安县大庙口镇鸭塘村' });
    expect(nameLineOf('欧阳元初 市人民政府副市长')).toEqual({ name: '欧阳元初', rest: '市人民政府副市长' });
    expect(nameLineOf('附件 1：')).toBeUndefined();
    expect(nameLineOf('组 长：')).toBeUndefined();
    expect(nameLineOf('永州市创新引领开放崛起战略 潇湘人才五年行动计划')).toBeUndefined();
    expect(formatNameLine('周兴', '市水利局 冷水滩区凤凰路8号')).toBe('周兴\u3000市水利局\u3000冷水滩区凤凰路8号');
    expect(splitNames('唐 辉 乐家茂')).toEqual({ names: ['唐辉', '乐家茂'], merged: true, odd: false });
    expect(splitNames('方 钦 周 兴').names).toEqual(['方钦', '周兴']);
  });
});

describe('line recognisers', () => {
  it('numbering markers', () => {
    expect(markerOf('（十）鼓励高校毕业生')).toMatchObject({ style: 'cn-paren', value: 10 });
    expect(markerOf('二十三、附则')).toMatchObject({ style: 'cn-dun', value: 23 });
    expect(markerOf('16. 建立')).toMatchObject({ style: 'arabic-dot', value: 16 });
    expect(markerOf('第十二条 本办法')).toMatchObject({ style: 'article', value: 12 });
    expect(markerOf('4.5米')).toBeUndefined();
    expect(markerOf('1次到文秘科取文')).toBeUndefined();
    expect(markerOf('(市发改委')).toBeUndefined();
  });

  it('sentence ends, dates, page numbers, labels', () => {
    expect(endsSentence('对该办不')).toBe(false);
    expect(endsSentence('等负责)')).toBe(true);
    expect(endsSentence('信息联动共享机制，')).toBe(false);
    expect(isoFromChineseDate('2019 年 12 月 30 日')).toBe('2019-12-30');
    expect(isoFromChineseDate('二〇一八年二月六日')).toBe('2018-02-06');
    expect(isoFromChineseDate('2018年2月30日')).toBeUndefined();
    expect(pageNumberOfLine('— 12 —')).toBe(12);
    expect(pageNumberOfLine('· 3 ·')).toBe(3);
    expect(pageNumberOfLine('2018')).toBeUndefined();
    expect(attachmentLabelOf('附件 2 :')).toBe('附件2：');
    expect(attachmentLabelOf('附件')).toBe('附件：');
    expect(attachmentLabelOf('附件：责任追究办法')).toBeUndefined();
  });

  it('发文字号 and 登记号 lines in their printed variants', () => {
    expect(docNumberOfLine('永政发[2018]21号')).toEqual({ code: '永政发', year: 2018, serial: 21 });
    expect(docNumberOfLine('永政函（2018）5号')).toEqual({ code: '永政函', year: 2018, serial: 5 });
    expect(docNumberOfLine('永政人2018年2号')).toEqual({ code: '永政人', year: 2018, serial: 2 });
    expect(docNumberOfLine('永政办发〔2018〕03号')).toEqual({ code: '永政办发', year: 2018, serial: 3 });
    expect(docNumberOfLine('YZCR201800002')).toBeUndefined();
    expect(docNumberOfLine('永州市人民政府关于印发《永政发〔2018〕1号》的通知')).toBeUndefined();
    expect(registrationOfLine('YZCR201800002')).toBe('YZCR-2018-00002');
    expect(registrationOfLine('登记号：yzcr-2018-00003')).toBe('YZCR-2018-00003');
    expect(registrationOfLine('（YZCR-2018-00004）')).toBe('YZCR-2018-00004');
  });

  it('finds the 发文字号 in a 目录 line, taking the configured 机关代字 before it', () => {
    const found = findNumberInLine('永州市人民政府关于表彰的决定(永政函[2018]9号)\t(25)', config!);
    expect(found).toMatchObject({ number: { code: '永政函', year: 2018, serial: 9 }, before: '永州市人民政府关于表彰的决定(', after: ')\t(25)', uncertainCode: false });
    expect(findNumberInLine('某市人民政府关于某事的通知湘政发〔2019〕2号', config!)).toMatchObject({ uncertainCode: true });
  });
});

describe('reading the raw text', () => {
  it('accepts a BOM and CRLF, keeps tabs for tables', () => {
    const raw = decodeRaw(new TextEncoder().encode('\uFEFF封面\r\n\r\n\ta\tb\t\r\n'));
    expect(raw.ok && raw.lines.map((line) => [line.n, line.text, line.raw])).toEqual([
      [1, '封面', '封面'],
      [2, '', ''],
      [3, 'a\tb', '\ta\tb\t'],
      [4, '', ''],
    ]);
  });

  it('places the first byte that is not UTF-8, and refuses binary and empty input', () => {
    const bytes = Buffer.concat([Buffer.from('第一行\n第二行里', 'utf8'), Buffer.from([0xd3, 0xc0]), Buffer.from('\n')]);
    expect(decodeRaw(bytes)).toMatchObject({ ok: false, line: 2, column: 5 });
    expect(decodeRaw(Buffer.from('a\n\0b'))).toMatchObject({ ok: false, line: 2 });
    expect(decodeRaw(Buffer.from('  \n\n'))).toMatchObject({ ok: false, line: 1 });
  });
});

describe('running heads', () => {
  it('removes a repeated line only where it splits sentences at page breaks, never a repeated line between paragraphs', () => {
    const text = ['正文开始，这一句在', '', '本刊专页', '', '分页处断开。', '', '第二句也在', '', '本刊专页', '', '分页处断开。', '', '附件', '', '说明一。', '', '附件', '', '说明二。'].join('\n');
    const notes = new Notes();
    const heads = detectRunningHeads(toLines(text), 0, [], config!, notes);
    expect([...heads.removed.keys()].sort((a, b) => a - b)).toEqual([2, 8]);
    expect(notes.items.map((note) => [note.line, note.severity, note.rule])).toEqual([[3, 'warning', 'import-running-head']]);
  });

  it('does not take 落款 organs or dates that repeat for running heads', () => {
    const text = ['甲。', '', '永州市人民政府', '', '2018年2月1日', '', '乙。', '', '永州市人民政府', '', '2018年2月2日'].join('\n');
    expect(detectRunningHeads(toLines(text), 0, [], config!, new Notes()).removed.size).toBe(0);
  });
});

describe('paragraph joining and rendering helpers', () => {
  it('tells numbered headings from numbered sentences cut by a page break', () => {
    expect(headingLike('（一）指导思想')).toBe(true);
    expect(headingLike('十、关于重大事项、重点工作专项督查')).toBe(true);
    expect(headingLike('10、永州市人民政府行政审批制度改革工作', new Map([['arabic-dun', 0.9]]))).toBe(false);
    expect(headingLike('10、永州市人民政府行政审批制度改革工作', new Map([['arabic-dun', 0.1]]))).toBe(true);
    expect(headingLike('三、严治空文旅行。凡属以市政府名义出台的')).toBe(false);
  });

  it('escapes text that Markdown would read as something else', () => {
    expect(escapeMarkdown('1. 这是段落')).toBe('\\1. 这是段落');
    expect(escapeMarkdown('# 号')).toBe('\\# 号');
    expect(escapeMarkdown('见<script>')).toBe('见&lt;script>');
    expect(escapeMarkdown('1.收文登记')).toBe('1.收文登记');
  });

  it('turns extracted cells into lines and escapes pipes in GFM tables', () => {
    expect(cellLines('<p>【有考核办法】</p> <ul style="x"> 制定考核办法 按季度通报 ').lines).toEqual(['【有考核办法】', '制定考核办法', '按季度通报']);
    const notes = new Notes();
    const table = convertTable(rowsFromTabs([{ line: 1, raw: '甲\t乙' }, { line: 2, raw: 'a|b\t&lt;c&gt;' }], notes), notes);
    expect(table).toEqual({ format: 'gfm', markdown: '| 甲 | 乙 |\n| --- | --- |\n| a\\|b | &lt;c&gt; |' });
  });
});
