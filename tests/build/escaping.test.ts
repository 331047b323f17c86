// A title (and a 栏目 name) with & " ' < > is escaped exactly once wherever it is written: <title>, og:title, h1,
// JSON-LD, the feeds and the open data.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { XMLParser } from 'fast-xml-parser';
import { buildInto, type BuiltSite } from '../helpers/built-site.ts';
import { makeSite, SMALL_CONTENT, YONGZHOU_CONFIG } from '../helpers/content.ts';

const TITLE = `永州市人民政府办公室关于"A&B" 'C' <试行> 的通知`;
/** The 栏目 市政府办文件 renamed to this (config, 目录 and documents) for the group page's title. */
const SECTION = `市政府办"文件"&<其他>`;
const ESCAPED_TWICE = /&amp;(?:amp|quot|#39|#x27|lt|gt|#34|#60|#62);/;

// The small content, with the 2018年第3期 document's title full of markup characters (a YAML double-quoted string).
const DOCUMENT = `---
title: "永州市人民政府办公室关于\\"A&B\\" 'C' <试行> 的通知"
doc_number: 永政办函〔2018〕20号
date: 2018-03-12
issuers: [永州市人民政府办公室]
section: '市政府办"文件"&<其他>'
type: 通知
page: 2
---

各县区人民政府：

这是构建测试用的文件。

永州市人民政府办公室
2018年3月12日
`;

const PAGE = '/2018/03/yzbh-2018-20/';
let root: string;
let site: BuiltSite;

beforeAll(async () => {
  const renamed = (file: string, from: string, to: string) => readFileSync(file, 'utf8').replaceAll(from, to);
  root = makeSite(
    {
      'gazette.config.yaml': renamed(YONGZHOU_CONFIG, 'name: 市政府办文件,', `name: '${SECTION}',`),
      'issues/2018/02/issue.md': renamed(path.join(SMALL_CONTENT, '2018/02/issue.md'), '- 市政府办文件', `- '${SECTION}'`),
      'issues/2018/03/issue.md': renamed(path.join(SMALL_CONTENT, '2018/03/issue.md'), '- 市政府办文件', `- '${SECTION}'`),
      'issues/2018/02/yzbf-2018-1.md': renamed(path.join(SMALL_CONTENT, '2018/02/yzbf-2018-1.md'), 'section: 市政府办文件', `section: '${SECTION}'`),
      'issues/2018/03/yzbh-2018-20.md': DOCUMENT,
    },
    { from: SMALL_CONTENT },
  );
  site = await buildInto({ cwd: root, search: false, today: '2020-01-01' });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a title and a 栏目 name with & " \' < >', () => {
  it('is the title the model holds', () => {
    expect(site.result.model!.documents.find((document) => document.url === PAGE)?.title).toBe(TITLE);
  });

  it('reads back as itself from <title>, og:title, the h1 and the JSON-LD of its page', () => {
    const tree = site.html(PAGE);
    expect(toText(select('title', tree)!)).toBe(`${TITLE} - 永州政报`);
    expect(select('meta[property="og:title"]', tree)?.properties.content).toBe(TITLE);
    expect(toText(select('h1', tree)!)).toBe(TITLE);
    const jsonLd = JSON.parse(toText(select('script[type="application/ld+json"]', tree)!)) as { name: string };
    expect(jsonLd.name).toBe(TITLE);
  });

  it('is escaped once in the raw HTML of its page (no &amp;amp;, &amp;lt; …)', () => {
    const html = site.read(PAGE);
    expect(html).toContain('<title>永州市人民政府办公室关于&quot;A&amp;B&quot; &#39;C&#39; &lt;试行&gt; 的通知 - 永州政报</title>');
    expect(html).toContain('<meta property="og:title" content="永州市人民政府办公室关于&quot;A&amp;B&quot; &#39;C&#39; &lt;试行&gt; 的通知">');
    expect(html).not.toMatch(ESCAPED_TWICE);
  });

  it('a 栏目 name reads back as itself from its page\'s <title>, og:title and h1', () => {
    const tree = site.html('/sections/government-office/');
    expect(toText(select('title', tree)!)).toBe(`${SECTION} - 永州政报`);
    expect(select('meta[property="og:title"]', tree)?.properties.content).toBe(SECTION);
    expect(toText(select('h1', tree)!)).toBe(SECTION);
    expect(site.read('/sections/government-office/')).toContain('<title>市政府办&quot;文件&quot;&amp;&lt;其他&gt; - 永州政报</title>');
  });

  it('is escaped once on every page that lists it', () => {
    const pages = (readdirSync(site.dir, { recursive: true }) as string[]).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    const listing = pages.filter((file) => site.read(file.split(path.sep).join('/')).includes('&lt;试行&gt;'));
    expect(listing.length).toBeGreaterThan(5); // the document, its issue, the home page, browse pages …
    for (const file of pages) expect(site.read(file.split(path.sep).join('/')), file).not.toMatch(ESCAPED_TWICE);
    for (const file of ['index.html', '2018/03/index.html', 'issuers/yzszfb/index.html']) {
      const titles = selectAll(`a[href="${PAGE}"]`, site.html(file)).map((link) => toText(link));
      expect(titles, file).toContain(TITLE);
    }
  });

  it('reads back as itself from the feeds and the open data', () => {
    const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'entry' });
    for (const feed of ['feed.xml', 'issuers/yzszfb/feed.xml']) {
      const source = site.read(feed);
      expect(source, feed).not.toMatch(ESCAPED_TWICE);
      const entries = (parser.parse(source) as { feed: { entry: { title: string }[] } }).feed.entry;
      expect(entries.map((entry) => entry.title), feed).toContain(TITLE);
    }
    expect(site.json<{ title: string }[]>('api/documents.json').map((record) => record.title)).toContain(TITLE);
    expect(site.json<{ title: string }>('api/documents/2018-03/yzbh-2018-20.json').title).toBe(TITLE);
    expect(site.read('api/documents.csv')).toContain(`"${TITLE.replaceAll('"', '""')}"`);
  });
});
