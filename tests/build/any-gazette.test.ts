// Another city's gazette, numbered 第N号 and without 登记号, built from its config alone: nothing of 永州 and nothing of 期 or 登记号 on its site.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { unzipSync } from 'fflate';
import type { Root } from 'hast';
import { sharedSecondSite, sharedSeedSite, type SiteFolder } from '../helpers/built-site.ts';
import type { SiteModel } from '../../src/site/site-model.ts';
import { SEARCH_FACETS } from '../../src/gazette/browse.ts';


const ONE_CITY = /永州|永政|YZCR|yzf|乐家茂|就业创业|XNCR/;
const PERIOD_NUMBER = /第\s*\d+\s*期/;

/** The second gazette (tests/fixtures/second-gazette): `issue_unit: 号`, `frequency: 半月刊`, no `registration_prefix`. */
let site: SiteFolder & { log: string };
let model: SiteModel;
/** Every text file of the site (site path → text), the zip's entries included as `api/gazette.zip!<entry>`; Pagefind's compressed index left out. */
let files: Map<string, string>;

beforeAll(async () => {
  site = await sharedSecondSite();
  model = site.result.model!;
  files = new Map();
  for (const file of walk(site.dir)) {
    if (file.startsWith('pagefind/')) continue;
    if (file.endsWith('.zip')) {
      for (const [entry, bytes] of Object.entries(unzipSync(readFileSync(path.join(site.dir, file))))) files.set(`${file}!${entry}`, Buffer.from(bytes).toString('utf8'));
    } else files.set(file, readFileSync(path.join(site.dir, file), 'utf8'));
  }
});

function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

const html = (sitePath: string): Root => site.html(sitePath);
const text = (tree: Root, selector: string): string => toText(select(selector, tree)!).replace(/\s+/g, ' ');
const jsonLd = (tree: Root) => JSON.parse(toText(select('script[type="application/ld+json"]', tree)!)) as Record<string, any>;

describe('a gazette numbered 第N号', () => {
  const label = (issue: { year: number; number: number }) => `${issue.year}年第${issue.number}号`;
  const total = (issue: { totalNumber: number }) => `总第${issue.totalNumber}号`;

  it('is the fixture it claims to be: two issues, 号, no 登记号 system', () => {
    expect(model.config.issue_unit).toBe('号');
    expect(model.config.registration_prefix).toBeUndefined();
    expect(model.issues.length).toBeGreaterThanOrEqual(2);
  });

  it('npm run build counts the issues in 号: 2 号、8 篇文件', () => {
    expect(site.log).toContain(`✔ 已构建 ${model.issues.length} 号、${model.documents.length} 篇文件`);
    expect(site.log).toContain('✔ 已构建 2 号、8 篇文件');
  });

  it('names every issue 第N号 and 总第N号 on its cover, the home page and the archive', () => {
    for (const issue of model.issues) {
      const cover = text(html(issue.url), '.cover');
      expect(cover).toContain(label(issue));
      expect(cover).toContain(total(issue));
      expect(text(html(`${issue.url}print/`), '.cover')).toContain(label(issue));
      // the home page names the latest issue once, in its heading, and the earlier ones under 往期
      expect(text(html('/'), issue === model.issues[0] ? '#latest-heading' : '#issues')).toContain(issue === model.issues[0] ? `${label(issue)} ${total(issue)}` : `${label(issue)}（${total(issue)}）`);
      expect(text(html('/archive/'), 'main')).toContain(label(issue));
    }
    const latest = model.issues[0]!;
    expect(text(html('/'), '#latest-heading')).toContain(`${label(latest)} ${total(latest)}`);
    expect(text(html('/'), '.browse-links')).toContain(`往期目录${model.issues.length} 号`);
    expect(text(html('/archive/'), '.lead')).toContain(`全部 ${model.issues.length} 号`);
  });

  it('names the issue 第N号 in the <title>, breadcrumb, metadata and JSON-LD of every document', () => {
    for (const document of model.documents) {
      const issue = model.issues.find((candidate) => candidate.key === document.issue.key)!;
      const tree = html(document.url);
      expect(text(tree, '.breadcrumb')).toContain(label(issue));
      expect(text(tree, '.metadata')).toContain(`${label(issue)}（${total(issue)}）第 ${document.page} 页`);
      const partOf = jsonLd(tree).isPartOf;
      expect(partOf).toMatchObject({ '@type': 'PublicationIssue', name: `${model.config.name} ${label(issue)}`, issueNumber: String(issue.number) });
    }
    for (const issue of model.issues) {
      const tree = html(issue.url);
      expect(text(tree, 'title')).toContain(label(issue));
      expect(jsonLd(tree)).toMatchObject({ name: `${model.config.name} ${label(issue)}`, issueNumber: String(issue.number) });
    }
  });

  it('labels the issues 第N号 in issues.json and the zip README', () => {
    const records = site.json<{ issue: string; label: string; total_label: string }[]>('api/issues.json');
    expect(records.map((record) => [record.issue, record.label, record.total_label])).toEqual(model.issues.map((issue) => [issue.key, label(issue), total(issue)]));
    const readme = files.get('api/gazette.zip!README.txt')!;
    const [first, last] = [model.issues.at(-1)!, model.issues[0]!];
    expect(readme).toContain(`${label(first)}（${total(first)}）至 ${label(last)}（${total(last)}），共 ${model.issues.length} 号、${model.documents.length} 篇文件`);
    expect(readme).toContain('issues/<年份>/<号数>/issue.md');
    expect(readme).not.toContain('期号');
  });

  it('never writes 第N期 or 总第N期, in any page, feed or data file', () => {
    const found = [...files].filter(([, content]) => PERIOD_NUMBER.test(content)).map(([file, content]) => `${file}: ${PERIOD_NUMBER.exec(content)![0]}`);
    expect(found).toEqual([]);
    expect(files.has('feed.xml')).toBe(true);
  });
});

describe('a gazette without a 登记号 system', () => {
  it('has no 登记号 in any page: no metadata row, no register, no hint', () => {
    const pages = [...files].filter(([file]) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.filter(([, content]) => /登记号|规范性文件目录/.test(content)).map(([file]) => file)).toEqual([]);
  });

  it('has no /register/ page, no link to it and no /r/ aliases', () => {
    expect([...files.keys()].filter((file) => file.startsWith('register/') || file.startsWith('r/'))).toEqual([]);
    const links = [...files].filter(([file]) => file.endsWith('.html')).flatMap(([, content]) => [...content.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!));
    expect(links.length).toBeGreaterThan(50);
    expect(links.filter((href) => href.includes('/register/') || href.startsWith('/r/'))).toEqual([]);
    expect(files.has('d/' + model.documents[0]!.slug + '/index.html')).toBe(true); // the other alias kind is there
    expect([...files.keys()].some((file) => file === 'sitemap.xml')).toBe(true);
    expect(files.get('sitemap.xml')).not.toContain('/register/');
  });

  it('has no registration_code in documents.json, the per-document JSON, the CSV or the README', () => {
    const records = site.json<Record<string, unknown>[]>('api/documents.json');
    expect(records.length).toBe(model.documents.length);
    for (const record of records) expect(Object.keys(record)).not.toContain('registration_code');
    const details = [...files].filter(([file]) => file.startsWith('api/documents/') && file.endsWith('.json'));
    expect(details.length).toBe(model.documents.length);
    for (const [, content] of details) expect(Object.keys(JSON.parse(content) as object)).not.toContain('registration_code');
    const header = files.get('api/documents.csv')!.replace(/^\uFEFF/, '').split('\r\n')[0]!;
    expect(header).toContain('发文字号 doc_number');
    expect(header).not.toMatch(/登记号|registration_code/);
    expect(files.get('api/gazette.zip!README.txt')).not.toMatch(/登记号|registration_code/);
  });

  it('has no 登记号 keys in the exact-lookup table, only 发文字号', () => {
    const buckets = [...files].filter(([file]) => file.startsWith('search/lookup/256/'));
    expect(buckets).toHaveLength(256);
    const keys = buckets.flatMap(([, content]) => Object.keys(JSON.parse(content) as object));
    // every held 发文字号 (and cited ones, for 其他相关文件), and no other kind of key
    expect(keys).toEqual(expect.arrayContaining(model.documents.map((document) => `doc:${document.docNumber}`)));
    expect(keys.filter((key) => !key.startsWith('doc:'))).toEqual([]);
    for (const [, content] of buckets) expect(content).not.toContain('registrationCode');
  });

  it('offers the search facets of gazette/browse.ts on its document pages', () => {
    const filters = selectAll('[data-pagefind-filter]', html(model.documents[0]!.url)).map((span) => String(span.properties.dataPagefindFilter).split(':')[0]);
    expect([...new Set(filters)]).toEqual([...SEARCH_FACETS]);
  });
});

describe('examples from the gazette itself', () => {
  it('the search placeholder names a real 发文字号 and a word of a real title, and no 登记号', () => {
    const placeholder = String(select('#search-q', html('/search/'))!.properties.placeholder);
    const numbers = model.documents.map((document) => document.docNumber);
    expect(numbers.some((number) => placeholder.includes(number))).toBe(true);
    const word = model.examples.titleWord!;
    expect(word).toBeTruthy();
    expect(placeholder).toContain(word);
    expect(model.documents.some((document) => document.title.includes(word))).toBe(true);
    expect(placeholder).not.toMatch(/[A-Z]{2,}-\d{4}/);
  });

  it('the search box is labelled with the gazette’s own name', () => {
    expect(text(html('/'), 'label[for=site-search-q]')).toBe(`搜索${model.config.name}`);
  });

  it('nothing of 永州 is in any built file', () => {
    expect(files.size).toBeGreaterThan(20);
    expect([...files].filter(([, content]) => ONE_CITY.test(content)).map(([file, content]) => `${file}: ${ONE_CITY.exec(content)![0]}`)).toEqual([]);
  });
});

describe('the seed, numbered 第N期 with 登记号, is unchanged', () => {
  let seed: SiteFolder;
  beforeAll(async () => {
    seed = await sharedSeedSite();
  });

  it('still says 第2期 and 总第N期, with a 登记号 row, the register and the CSV column', () => {
    const issue = seed.result.model!.issues.find((candidate) => candidate.key === '2018-02')!;
    const cover = toText(select('.cover', seed.html('/2018/02/'))!);
    expect(cover).toContain('2018年第2期');
    expect(cover).toContain(`总第${issue.totalNumber}期`);
    const registered = seed.result.model!.documents.find((document) => document.registrationCode)!;
    expect(toText(select('.metadata', seed.html(registered.url))!)).toContain('登记号');
    expect(toText(select('.metadata', seed.html(registered.url))!)).toContain(registered.registrationCode!);
    expect(toText(select('h1', seed.html('/register/'))!)).toBe('规范性文件目录');
    expect(seed.read('api/documents.csv').split('\r\n')[0]).toContain('registration_code');
    expect(seed.json<Record<string, unknown>[]>('api/documents.json')[0]).toHaveProperty('registration_code');
    expect(toText(select('label[for=site-search-q]', seed.html('/'))!)).toBe('搜索永州政报');
  });
});
