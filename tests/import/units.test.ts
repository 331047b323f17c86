// Unit tests for the importer's small pure pieces: text typography, line recognisers, decoding, heads, tables.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/content/load-config.ts';
import { fullWidthPunctuation, nameLineOf, normalizeChinese, normalizeTitle, removeCjkSpaces, splitNames, formatNameLine } from '../../src/import/normalize-text.ts';
import { docNumberOfLine, endsSentence, endsSentenceStrictly, isoFromChineseDate, markerOf, pageMarkOf, contentsPageOf, registrationOfLine, attachmentLabelOf } from '../../src/import/line-patterns.ts';
import { parsePrintedLabels } from '../../src/gazette/issue-address.ts';
import { titleCore, titleSimilarity } from '../../src/import/match-contents.ts';
import { findNumberLines } from '../../src/import/split-documents.ts';
import { cellTableAt } from '../../src/import/rebuild-cell-tables.ts';
import { noteCitedBrackets } from '../../src/import/cited-brackets.ts';
import { decodeRaw, toLines } from '../../src/import/read-raw.ts';
import { detectRunningHeads } from '../../src/import/detect-running-heads.ts';
import { headingLike } from '../../src/import/join-paragraphs.ts';
import { cellLines, convertTable, rowsFromTabs } from '../../src/import/convert-tables.ts';
import { escapeMarkdown } from '../../src/import/render-body.ts';
import { findNumberInLine, parseContents } from '../../src/import/parse-contents.ts';
import { Notes } from '../../src/import/review-notes.ts';
import { YONGZHOU_CONFIG } from '../helpers/content.ts';
import { encodeGbk } from './helpers/encode-gbk.ts';

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
    expect(pageMarkOf('— 12 —')).toEqual({ page: 12, decorated: true });
    expect(pageMarkOf('· 3 ·')).toEqual({ page: 3, decorated: true });
    expect(pageMarkOf('2018')).toBeUndefined();
    // The page of a 目录 entry on its own line: bare or bracketed, never a body page mark.
    expect(contentsPageOf('(26)')).toBe(26);
    expect(contentsPageOf('（ 26 ）')).toBe(26);
    expect(contentsPageOf('26')).toBe(26);
    expect(contentsPageOf('－2－')).toBeUndefined();
    expect(contentsPageOf('(2018)')).toBeUndefined();
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

describe('encodings', () => {
  it('decodes GBK and GB18030 (named), and names UTF-16 and Big5 when it refuses them', () => {
    const text = '临川市人民政府公报\n2020年第5期（总第128期）\n各县（区）人民政府：现将有关事项通知如下。\n';
    expect(decodeRaw(encodeGbk(text))).toMatchObject({ ok: true, text, encoding: 'GBK' });
    // A character outside GBK takes GB18030's four bytes (U+20000 → 95 32 82 36).
    const four = Buffer.concat([Buffer.from(encodeGbk('公报')), Buffer.from([0x95, 0x32, 0x82, 0x36]), Buffer.from(encodeGbk('各县人民政府：现将有关事项通知如下。'))]);
    expect(decodeRaw(four)).toMatchObject({ ok: true, text: '公报\u{20000}各县人民政府：现将有关事项通知如下。', encoding: 'GB18030' });
    expect(decodeRaw(Buffer.from('公报\n', 'utf16le'))).toMatchObject({ ok: false, reason: expect.stringContaining('UTF-16LE') });
    // UTF-16 by its marks (a byte-order mark, a NUL in every other byte) or, without them, by its text.
    expect(decodeRaw(Buffer.from('公报\n', 'utf16le').swap16())).toMatchObject({ ok: false, line: 1, column: 1, reason: expect.stringContaining('UTF-16BE') });
    expect(decodeRaw(Buffer.from('\uFEFF永州政报\n', 'utf16le'))).toMatchObject({ ok: false, reason: expect.stringContaining('UTF-16LE') });
    expect(decodeRaw(Buffer.from('Yongzhou gazette, 2018\n', 'utf16le').swap16())).toMatchObject({ ok: false, reason: expect.stringContaining('UTF-16BE') });
    const big5 = new Uint8Array([0xbb, 0x4f, 0xa5, 0x5f, 0xa5, 0xab, 0xac, 0x46, 0xa9, 0xb2, 0xa4, 0xbd, 0xb3, 0xf8]); // 臺北市政府公報
    expect(decodeRaw(big5)).toMatchObject({ ok: false, line: 1, column: 1, reason: expect.stringContaining('Big5') });
    // UTF-8 text is never taken for GBK.
    expect(decodeRaw(Buffer.from(text, 'utf8'))).toMatchObject({ ok: true, encoding: 'UTF-8' });
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

describe('other print layouts: the pieces', () => {
  it('reads issue labels in either unit and order, never 总第N期 as 第N期', () => {
    expect(parsePrintedLabels('2020年第2号（总第55号）')).toMatchObject({ issue: { year: 2020, value: 2, unit: '号' }, total: { value: 55, unit: '号' } });
    expect(parsePrintedLabels('总第103期 2018年第二期')).toMatchObject({ issue: { year: 2018, value: 2, unit: '期' }, total: { value: 103, unit: '期' } });
    expect(parsePrintedLabels('（总第55号）')).toEqual({ total: { unit: '号', value: 55, index: 1, length: 5 } });
    expect(parsePrintedLabels('第十二期')).toMatchObject({ issue: { value: 12 } });
    expect(parsePrintedLabels('第一条 为了规范管理')).toEqual({});
  });

  it('knows page marks alone and beside a running head', () => {
    expect(pageMarkOf('－12－')).toEqual({ page: 12, decorated: true });
    expect(pageMarkOf('第 7 页')).toEqual({ page: 7, decorated: true });
    expect(pageMarkOf('12')).toEqual({ page: 12, decorated: false });
    expect(pageMarkOf('·4·　临川市人民政府公报')).toEqual({ page: 4, decorated: true, rest: '临川市人民政府公报' });
    expect(pageMarkOf('临川市人民政府公报　2020年第5期　·5·')).toEqual({ page: 5, decorated: true, rest: '临川市人民政府公报　2020年第5期' });
    expect(pageMarkOf('新增养老床位1200')).toBeUndefined();
  });

  it('ends a sentence after a closing bracket or quote only when the text inside did', () => {
    expect(endsSentenceStrictly('各县（区）')).toBe(false);
    expect(endsSentenceStrictly('按照《优化营商环境条例》')).toBe(false);
    expect(endsSentenceStrictly('推行“一件事一次办”')).toBe(false);
    expect(endsSentenceStrictly('他说：“请认真执行。”')).toBe(true);
    expect(endsSentenceStrictly('现批复如下：')).toBe(false);
  });

  it('compares titles from 关于 on when the 目录 drops the organ, and scores the rest', () => {
    expect(titleCore('临川市人民政府关于印发临川市优化营商环境若干措施的通知')).toBe('关于印发临川市优化营商环境若干措施的通知');
    expect(titleSimilarity('关于印发临川市优化营商环境若干措施的通知', '临川市人民政府关于印发临川市优化营商环境若干措施的通知')).toBe(1);
    const near = titleSimilarity('桃源市人民政府办公室关于印发桃源市公共租赁住房管理办法的通知', '桃源市人民政府办公室关于印发桃源市公共租赁住房管理办法（试行）的通知');
    expect(near).toBeGreaterThan(0.9);
    expect(near).toBeLessThan(1);
    expect(titleSimilarity('永州市人民政府关于甲的通知', '永州市人民政府关于加强测试工作的通知')).toBeLessThan(0.6);
  });

  it('cuts a learned running head out of a line of text it was run into', () => {
    const head = '江陵市人民政府公报　2020年第2号';
    const text = ['正文第一段。', head, '－2－', '第二段在这里断开，', head, '－3－', '接着写完。', `第三段的末尾${head}`, '－4－', head, '第四段。'].join('\n');
    const notes = new Notes();
    const heads = detectRunningHeads(toLines(text), 0, [], config!, notes);
    expect(heads.edits).toEqual(new Map([[7, '第三段的末尾']]));
    expect([...heads.removed.keys()].sort((a, b) => a - b)).toEqual([1, 2, 4, 5, 8, 9]);
    expect(notes.items.filter((note) => note.severity === 'warning').map((note) => note.line)).toEqual([2, 8]);
  });

  it('takes a whole 发文字号 line for a document only with a configured 机关代字 where a 版头 stands', () => {
    const lines = toLines(['永州市人民政府关于甲的通知', '永政发〔2018〕1号', '正文。', '见下文：', '永政发〔2018〕2号', '永州政报　2018年第2号', '某某局关于乙的通知', '某某发〔2018〕3号', '正文。'].join('\n'));
    const notes = new Notes();
    expect(findNumberLines(lines, 0, new Map(), config!, notes)).toEqual([1]);
    expect(notes.items.map((note) => [note.line, note.severity, note.rule])).toEqual([
      [5, 'warning', 'import-heading'],
      [8, 'error', 'import-heading'],
    ]);
  });

  it('rebuilds a one-cell-per-line table from its header, and keeps a row of another width as read', () => {
    const seg = (text: string, line: number) => ({ line, text, raw: text, gap: 'none' as const, dash: false, heads: [] });
    const cells = (texts: string[]) => texts.map((text, index) => seg(text, index + 1));
    const regular = cellTableAt(cells(['序号', '项目', '单位', '1', '新建公厕20座', '市城管局', '2', '免费体检', '市卫健委', '下一段正文写在这里，不是表格的单元格。']), 0, new Notes());
    expect(regular?.next).toBe(9);
    expect(regular?.table.markdown).toBe('| 序号 | 项目 | 单位 |\n| --- | --- | --- |\n| 1 | 新建公厕20座 | 市城管局 |\n| 2 | 免费体检 | 市卫健委 |');
    expect(regular?.table.review).toContain('按表头的 3 列重建');
    const notes = new Notes();
    const irregular = cellTableAt(cells(['序号', '项目', '单位', '1', '新建公厕', '20座', '市城管局', '2', '免费体检', '市卫健委']), 0, notes);
    expect(irregular?.table.markdown).toContain('<tr><td>1</td><td>新建公厕</td><td>20座</td><td>市城管局</td></tr>');
    expect(irregular?.table.review).toContain('1 行的单元格数与表头的 3 列不符');
    // One warning at the row that does not fit and one at the table (convertTable's), not a second at the table.
    expect(notes.items.filter((note) => note.severity === 'warning').map((note) => [note.line, note.rule])).toEqual([[4, 'import-table'], [1, 'import-table']]);
    expect(cellTableAt(cells(['序号', '1', '2']), 0, new Notes())).toBeUndefined();
  });

  it('notes every cited 发文字号 whose brackets it standardizes; mojibake as a warning', () => {
    const notes = new Notes();
    const seg = (text: string, line: number) => ({ line, text, raw: text, gap: 'none' as const, dash: false, heads: [] });
    noteCitedBrackets([{ kind: 'paragraph', segs: [seg('根据《通知》（国办发„2009‟3号）和人社部发[2014]97号，', 4), seg('以及湘政发〔2017〕31号精神。', 5)], lines: [] }], notes, config!);
    expect(notes.items.map((note) => [note.line, note.severity, note.message])).toEqual([
      [4, 'warning', '引用的发文字号「国办发„2009‟3号」括号是乱码（抽取把六角括号读错了）：已改为 国办发〔2009〕3号，请对照印刷件核对'],
      [4, 'info', '引用的发文字号「人社部发[2014]97号」括号不规范：已改为 人社部发〔2014〕97号'],
    ]);
  });

  it('takes a 目录 title ending in a 文种 and a （试行）-style note for a title, as the front matter does', () => {
    const notes = new Notes();
    const line = (text: string, n: number) => ({ n, text, raw: text });
    parseContents([line('永州市城市管理', 1), line('办法（试行）', 2)], config!, notes);
    expect(notes.items.map((note) => [note.line, note.severity, note.message])).toEqual([[1, 'warning', '目录中这一条像文件标题，但没有发文字号：请核对目录是否漏印了文号']]);
  });

  it('names the cited 发文字号 by its 机关代字 alone, and reports what the body gets: only the brackets changed', () => {
    const notes = new Notes();
    const seg = (text: string, line: number) => ({ line, text, raw: text, gap: 'none' as const, dash: false, heads: [] });
    noteCitedBrackets([{ kind: 'paragraph', segs: [seg('根据人社部发[2014]97号和国办发[2009]第3号，', 7)], lines: [] }], notes, config!);
    expect(notes.items.map((note) => note.message)).toEqual([
      '引用的发文字号「人社部发[2014]97号」括号不规范：已改为 人社部发〔2014〕97号',
      '引用的发文字号「国办发[2009]第3号」括号不规范：已改为 国办发〔2009〕第3号',
    ]);
  });
});
