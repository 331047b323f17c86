// Atom feeds (/feed.xml, /issuers/<slug>/feed.xml), /sitemap.xml and /robots.txt: well-formed XML, built from the model,
// absolute URLs, and dates from the content only; feeds ordered and dated by 出版日期, 目录 order within an issue.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildInto, buildInZone, sharedSeedSite, type BuiltSite, type SiteFolder } from '../helpers/built-site.ts';
import { SMALL } from '../helpers/content.ts';
import { issuesByPublished, type IssueView, type SiteModel } from '../../src/site/site-model.ts';
import { issuerFeed, siteFeed, sitemapEntries } from '../../src/site/feeds.ts';

const BASE = 'https://zhengbao.yzcity.gov.cn';

interface AtomLink { '@_rel': string; '@_href': string; '@_type': string }
interface AtomEntry { title: string; link: AtomLink[]; id: string; updated: string; author: { name: string }[]; category: { '@_term': string }[]; summary: { '#text': string; '@_type': string } }
interface AtomFeed { title: string; id: string; updated: string; link: AtomLink[]; author: { name: string }[]; entry: AtomEntry[] }
interface UrlSet { url: { loc: string; lastmod?: string }[] }

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['entry', 'link', 'author', 'category', 'url'].includes(name),
});

function xml<T>(site: SiteFolder, sitePath: string): T {
  const source = site.read(sitePath);
  expect(XMLValidator.validate(source), sitePath).toBe(true);
  expect(source.startsWith('<?xml version="1.0" encoding="utf-8"?>\n'), sitePath).toBe(true);
  return parser.parse(source) as T;
}
const feedOf = (site: SiteFolder, sitePath: string) => xml<{ feed: AtomFeed }>(site, sitePath).feed;
const locs = (site: SiteFolder) => xml<{ urlset: UrlSet }>(site, 'sitemap.xml').urlset.url;
const modelOf = (site: SiteFolder): SiteModel => site.result.model!;
const contentDates = (model: SiteModel) => new Set([...model.issues.map((issue) => issue.published), ...model.documents.map((document) => document.date)]);
const parse = (source: string) => (parser.parse(source) as { feed: AtomFeed }).feed;
/** The model with these issues, ordered by 出版日期 as buildSiteModel orders them. */
const withIssues = (model: SiteModel, issues: IssueView[]): SiteModel => ({ ...model, issues, byPublished: issuesByPublished(issues) });
/** The model with each issue's 出版日期 replaced as given (issue key → date). */
const republished = (model: SiteModel, dates: Record<string, string>): SiteModel =>
  withIssues(model, model.issues.map((issue) => ({ ...issue, published: dates[issue.key] ?? issue.published })));

let small: BuiltSite;
let seed: SiteFolder;

beforeAll(async () => {
  small = await buildInto({ ...SMALL, search: false, today: '2020-01-01' });
  seed = await sharedSeedSite(); // statuses as of 2020-01-01
});

describe('/feed.xml', () => {
  it('is an Atom feed of the documents, newest 出版日期 first, dated by their issue, with absolute links and ids', () => {
    for (const [site, newest] of [[small, '2018-03-30'], [seed, '2018-02-28']] as const) {
      const feed = feedOf(site, 'feed.xml');
      const model = modelOf(site);
      const published = new Map(model.issues.map((issue) => [issue.key, issue.published]));
      expect(feed.title).toBe('永州政报：最新文件');
      expect(feed.id).toBe(`${BASE}/feed.xml`);
      expect(feed.link.find((link) => link['@_rel'] === 'self')?.['@_href']).toBe(`${BASE}/feed.xml`);
      expect(feed.link.find((link) => link['@_rel'] === 'alternate')?.['@_href']).toBe(`${BASE}/`);
      expect(feed.entry).toHaveLength(Math.min(20, model.documents.length));
      const dates = feed.entry.map((entry) => entry.updated);
      expect(dates).toEqual([...dates].sort().reverse());
      expect(feed.updated).toBe(dates[0]);
      expect(feed.updated).toBe(`${newest}T00:00:00+08:00`); // the 出版日期 of the issue published last
      for (const entry of feed.entry) {
        const document = model.documents.find((candidate) => `${BASE}${candidate.url}` === entry.id);
        expect(document, entry.id).toBeDefined();
        expect(entry.link[0]?.['@_href']).toBe(entry.id);
        expect(entry.title).toBe(document!.title);
        expect(entry.updated).toBe(`${published.get(document!.issue.key)}T00:00:00+08:00`);
        expect(entry.author.map((author) => author.name)).toEqual(document!.issuers);
        expect(entry.category.map((category) => category['@_term'])).toEqual([document!.type]);
        expect(entry.summary['@_type']).toBe('text');
        const [heading, excerpt] = entry.summary['#text'].split('\n');
        expect(heading).toBe(`${document!.docNumber} · ${document!.issuers.join('、')} · ${document!.dateText}`);
        expect(Array.from(excerpt!).length).toBeLessThanOrEqual(121);
        expect(excerpt!.slice(0, 10)).toBe(document!.text.replace(/\s+/g, '').slice(0, 10));
      }
    }
  });

  it('lists the seed issue in 目录 order, every entry dated by its 出版日期', () => {
    const feed = feedOf(seed, 'feed.xml');
    const issue = modelOf(seed).issues[0]!;
    expect(feed.entry.map((entry) => entry.id)).toEqual(issue.documents.map((document) => `${BASE}${document.url}`));
    expect(new Set(feed.entry.map((entry) => entry.updated))).toEqual(new Set([`${issue.published}T00:00:00+08:00`]));
  });

  it('lists the small corpus newest issue first, 目录 order within an issue (not by 成文日期), and quotes the text', () => {
    const feed = feedOf(small, 'feed.xml');
    // 2018年第2期's 目录: 永政发〔2018〕3号 (成文 2月1日) before 永政办发〔2018〕1号 (成文 2月5日)
    expect(feed.entry.map((entry) => entry.id)).toEqual([`${BASE}/2018/03/yzbh-2018-20/`, `${BASE}/2018/02/yzf-2018-3/`, `${BASE}/2018/02/yzbf-2018-1/`]);
    expect(feed.entry.map((entry) => entry.updated.slice(0, 10))).toEqual(['2018-03-30', '2018-02-28', '2018-02-28']);
    expect(feed.updated).toBe('2018-03-30T00:00:00+08:00');
    expect(feed.entry[0]?.summary['#text']).toBe('永政办函〔2018〕20号 · 永州市人民政府办公室 · 2018年3月12日\n各县区人民政府：这是构建测试用的文件，换行不应变成空格。永州市人民政府办公室 2018年3月12日');
    expect(feed.entry[2]?.summary['#text'].endsWith('…')).toBe(true);
  });

  it('puts the issue published last first, whatever its address or its documents\' 成文日期', () => {
    const model = republished(modelOf(small), { '2018-02': '2018-04-10' });
    const feed = parse(siteFeed(model));
    expect(feed.entry.map((entry) => entry.id.slice(BASE.length))).toEqual(['/2018/02/yzf-2018-3/', '/2018/02/yzbf-2018-1/', '/2018/03/yzbh-2018-20/']);
    expect(feed.entry.map((entry) => entry.updated.slice(0, 10))).toEqual(['2018-04-10', '2018-04-10', '2018-03-30']);
    expect(feed.updated).toBe('2018-04-10T00:00:00+08:00');
    // the same day: the later issue address first
    const sameDay = parse(siteFeed(republished(modelOf(small), { '2018-02': '2018-03-30' })));
    expect(sameDay.entry.map((entry) => entry.id.slice(BASE.length))).toEqual(['/2018/03/yzbh-2018-20/', '/2018/02/yzf-2018-3/', '/2018/02/yzbf-2018-1/']);
  });

  it('lists at most 20 entries: those of the newest issues', () => {
    const model = modelOf(seed);
    const issue = model.issues[0]!;
    // three copies of the seed issue (9 documents each), published a month apart
    const copies = [['2018-02', issue.published], ['2018-03', '2018-03-31'], ['2018-04', '2018-04-30']].map(([key, published]) => ({
      ...issue,
      key: key!,
      published: published!,
      documents: issue.documents.map((document) => ({ ...document, url: document.url.replace('/2018/02/', `/${key!.replace('-', '/')}/`) })),
    }));
    const feed = parse(siteFeed(withIssues(model, copies)));
    expect(feed.entry).toHaveLength(20);
    expect(feed.entry.map((entry) => entry.id.slice(BASE.length, BASE.length + 9))).toEqual([...Array(9).fill('/2018/04/'), ...Array(9).fill('/2018/03/'), '/2018/02/', '/2018/02/']);
    expect(feed.entry.slice(0, 9).map((entry) => entry.id.slice(BASE.length + 9))).toEqual(issue.documents.map((document) => document.url.slice(9)));
  });

  it('escapes markup in the content and drops characters XML cannot carry', () => {
    const model = modelOf(small);
    const title = '关于<b>&"引号"\u0001的通知';
    const [first, ...rest] = model.issues;
    const issues = [{ ...first!, documents: [{ ...first!.documents[0]!, title }, ...first!.documents.slice(1)] }, ...rest];
    const source = siteFeed(withIssues(model, issues));
    expect(XMLValidator.validate(source)).toBe(true);
    expect(parse(source).entry[0]?.title).toBe('关于<b>&"引号"的通知');
  });
});

describe('/issuers/<slug>/feed.xml', () => {
  it('exists for every 发文机关 with documents and lists only its documents', () => {
    for (const site of [small, seed]) {
      const groups = modelOf(site).issuers;
      expect(groups.length).toBeGreaterThan(0);
      for (const group of groups) {
        const feed = feedOf(site, `${group.url}feed.xml`);
        expect(feed.id).toBe(`${BASE}${group.url}feed.xml`);
        expect(feed.title).toBe(`永州政报：${group.name}`);
        expect(feed.link.find((link) => link['@_rel'] === 'alternate')?.['@_href']).toBe(`${BASE}${group.url}`);
        expect(feed.entry).toHaveLength(Math.min(20, group.documents.length));
        expect(feed.entry.map((entry) => entry.id).sort()).toEqual(group.documents.map((document) => `${BASE}${document.url}`).sort());
        for (const entry of feed.entry) expect(entry.author.map((author) => author.name)).toContain(group.name);
      }
    }
    expect(feedOf(seed, 'issuers/yzszf/feed.xml').entry).toHaveLength(6);
    expect(feedOf(seed, 'issuers/yzszfb/feed.xml').entry).toHaveLength(3);
  });

  it('orders and dates its documents by their issue\'s 出版日期, 目录 order within an issue', () => {
    const feed = feedOf(small, 'issuers/yzszfb/feed.xml');
    expect(feed.entry.map((entry) => [entry.id.slice(BASE.length), entry.updated.slice(0, 10)])).toEqual([
      ['/2018/03/yzbh-2018-20/', '2018-03-30'],
      ['/2018/02/yzbf-2018-1/', '2018-02-28'],
    ]);
    expect(feed.updated).toBe('2018-03-30T00:00:00+08:00');
    const model = republished(modelOf(small), { '2018-02': '2018-04-10' });
    const group = model.issuers.find((candidate) => candidate.slug === 'yzszfb')!;
    const moved = parse(issuerFeed(model, group));
    expect(moved.entry.map((entry) => [entry.id.slice(BASE.length), entry.updated.slice(0, 10)])).toEqual([
      ['/2018/02/yzbf-2018-1/', '2018-04-10'],
      ['/2018/03/yzbh-2018-20/', '2018-03-30'],
    ]);
    expect(moved.updated).toBe('2018-04-10T00:00:00+08:00');
    // the seed's 永州市人民政府: its six documents in the 目录's order
    const seedModel = modelOf(seed);
    const own = seedModel.issues[0]!.documents.filter((document) => document.issuers.includes('永州市人民政府'));
    expect(feedOf(seed, 'issuers/yzszf/feed.xml').entry.map((entry) => entry.id)).toEqual(own.map((document) => `${BASE}${document.url}`));
  });
});

describe('/sitemap.xml', () => {
  it('lists home, search, verify, every issue and document, and every browse page, with absolute URLs', () => {
    for (const site of [small, seed]) {
      const model = modelOf(site);
      const listed = locs(site).map((url) => url.loc);
      expect(new Set(listed).size).toBe(listed.length);
      const expected = [
        '/', '/search/', '/verify/', '/archive/', '/issuers/', '/types/', '/sections/', '/register/',
        ...model.years.map((year) => year.url),
        ...model.issues.map((issue) => issue.url),
        ...model.documents.map((document) => document.url),
        ...[...model.issuers, ...model.types, ...model.sections].map((group) => group.url),
      ];
      expect([...listed].sort()).toEqual(expected.map((sitePath) => `${BASE}${sitePath}`).sort());
      for (const document of model.documents) {
        for (const alias of document.aliases) expect(listed).not.toContain(`${BASE}${alias}`);
      }
    }
  });

  it('covers every HTML page that was built, except 404, alias redirects and print views', () => {
    const listed = new Set(locs(seed).map((url) => url.loc));
    const aliases = new Set(modelOf(seed).documents.flatMap((document) => document.aliases));
    const pages = (readdirSync(seed.dir, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.html'))
      .map((file) => `/${file.split(path.sep).join('/').replace(/index\.html$/, '')}`)
      .filter((sitePath) => sitePath !== '/404.html' && !aliases.has(sitePath) && !sitePath.endsWith('/print/'));
    expect(pages.length).toBeGreaterThan(20);
    expect(pages.filter((sitePath) => !listed.has(`${BASE}${sitePath}`))).toEqual([]);
    for (const sitePath of ['/', '/search/', ...modelOf(seed).issues.map((issue) => issue.url), ...modelOf(seed).documents.map((document) => document.url)]) {
      expect(existsSync(path.join(seed.dir, sitePath, 'index.html')), sitePath).toBe(true);
    }
  });

  it('dates pages by the 出版日期 of the issues they show', () => {
    const byLoc = new Map(locs(small).map((url) => [url.loc.slice(BASE.length), url.lastmod]));
    expect(byLoc.get('/')).toBe('2018-03-30');
    expect(byLoc.get('/search/')).toBeUndefined();
    expect(byLoc.get('/2018/02/')).toBe('2018-02-28');
    expect(byLoc.get('/2018/02/yzf-2018-3/')).toBe('2018-02-28');
    expect(byLoc.get('/2018/03/yzbh-2018-20/')).toBe('2018-03-30');
    expect(byLoc.get('/issuers/yzszf/')).toBe('2018-02-28');
    expect(byLoc.get('/issuers/yzszfb/')).toBe('2018-03-30');
    expect(byLoc.get('/register/')).toBe('2018-02-28');
  });

  it('dates a document page by a later issue that cites it', () => {
    const model = modelOf(small);
    const citing = model.documents.find((document) => document.slug === 'yzbh-2018-20')!;
    const documents = model.documents.map((document) =>
      document.slug === 'yzf-2018-3' ? { ...document, citedBy: [{ url: citing.url, title: citing.title, docNumber: citing.docNumber }] } : document,
    );
    const entries = sitemapEntries({ ...model, documents });
    expect(entries.find((entry) => entry.path === '/2018/02/yzf-2018-3/')?.lastmod).toBe('2018-03-30');
    expect(entries.find((entry) => entry.path === '/2018/02/yzbf-2018-1/')?.lastmod).toBe('2018-02-28');
  });
});

describe('/robots.txt', () => {
  it('allows everything and names the sitemap', () => {
    expect(small.read('robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${BASE}/sitemap.xml\n`);
  });
});

describe('dates and URLs', () => {
  it('every date in the feeds and the sitemap is a content date', () => {
    for (const site of [small, seed]) {
      const model = modelOf(site);
      const dates = contentDates(model);
      const feeds = [feedOf(site, 'feed.xml'), ...model.issuers.map((group) => feedOf(site, `${group.url}feed.xml`))];
      for (const feed of feeds) {
        for (const stamp of [feed.updated, ...feed.entry.map((entry) => entry.updated)]) {
          expect(stamp).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+08:00$/);
          expect(dates.has(stamp.slice(0, 10)), stamp).toBe(true);
        }
      }
      for (const url of locs(site)) if (url.lastmod) expect(dates.has(url.lastmod), url.loc).toBe(true);
    }
  });

  it('feeds, sitemap and robots.txt are byte-identical for another build date and time zone', async () => {
    const other = await buildInZone('Pacific/Kiritimati', { ...SMALL, search: false, today: '2025-12-31', out: path.join(mkdtempSync(path.join(tmpdir(), 'feeds-')), 'dist') });
    for (const sitePath of ['feed.xml', 'issuers/yzszf/feed.xml', 'issuers/yzszfb/feed.xml', 'sitemap.xml', 'robots.txt']) {
      expect(other.read(sitePath), sitePath).toBe(small.read(sitePath));
    }
  });

  it('follow the base URL and path prefix of a deploy', async () => {
    const site = await buildInto({ ...SMALL, search: false, baseUrl: 'https://example.github.io', pathPrefix: '/zhengbao/' });
    const base = 'https://example.github.io/zhengbao';
    const feed = feedOf(site, 'feed.xml');
    expect(feed.id).toBe(`${base}/feed.xml`);
    expect(feed.entry.map((entry) => entry.id)).toContain(`${base}/2018/02/yzf-2018-3/`);
    expect(feedOf(site, 'issuers/yzszf/feed.xml').entry[0]?.link[0]?.['@_href']).toBe(`${base}/2018/02/yzf-2018-3/`);
    expect(locs(site).map((url) => url.loc)).toContain(`${base}/2018/03/yzbh-2018-20/`);
    expect(locs(site).every((url) => url.loc.startsWith(`${base}/`))).toBe(true);
    expect(site.read('robots.txt')).toContain(`Sitemap: ${base}/sitemap.xml`);
    const record = site.json<{ url: string; json: string }[]>('api/documents.json')[0]!;
    expect(record.url.startsWith(`${base}/`)).toBe(true);
    expect(record.json.startsWith(`${base}/api/documents/`)).toBe(true);
  });
});
