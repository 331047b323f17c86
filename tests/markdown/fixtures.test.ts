// Fixture tests for the unified pipeline: every tests/markdown/fixtures/<case>/input.md renders to its output.html.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/markdown/render-document.ts';

const root = path.join(import.meta.dirname, 'fixtures');
const cases = readdirSync(root).sort();

describe('markdown fixtures', () => {
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(5));
  for (const name of cases) {
    it(name, () => {
      const body = readFileSync(path.join(root, name, 'input.md'), 'utf8');
      const expected = readFileSync(path.join(root, name, 'output.html'), 'utf8');
      expect(renderDocument({ path: 'input.md', body }).html + '\n').toBe(expected);
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

  it('reports removed raw HTML as warnings at its line (unsafe-html)', () => {
    const body = readFileSync(path.join(root, 'sanitize', 'input.md'), 'utf8');
    const messages = renderDocument({ path: 'sanitize.md', body }).messages.map((message) => [message.line, message.ruleId, message.fatal, message.reason.split('：')[0]]);
    expect(messages).toEqual([
      [1, 'unsafe-html', false, '已移除不允许的 HTML 元素及其内容 <script>'],
      [3, 'unsafe-html', false, '已移除不允许的 HTML 元素 <iframe>'],
      [5, 'unsafe-html', false, '已移除 <a> 中不安全的链接 javascript:alert(1)'],
      [5, 'unsafe-html', false, '已移除 <a> 的属性 onclick'],
      [7, 'unsafe-html', false, '已移除 <td> 的属性 style'],
      [7, 'unsafe-html', false, '已移除 <td> 的属性 onmouseover'],
    ]);
  });
});
