// Fixture tests for the unified pipeline: every tests/markdown/fixtures/<case>/input.md renders to its output.html.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/markdown/render-document.ts';
import { buildCitationIndex, type CitationIndex } from '../../src/content/citation-index.ts';
import type { Corpus } from '../../src/content/load-corpus.ts';

const root = path.join(import.meta.dirname, 'fixtures');
const cases = readdirSync(root).sort();

/** A fixture may carry `corpus.json`: the documents citations can point to ({ url, docNumber, title, attachments? }[]). */
function indexFor(dir: string): CitationIndex | undefined {
  const file = path.join(dir, 'corpus.json');
  if (!existsSync(file)) return undefined;
  const documents = JSON.parse(readFileSync(file, 'utf8')) as { url: string; docNumber: string; title: string; attachments?: string[] }[];
  const corpus = {
    documents: documents.map((document) => ({
      data: { doc_number: document.docNumber, title: document.title },
      body: (document.attachments ?? []).map((title) => `## ${title}\n`).join('\n'),
      url: document.url,
    })),
  } as unknown as Corpus;
  return buildCitationIndex(corpus, (document) => (document as unknown as { url: string }).url);
}

describe('markdown fixtures', () => {
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(5));
  for (const name of cases) {
    it(name, () => {
      const dir = path.join(root, name);
      const body = readFileSync(path.join(dir, 'input.md'), 'utf8');
      const output = renderDocument({ path: 'input.md', body, url: '/2018/02/self/', index: indexFor(dir) });
      const actual = `${output.html}\n`;
      // UPDATE_FIXTURES=1 npx vitest run tests/markdown rewrites the expected output (review the diff before committing).
      if (process.env.UPDATE_FIXTURES) writeFileSync(path.join(dir, 'output.html'), actual);
      expect(actual).toBe(readFileSync(path.join(dir, 'output.html'), 'utf8'));
    });
  }
});

describe('renderDocument', () => {
  it('is a pure function of its input: same text, same output object from the content-hash cache', () => {
    const input = { path: 'a.md', body: '正文\n第二行' };
    expect(renderDocument(input)).toBe(renderDocument({ ...input }));
    expect(renderDocument({ path: 'a.md', body: '正文\n第三行' }).html).toBe('<p>正文第三行</p>');
  });

  it('returns plain text for search and data exports', () => {
    const output = renderDocument({ path: 'b.md', body: '**通知**\n\n永州市人民政府\n2018年2月6日\n' });
    expect(output.text).toContain('通知');
    expect(output.text).toMatch(/永州市人民政府\s+2018年2月6日/);
  });

  /** A fixture's messages as [line, rule, fatal, the problem before its fix]. */
  const messagesOf = (fixture: string) =>
    renderDocument({ path: `${fixture}.md`, body: readFileSync(path.join(root, fixture, 'input.md'), 'utf8') }).messages.map((message) => [
      message.line, message.ruleId, message.fatal, message.reason.split('：')[0],
    ]);

  it('reports removed raw HTML as warnings at its line (unsafe-html)', () => {
    expect(messagesOf('sanitize')).toEqual([
      [1, 'unsafe-html', false, '已移除不允许的 HTML 元素及其内容 <script>'],
      [3, 'unsafe-html', false, '已移除不允许的 HTML 元素 <iframe>'],
      [5, 'unsafe-html', false, '已移除 <a> 中不安全的链接 javascript:alert(1)'],
      [5, 'unsafe-html', false, '已移除 <a> 的属性 onclick'],
      [7, 'unsafe-html', false, '已移除 <td> 的属性 style'],
      [7, 'unsafe-html', false, '已移除 <td> 的属性 onmouseover'],
    ]);
  });

  it('removes ids and names written in raw HTML, each reported at its line (unsafe-html)', () => {
    expect(messagesOf('raw-ids')).toEqual([
      [1, 'unsafe-html', false, '已移除 <p> 的 id="s1"'],
      [5, 'unsafe-html', false, '已移除 <p> 的 id="main"'],
      [7, 'unsafe-html', false, '已移除 <p> 的 id="s1"'],
      [9, 'unsafe-html', false, '已移除 <a> 的 name="top"'],
      [14, 'unsafe-html', false, '已移除 <p> 的 id="main"'],
    ]);
  });

  it('records every citation, linked or not: unknown 发文字号 and titles are kept as references', () => {
    const dir = path.join(root, 'citation-unknown');
    const output = renderDocument({ path: 'input.md', body: readFileSync(path.join(dir, 'input.md'), 'utf8'), index: indexFor(dir) });
    expect(output.citations.map((citation) => [citation.kind, citation.docNumber ?? citation.text, citation.target?.url ?? null])).toEqual([
      ['title', '《国务院关于做好当前和今后一段时期就业创业工作的意见》', null],
      ['doc-number', '国发〔2017〕28号', null],
      ['title', '《湖南省人民政府关于做好当前和今后一段时期就业创业工作的实施意见》', null],
      ['doc-number', '湘政发〔2017〕31号', null],
      ['doc-number', '人社部发〔2014〕97号', null],
      ['doc-number', '永政发〔2014〕5号', null],
    ]);
  });

  it('records the outline and the attachments with their anchors', () => {
    const output = renderDocument({ path: 'input.md', body: readFileSync(path.join(root, 'outline', 'input.md'), 'utf8') });
    expect(output.outline.map((entry) => [entry.id, entry.depth, entry.text])).toEqual([
      ['s1', 1, '一、深入实施就业优先战略'],
      ['s1-1', 2, '（一）促进经济增长与扩大就业良性互动'],
      ['s1-2', 2, '（二）发展吸纳就业能力强的产业'],
      ['s2', 1, '二、严肃会议纪律'],
      ['attachment-1-s1', 1, '一、保留的机构'],
    ]);
    expect(output.attachments).toEqual([
      { id: 'attachment-1', title: '保留及调整组成人员的议事协调机构（85个）', label: '附件1' },
      { id: 'attachment-2', title: '撤销的议事协调机构', label: '附件2' },
    ]);
  });
});
