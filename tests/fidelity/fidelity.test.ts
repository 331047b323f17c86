// Fidelity: the built 2018-02 pages carry every line of the printed text in order, and nothing the extraction added.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectAll, select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { sharedSeedSite, type SiteFolder } from '../helpers/built-site.ts';

const SOURCE = readFileSync(path.join(import.meta.dirname, '../fixtures/source/yongzhou-zhengbao-2018-02.txt'), 'utf8');
const RUNNING_HEADS = ['市政府文件', '市政府办文件'];

/** Compare text, not typography: width (NFKC), whitespace, nested-quote style, extraction debris. */
function norm(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/<[^>]+>/g, '')
    .replace(/^- /gm, '')
    .replace(/\uFFFD/g, '')
    .replace(/\*\*/g, '')
    .replace(/[〈〉]/g, (bracket) => (bracket === '〈' ? '《' : '》'))
    // OCR reads the 六角括号 of a 发文字号's year as square brackets: 人社部发[2014]97号 is printed 人社部发〔2014〕97号.
    .replace(/\[((?:19|20)\d{2})\]/g, '〔$1〕')
    .replace(/[·\s]/g, '');
}

/** The documents part of the source (after the cover and 目录); running heads dropped; table rows (tab-separated) as cells. */
function sourceUnits(): { text: string; cell: boolean }[] {
  const lines = SOURCE.split('\n');
  const start = lines.findIndex((line) => line.startsWith('出版日期')) + 1;
  return lines
    .slice(start)
    .filter((line) => line.trim() !== '' && !RUNNING_HEADS.includes(line.trim()))
    .flatMap((line) => (line.includes('\t') ? line.split('\t').map((cell) => ({ text: norm(cell), cell: true })) : [{ text: norm(line), cell: false }]))
    .filter((unit) => unit.text.length > 0);
}

function sourceLines(): string[] {
  return sourceUnits().map((unit) => unit.text);
}

interface Page {
  slug: string;
  blocks: string[];
  text: string;
}

let site: SiteFolder;
let pages: Page[];

beforeAll(async () => {
  site = await sharedSeedSite();
  const documents = site.json<{ url: string; doc_number: string }[]>('api/documents.json');
  pages = documents.map(({ url }) => {
    const sitePath = new URL(url).pathname;
    const body = select('[data-pagefind-body]', site.html(sitePath))!;
    const blocks = selectAll('.document-title, .document-number, .document-registration, .document-body p, .document-body h2, .document-body h3, .document-body li, .document-body td, .document-body th', body).map(
      (node) => toText(node),
    );
    return { slug: sitePath, blocks, text: norm(blocks.join('')) };
  });
});

describe('fidelity of 2018年第2期 to the printed text', () => {
  it('builds all nine documents in 目录 order', () => {
    expect(pages.map((page) => page.slug)).toEqual([
      '/2018/02/yzf-2018-1/', '/2018/02/yzf-2018-2/', '/2018/02/yzf-2018-3/', '/2018/02/yzf-2018-4/', '/2018/02/yzh-2018-9/',
      '/2018/02/yzbf-2018-1/', '/2018/02/yzbf-2018-2/', '/2018/02/yzbh-2018-11/', '/2018/02/yzr-2018-1/',
    ]);
  });

  it('every printed line is present, in order, in its own document', () => {
    const units = sourceUnits();
    const lines = units.map((unit) => unit.text);
    // Split the printed text into documents at each title + 发文字号 heading.
    const starts = pages.map((page) => {
      const numberAt = lines.indexOf(page.blocks[1] ? norm(page.blocks[1]) : '');
      let titleAt = numberAt;
      while (titleAt > 0 && !lines.slice(titleAt, numberAt).join('').startsWith(norm(page.blocks[0]!))) titleAt--;
      return titleAt;
    });
    expect(starts.every((at, index) => at >= 0 && (index === 0 || at > starts[index - 1]!))).toBe(true);

    for (const [index, page] of pages.entries()) {
      const printed = units.slice(starts[index], starts[index + 1] ?? lines.length);
      let cursor = 0;
      const missing: string[] = [];
      const reordered: string[] = [];
      for (const { text: line, cell } of printed) {
        // Table cells: the extraction's cell order is not the printed one (shifted cells, repeated header rows).
        if (cell) {
          if (!page.text.includes(line)) missing.push(line);
          continue;
        }
        const at = page.text.indexOf(line, cursor);
        if (at >= 0) cursor = at + line.length;
        else if (page.text.includes(line)) reordered.push(line);
        else missing.push(line);
      }
      expect({ page: page.slug, missing }).toEqual({ page: page.slug, missing: [] });
      // The extraction interleaved the two-column attachments of 永政发〔2018〕4号; the committed text restores the
      // printed order there, so those lines (and only those) come earlier than in the raw text.
      const repaired: Record<string, number> = { '/2018/02/yzf-2018-4/': 20 };
      expect({ page: page.slug, reordered: reordered.length }).toEqual({ page: page.slug, reordered: Math.min(reordered.length, repaired[page.slug] ?? 0) });
    }
  });

  it('adds nothing: every built block is printed text (lines rejoined across page and column breaks)', () => {
    const lines = sourceLines();
    const source = lines.join('');
    const byLength = [...new Set(lines)].sort((a, b) => b.length - a.length);
    /** What is left of a block after removing every printed line it contains: must be nothing. */
    const unprinted = (block: string) => byLength.reduce((rest, line) => rest.split(line).join(''), block);
    const added = pages.flatMap((page) =>
      page.blocks.map(norm).filter((block) => block && !source.includes(block) && unprinted(block) !== ''),
    );
    expect(added).toEqual([]);
  });

  it('has no running heads left as paragraphs', () => {
    const heads = pages.flatMap((page) => page.blocks.filter((block) => RUNNING_HEADS.includes(block.trim())));
    expect(heads).toEqual([]);
  });

  it('rejoins paragraphs split at page breaks', () => {
    const joined = [
      '对该办不办的事项一律作事故处理',
      '凡属以市政府名义出台的规范性文件，一律不得照抄照转',
      '没有特殊原因，所有工作必须在规定时间内完成',
      '授予胡湘陵等12名同志“永州市见义勇为先进个人”称号',
    ];
    const blocks = pages.flatMap((page) => page.blocks.map(norm));
    for (const sentence of joined) expect(blocks.some((block) => block.includes(norm(sentence)))).toBe(true);
  });

  it('leaves no paragraph cut at a page break: every body paragraph ends a sentence, save headings and the printed exceptions', () => {
    // Paragraphs that end without closing punctuation in the print itself (checked against the source text).
    const printed = ['立即启动市本级突发事件信息联动共享机制，'];
    const cut = pages.flatMap((page) => {
      const body = select('.document-body', site.html(page.slug))!;
      return selectAll('p', body)
        .filter((paragraph) => !/addressee|signature|heading-line|attachment-list/.test(String(paragraph.properties.className ?? '')))
        .map((paragraph) => toText(paragraph).trim())
        .filter((text) => text && !/[。；：！？”）」》…]$/u.test(text) && !printed.some((end) => text.endsWith(end)))
        .filter((text) => !/^\p{Script=Han}{2,4}　/u.test(text)) // name list entries: 赵应云　市委副书记、市人民政府市长
        .filter((text) => !(/^\d{1,3}[、.．]/u.test(text) && text.length <= 40)) // numbered list entries: 3、永州市社会救助工作领导小组
        .map((text) => `${page.slug}: …${text.slice(-24)}`);
    });
    expect(cut).toEqual([]);
  });

  it('prints 发文字号 with 六角括号 and keeps the 落款', () => {
    for (const page of pages) expect(page.blocks[1]).toMatch(/^[\p{Script=Han}]+〔2018〕[1-9]\d*号$/u);
    const signatures = pages.map((page) => select('.document-body p.signature', site.html(page.slug)));
    expect(signatures.every(Boolean)).toBe(true);
  });
});
