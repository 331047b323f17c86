// Build tests of every reader page on the seed issue: browse pages, register, aliases, citations, statuses, JSON-LD,
// the issue print view, and a link check of the whole site.
import { readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { fromHtml } from 'hast-util-from-html';
import { buildInto, sharedSeedSite, type SiteFolder } from '../helpers/built-site.ts';
import { prefixIds } from '../../src/site/html-ids.ts';
import { loadSite } from '../../src/build/load-site.ts';
import { makeSite, SEED, SMALL_CONTENT } from '../helpers/content.ts';

let site: SiteFolder;

beforeAll(async () => {
  site = await sharedSeedSite(); // statuses as of 2020-01-01
});

const text = (sitePath: string, selector: string) => selectAll(selector, site.html(sitePath)).map((node) => toText(node).replace(/\s+/g, ' ').trim());
const hrefs = (sitePath: string, selector: string) => selectAll(selector, site.html(sitePath)).map((node) => String(node.properties.href));

describe('browse pages', () => {
  it('/archive/ and /2018/ list the issue', () => {
    expect(hrefs('/archive/', 'main .issue-grid a')).toEqual(['/2018/02/']);
    expect(text('/2018/', 'main h2')[0]).toContain('2018年第2期');
    expect(hrefs('/2018/', '.toc__entry a')).toHaveLength(9);
  });

  it('/issuers/ lists each 发文机关 with its count and a page of its documents, newest first', () => {
    expect(text('/issuers/', '.group-list li')).toEqual(['永州市人民政府 6 篇 · 订阅', '永州市人民政府办公室 3 篇 · 订阅']);
    const dates = selectAll('.doc-list time', site.html('/issuers/yzszf/')).map((node) => String(node.properties.dateTime));
    expect(dates).toHaveLength(6);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('/types/ and /sections/ have ASCII-slug pages from the config', () => {
    expect(hrefs('/types/', '.group-list li > a:first-child')).toEqual(['/types/notice/', '/types/opinion/', '/types/decision/']);
    expect(text('/types/decision/', '.doc-list__title')).toEqual(['永州市人民政府关于表彰2017年度永州市见义勇为先进个人的决定']);
    expect(hrefs('/sections/', '.group-list a')).toEqual(['/sections/city-government/', '/sections/government-office/', '/sections/appointments/']);
    expect(text('/sections/appointments/', '.doc-list__title')).toEqual(['永州市人民政府关于易俊良陈宗华同志职务任免的通知']);
  });

  it('/register/ is the 规范性文件目录: 登记号, 发文字号, title, 成文日期, 有效期至, status', () => {
    const rows = selectAll('.register tbody tr', site.html('/register/')).map((row) => selectAll('td', row).map((cell) => toText(cell).trim()));
    expect(rows).toEqual([['YZCR-2018-00001', '永政发〔2018〕3号', '永州市人民政府关于做好当前和今后一段时期就业创业工作的实施意见', '2018年2月1日', '2022年6月30日', '有效']]);
  });

  it('the home page has the latest 目录 (its documents listed once) and every way of browsing', () => {
    expect(hrefs('/', '.latest .toc__entry a')).toHaveLength(9);
    expect(hrefs('/', 'main a[href^="/2018/02/"][href$="/"]').filter((href) => href !== '/2018/02/')).toEqual(hrefs('/', '.latest .toc__entry a'));
    expect(hrefs('/', '.browse-links a')).toEqual(['/archive/', '/issuers/', '/types/', '/sections/', '/register/', '/search/']);
  });
});

describe('aliases', () => {
  it.each([
    ['/d/yzf-2018-3/', '/2018/02/yzf-2018-3/'],
    ['/r/YZCR-2018-00001/', '/2018/02/yzf-2018-3/'],
    ['/d/yzbh-2018-11/', '/2018/02/yzbh-2018-11/'],
  ])('%s redirects to %s', (alias, target) => {
    const tree = site.html(alias);
    expect(select('meta[http-equiv=refresh]', tree)?.properties.content).toBe(`0; url=${target}`);
    expect(select('link[rel=canonical]', tree)?.properties.href).toBe(`https://zhengbao.yzcity.gov.cn${target}`);
    expect(select('a', tree)?.properties.href).toBe(target);
  });
});

describe('a document that quotes its own 发文字号', () => {
  it('neither cites itself nor lists itself as a reference outside the corpus', async () => {
    const cwd = makeSite({}, { from: SMALL_CONTENT });
    const file = path.join(cwd, 'issues/2018/02/yzf-2018-3.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n本意见（永政发〔2018〕3号）自印发之日起施行，参照国发〔2017〕28号。\n`);
    const model = (await loadSite({ cwd, today: '2020-01-01' })).model!;
    const document = model.documents.find((candidate) => candidate.docNumber === '永政发〔2018〕3号')!;
    expect(document.cites.map((cited) => cited.docNumber)).not.toContain('永政发〔2018〕3号');
    expect(document.references).toContain('国发〔2017〕28号');
    expect(document.references).not.toContain('永政发〔2018〕3号');
  });
});

describe('under a path prefix (the GitHub Pages deploy)', () => {
  it('prefixes every site link once: aliases, navigation, documents, assets', async () => {
    const prefixed = await buildInto({ ...SEED, search: false, today: '2020-01-01', pathPrefix: '/zhengbao/' });
    const alias = prefixed.html('/d/yzf-2018-3/');
    expect(select('meta[http-equiv=refresh]', alias)?.properties.content).toBe('0; url=/zhengbao/2018/02/yzf-2018-3/');
    expect(select('a', alias)?.properties.href).toBe('/zhengbao/2018/02/yzf-2018-3/');
    expect(select('link[rel=canonical]', alias)?.properties.href).toBe('https://zhengbao.yzcity.gov.cn/zhengbao/2018/02/yzf-2018-3/');
    const home = prefixed.html('/');
    const links = selectAll('a[href^="/"], link[href^="/"], script[src^="/"]', home).map((node) => String(node.properties.href ?? node.properties.src));
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((link) => !link.startsWith('/zhengbao/') || link.startsWith('/zhengbao/zhengbao/'))).toEqual([]);
  });
});

describe('documents', () => {
  it('links citations both ways: 永政办发〔2018〕1号 cites 永政发〔2018〕1号, which lists its 被引用', () => {
    expect(hrefs('/2018/02/yzbf-2018-1/', '.document-body a.citation')).toContain('/2018/02/yzf-2018-1/#attachment-1');
    expect(text('/2018/02/yzbf-2018-1/', '.metadata__wide')[1]).toContain('永政发〔2018〕1号');
    const citedBy = selectAll('.metadata__wide', site.html('/2018/02/yzf-2018-1/')).find((row) => toText(select('dt', row)!) === '被引用')!;
    expect(selectAll('a', citedBy).map((a) => a.properties.href)).toEqual(['/2018/02/yzf-2018-2/', '/2018/02/yzbf-2018-1/']);
  });

  it('keeps citations of documents outside the corpus as text and lists them as references', () => {
    const tree = site.html('/2018/02/yzf-2018-3/');
    expect(toText(select('.document-body', tree)!)).toContain('国发〔2017〕28号');
    expect(selectAll('.document-body a.citation', tree)).toHaveLength(0);
    const references = selectAll('.metadata__wide', tree).find((row) => toText(select('dt', row)!) === '引用')!;
    expect(toText(references)).toContain('国发〔2017〕28号（未收录）');
  });

  it('anchors the 附件 and lists them in the metadata block', () => {
    const tree = site.html('/2018/02/yzf-2018-4/');
    const listed = selectAll('.metadata__wide a', tree).map((a) => String(a.properties.href));
    expect(listed).toEqual(['#attachment-1', '#attachment-2', '#attachment-3', '#attachment-4', '#attachment-5']);
    for (const anchor of listed) expect(select(`h2${anchor}`, tree), anchor).toBeTruthy();
  });

  it('long documents get a 本文目录 whose links resolve', () => {
    const tree = site.html('/2018/02/yzf-2018-3/');
    const entries = selectAll('.outline a', tree).map((a) => String(a.properties.href));
    expect(entries.length).toBeGreaterThan(20);
    for (const anchor of entries) expect(select(anchor, tree), anchor).toBeTruthy();
    expect(select('.outline', site.html('/2018/02/yzr-2018-1/'))).toBeFalsy();
  });

  it('states 时效性 as of the build date, with the facts for the reader-side script', () => {
    const expired = select('.document-status .status', site.html('/2018/02/yzbh-2018-11/'))!;
    expect(toText(expired)).toBe('失效');
    expect(JSON.parse(String(expired.properties.dataValidity))).toEqual({ valid_until: '2019-12-30' });
    expect(toText(select('.document-status .status', site.html('/2018/02/yzf-2018-3/'))!)).toBe('有效');
    expect(text('/2018/02/yzf-2018-3/', '[data-status-date]')[0]).toBe('截至 2020年1月1日');
  });

  it('carries schema.org Legislation JSON-LD', () => {
    const script = select('script[type="application/ld+json"]', site.html('/2018/02/yzf-2018-3/'))!;
    const data = JSON.parse(toText(script));
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Legislation',
      name: '永州市人民政府关于做好当前和今后一段时期就业创业工作的实施意见',
      legislationIdentifier: ['永政发〔2018〕3号', 'YZCR-2018-00001'],
      legislationDate: '2018-02-01',
      legislationPassedBy: [{ '@type': 'GovernmentOrganization', name: '永州市人民政府' }],
      legislationType: '意见',
      legislationLegalForce: 'https://schema.org/InForce',
      isPartOf: { '@type': 'PublicationIssue', issueNumber: '2', isPartOf: { '@type': 'Periodical', name: '永州政报' } },
    });
    const expired = JSON.parse(toText(select('script[type="application/ld+json"]', site.html('/2018/02/yzbh-2018-11/'))!));
    expect(expired.legislationLegalForce).toBe('https://schema.org/NotInForce');
  });

  it('issue pages carry PublicationIssue JSON-LD; pages have canonical and Open Graph tags', () => {
    const data = JSON.parse(toText(select('script[type="application/ld+json"]', site.html('/2018/02/'))!));
    expect(data).toMatchObject({ '@type': 'PublicationIssue', issueNumber: '2', datePublished: '2018-02-28' });
    expect(data.hasPart).toHaveLength(9);
    const tree = site.html('/2018/02/yzf-2018-3/');
    expect(select('meta[property="og:type"]', tree)?.properties.content).toBe('article');
    expect(select('meta[property="og:url"]', tree)?.properties.content).toBe('https://zhengbao.yzcity.gov.cn/2018/02/yzf-2018-3/');
    expect(select('link[rel=canonical]', tree)?.properties.href).toBe('https://zhengbao.yzcity.gov.cn/2018/02/yzf-2018-3/');
  });
});

describe('issue print view', () => {
  it('prints the whole issue in 目录 order with unique anchors', () => {
    const tree = site.html('/2018/02/print/');
    expect(selectAll('.print-issue > article', tree).map((article) => article.properties.id)).toEqual([
      'yzf-2018-1', 'yzf-2018-2', 'yzf-2018-3', 'yzf-2018-4', 'yzh-2018-9', 'yzbf-2018-1', 'yzbf-2018-2', 'yzbh-2018-11', 'yzr-2018-1',
    ]);
    const ids = selectAll('[id]', tree).map((node) => String(node.properties.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('prefixIds (print view anchors)', () => {
  it('prefixes ids, in-page links and footnote references alike, so each still points at its target', () => {
    const html = readFileSync(path.join(import.meta.dirname, '../markdown/fixtures/footnotes/output.html'), 'utf8');
    const tree = fromHtml(prefixIds(html, 'yzf-2018-3'), { fragment: true });
    const ids = new Set(selectAll('[id]', tree).map((node) => String(node.properties.id)));
    const targets = [
      ...selectAll('a[href^="#"]', tree).map((node) => String(node.properties.href).slice(1)),
      ...selectAll('[aria-describedby]', tree).flatMap((node) => node.properties.ariaDescribedBy as string[]),
    ];
    expect(targets.length).toBeGreaterThanOrEqual(3);
    expect(targets.filter((target) => !ids.has(target) || !target.startsWith('yzf-2018-3-'))).toEqual([]);
  });
});

describe('link check', () => {
  it('every internal link and anchor of the built site resolves', () => {
    const missing: string[] = [];
    const htmlFiles = (readdirSync(site.dir, { recursive: true }) as string[]).filter((file) => file.endsWith('.html'));
    const idsOf = new Map<string, Set<string>>();
    const ids = (file: string) => {
      if (!idsOf.has(file)) idsOf.set(file, new Set(selectAll('[id]', fromHtml(readFileSync(file, 'utf8'))).map((node) => String(node.properties.id))));
      return idsOf.get(file)!;
    };
    for (const file of htmlFiles) {
      const tree = fromHtml(readFileSync(path.join(site.dir, file), 'utf8'));
      const pagePath = `/${file.replace(/index\.html$/, '')}`;
      for (const node of selectAll('a[href], link[href], script[src]', tree)) {
        const raw = String(node.properties.href ?? node.properties.src);
        if (/^(https?:|mailto:)/.test(raw)) continue;
        const url = new URL(raw, `http://site${pagePath}`);
        const decoded = decodeURIComponent(url.pathname);
        const target = path.join(site.dir, decoded.endsWith('/') ? `${decoded}index.html` : decoded);
        if (!existsSync(target)) missing.push(`${file} → ${raw}`);
        else if (url.hash && target.endsWith('.html') && !ids(target).has(decodeURIComponent(url.hash.slice(1)))) missing.push(`${file} → ${raw} (anchor)`);
      }
    }
    expect(missing).toEqual([]);
  });
});
