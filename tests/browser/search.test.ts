// Real-Chromium tests of search on the built seed site, served over http on 127.0.0.1 (Pagefind needs http, not file://).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildInto, sharedSeedSite } from '../helpers/built-site.ts';
import { SEED } from '../helpers/content.ts';
import { axeViolations, launchBrowser } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../../src/build/static-server.ts';
import { formatFirstQueries, measureFirstQueries } from '../../scripts/bench/first-query.ts';

/** Every seed document: 发文字号, file slug. */
const DOCUMENTS: [string, string][] = [
  ['永政发〔2018〕1号', 'yzf-2018-1'], ['永政发〔2018〕2号', 'yzf-2018-2'], ['永政发〔2018〕3号', 'yzf-2018-3'],
  ['永政发〔2018〕4号', 'yzf-2018-4'], ['永政函〔2018〕9号', 'yzh-2018-9'], ['永政办发〔2018〕1号', 'yzbf-2018-1'],
  ['永政办发〔2018〕2号', 'yzbf-2018-2'], ['永政办函〔2018〕11号', 'yzbh-2018-11'], ['永政人〔2018〕1号', 'yzr-2018-1'],
];

/** Every written form of a 发文字号 a reader may type. */
function variants(number: string): string[] {
  const [, code, year, serial] = /^(.+)〔(\d{4})〕(\d+)号$/.exec(number)!;
  const wide = (text: string) => text.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
  return [
    number, `${code}[${year}]${serial}号`, `${code}(${year})${serial}号`, `${code}（${year}）${serial}号`, `${code}${year}年${serial}号`,
    `${code}〔${year}〕${serial}`, `${code}［${wide(year!)}］${wide(serial!)}号`, `${code} [${year}] ${serial} 号`,
  ];
}

let server: StaticServer;
let browser: Browser;
let siteDir: string;

beforeAll(async () => {
  const site = await sharedSeedSite();
  siteDir = site.dir;
  server = await serveStatic(site.dir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openSearch(query = ''): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${server.url}search/${query}`);
  await page.waitForSelector('[data-search-state=done]');
  return page;
}

async function submit(page: Page, query: string): Promise<void> {
  await page.fill('#search-q', query);
  await page.press('#search-q', 'Enter');
  await page.waitForFunction((q) => {
    const root = document.querySelector<HTMLElement>('[data-search]')!;
    return root.dataset.searchState === 'done' && root.dataset.query === q;
  }, query);
}

/** Open the facets (they load on demand) and wait for them. */
async function openFacets(page: Page): Promise<void> {
  await page.click('[data-facets-toggle]');
  await page.waitForSelector('.facet input');
  await page.waitForSelector('[data-search-state=done]');
}

async function resultLinks(page: Page): Promise<string[]> {
  return page.locator('.result__title a').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
}

describe('the index', () => {
  it('holds the nine document pages and nothing else (no 目录, browse or search pages), title weighted above the text', () => {
    const entry = JSON.parse(readFileSync(`${siteDir}/pagefind/pagefind-entry.json`, 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(entry.languages['zh-cn']?.page_count).toBe(9);
    const page = readFileSync(`${siteDir}/2018/02/yzf-2018-3/index.html`, 'utf8');
    expect(page).toMatch(/<h1 class="document-title" data-pagefind-meta="title" data-pagefind-weight="10">/);
    expect(readFileSync(`${siteDir}/2018/02/index.html`, 'utf8')).not.toContain('data-pagefind-body');
  });
});

describe('search by words', () => {
  it.each([
    ['就业创业', 'yzf-2018-3'],
    ['见义勇为', 'yzh-2018-9'],
    ['社会信用体系', 'yzbf-2018-2'],
  ])('by relevance, %s lists %s first, with title, 发文字号, 成文日期, 发文机关 and a highlighted excerpt', async (query, slug) => {
    const page = await openSearch(`?q=${encodeURIComponent(query)}&sort=relevance`);
    expect((await resultLinks(page))[0]).toBe(`/2018/02/${slug}/`);
    const first = page.locator('.result').first();
    const meta = await first.locator('.result__meta').textContent();
    expect(meta).toMatch(/〔2018〕\d+号 · (YZCR-2018-\d{5} · )?2018年\d+月\d+日 · 永州市人民政府/);
    expect(await first.locator('.result__excerpt mark').count()).toBeGreaterThan(0);
    // The excerpt comes from the document, not from the labels of the page's metadata block.
    expect(await page.locator('.result__excerpt').allTextContents()).not.toContainEqual(expect.stringMatching(/发文字号|成文日期|所在期|时效性/));
    await page.close();
  });
});

describe('exact lookup', () => {
  it('every document is first, marked as the exact hit, for every written form of its 发文字号', async () => {
    const page = await openSearch();
    for (const [number, slug] of DOCUMENTS) {
      for (const form of variants(number)) {
        await submit(page, form);
        const first = page.locator('.result').first();
        expect({ form, href: await first.locator('a').getAttribute('href') }).toEqual({ form, href: `/2018/02/${slug}/` });
        expect(await first.locator('.result__badge').textContent()).toBe('精确匹配');
      }
    }
    await page.close();
  }, 120_000);

  it.each(['YZCR-2018-00001', 'yzcr201800001', 'yzcr-2018-00001', 'YZCR 2018 00001', 'ＹＺＣＲ－２０１８－００００１'])('登记号 %s finds 永政发〔2018〕3号', async (form) => {
    const page = await openSearch(`?q=${encodeURIComponent(form)}`);
    expect(await page.locator('.result--exact a').getAttribute('href')).toBe('/2018/02/yzf-2018-3/');
    await page.close();
  });

  it('a number that is not in the corpus gives no exact hit', async () => {
    const page = await openSearch(`?q=${encodeURIComponent('永政发〔2018〕99号')}`);
    expect(await page.locator('.result--exact').count()).toBe(0);
    await page.close();
  });
});

describe('legal lookups (issue 11)', () => {
  it.each([[1280], [360]])('at %ipx, 永政发〔2018〕3号 is one card, the exact hit, stating 失效 (its 有效期至 2022-06-30 has passed)', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    await page.clock.setFixedTime(new Date('2024-03-01T12:00:00+08:00'));
    await page.goto(`${server.url}search/?q=${encodeURIComponent('永政发〔2018〕3号')}`);
    await page.waitForSelector('[data-search-state=done]');
    expect(await page.locator('.result').count()).toBe(1);
    const card = page.locator('.result--exact');
    expect(await card.locator('.result__badge').textContent()).toBe('精确匹配');
    expect(await card.locator('.status').textContent()).toBe('失效');
    expect(await card.locator('.status').getAttribute('class')).toContain('status--expired');
    // Not grey: the badge of a document no longer in force is red with white text.
    const colors = await card.locator('.status').evaluate((badge) => [getComputedStyle(badge).backgroundColor, getComputedStyle(badge).color]);
    const [red, green, blue] = colors[0]!.match(/\d+/g)!.map(Number);
    expect(red! - Math.max(green!, blue!)).toBeGreaterThan(80);
    expect(colors[1]).toBe('rgb(255, 255, 255)');
    expect(await card.locator('.status').isVisible()).toBe(true);
    expect(await page.locator('[data-related]').isHidden()).toBe(true); // nobody in the seed cites it
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('before 有效期至 the same card states 有效 (the status is restated for the reader\'s day, as the document page does)', async () => {
    const page = await browser.newPage();
    await page.clock.setFixedTime(new Date('2021-03-01T12:00:00+08:00'));
    await page.goto(`${server.url}search/?q=${encodeURIComponent('永政发〔2018〕3号')}`);
    await page.waitForSelector('[data-search-state=done]');
    expect(await page.locator('.result--exact .status').textContent()).toBe('有效');
    await page.close();
  });

  it.each([[1280], [360]])('at %ipx, 永政发〔2018〕5号 (not held) says 本站未收录 and links the nearest numbers of 永政发 2018, with no other card', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    await page.goto(`${server.url}search/?q=${encodeURIComponent('永政发〔2018〕5号')}`);
    await page.waitForSelector('[data-search-state=done]');
    const miss = page.locator('.lookup-miss');
    expect(await miss.locator('.lookup-miss__lead').textContent()).toBe('本站未收录 永政发〔2018〕5号');
    expect(await miss.locator('a').evaluateAll((links) => links.map((link) => [link.textContent, new URL((link as HTMLAnchorElement).href).pathname]))).toEqual([
      ['永政发〔2018〕3号', '/2018/02/yzf-2018-3/'],
      ['永政发〔2018〕4号', '/2018/02/yzf-2018-4/'],
    ]);
    expect(await page.locator('.result').count()).toBe(0);
    expect(await page.locator('[data-status]').textContent()).toContain('本站未收录 永政发〔2018〕5号');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('a cited number the site does not hold lists the documents citing it under 其他相关文件', async () => {
    const page = await openSearch(`?q=${encodeURIComponent('国发[2017]28号')}`);
    expect(await page.locator('.lookup-miss__lead').textContent()).toBe('本站未收录 国发〔2017〕28号');
    const related = page.locator('[data-related]');
    expect(await related.isVisible()).toBe(true);
    expect(await related.locator('h2').textContent()).toBe('其他相关文件');
    const links = await related.locator('.result__title a').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
    expect(links).toEqual([`/2018/02/yzf-2018-3/?highlight=${encodeURIComponent('国发〔2017〕28号')}`]);
    expect(await related.locator('.result .status').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('a held number cited by other documents lists them under 其他相关文件, after the exact hit', async () => {
    const page = await openSearch(`?q=${encodeURIComponent('永政发〔2018〕1号')}`);
    expect(await page.locator('.result--exact a').getAttribute('href')).toBe('/2018/02/yzf-2018-1/');
    const citing = await page.locator('[data-related] .result__title a').evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(citing.sort()).toEqual(['/2018/02/yzbf-2018-1/', '/2018/02/yzf-2018-2/']);
    await page.close();
  });

  it('a lookup bucket that is gone (the site was rebuilt with another bucket count) says so, never 本站未收录', async () => {
    const page = await browser.newPage();
    await page.route('**/search/lookup/**', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(`${server.url}search/?q=${encodeURIComponent('永政发〔2018〕3号')}`);
    await page.waitForSelector('[data-search-state=error]');
    expect(await page.locator('[data-status]').textContent()).toContain('检索暂时出错');
    expect(await page.locator('.lookup-miss').count()).toBe(0);
    await page.close();
  });

  it('a 发文字号 or 登记号 query is answered from the lookup table without loading Pagefind, in at most 20 KB', async () => {
    const figures = await measureFirstQueries(siteDir, ['永政发〔2018〕3号', '永政发〔2018〕5号', 'YZCR-2018-00001'], []);
    console.log(`seed site, number lookups\n${formatFirstQueries(figures).join('\n')}`);
    for (const figure of figures) {
      expect({ query: figure.query, runtime: figure.byKind.runtime, index: figure.byKind.index, missing: figure.missing }).toEqual({ query: figure.query, runtime: 0, index: 0, missing: [] });
      expect(figure.byKind.lookup).toBeGreaterThan(0);
      expect(figure.bytes).toBeLessThanOrEqual(20 * 1024);
    }
  });
});

describe('word search precision (issue 11)', () => {
  it.each([[1280], [360]])('at %ipx, 易俊良 finds the one document naming him, not those holding only 良 or 俊 (刘新良, 王俊斌)', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    await page.goto(`${server.url}search/?q=${encodeURIComponent('易俊良')}`);
    await page.waitForSelector('[data-search-state=done]');
    expect(await resultLinks(page)).toEqual(['/2018/02/yzr-2018-1/']);
    expect(await page.locator('.result__excerpt mark').allTextContents()).toContain('易俊良');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it.each([
    // 就业 and 创业 both occur in 永政发〔2018〕4号, never side by side
    ['就业创业', ['/2018/02/yzbf-2018-2/', '/2018/02/yzf-2018-3/']],
    ['社会信用体系', ['/2018/02/yzbf-2018-2/']],
    ['见义勇为', ['/2018/02/yzh-2018-9/']],
    ['易俊良 量子', []],
  ])('%s matches every term as a whole: %j', async (query, expected) => {
    const page = await openSearch(`?q=${encodeURIComponent(query)}`);
    expect((await resultLinks(page)).sort()).toEqual(expected);
    await page.close();
  });

  it('excerpts are clean text: no full stops between title, 发文字号 and headings, the query marked whole', async () => {
    const page = await openSearch();
    for (const query of ['就业创业', '见义勇为', '执行力', '易俊良', '2017']) {
      await submit(page, query);
      const excerpts = await page.locator('.result__excerpt').allTextContents();
      expect(excerpts.length).toBeGreaterThan(0);
      for (const excerpt of excerpts) expect({ query, excerpt }).toEqual({ query, excerpt: expect.not.stringMatching(/[\p{L}\p{N}]\. |\u200B/u) });
    }
    await page.close();
  });

  it.each([[1280], [360]])('at %ipx, every result card states its 时效性, except a document that carries none (人事任免)', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    await page.goto(`${server.url}search/?q=${encodeURIComponent('永州市人民政府')}`);
    await page.waitForSelector('[data-search-state=done]');
    const cards = await page.locator('.result').evaluateAll((items) =>
      items.map((item) => ({ url: new URL(item.querySelector('a')!.href).pathname, status: item.querySelector('.status')?.textContent ?? null, visible: (item.querySelector('.status') as HTMLElement | null)?.offsetHeight ?? 0 })),
    );
    expect(cards.length).toBe(9);
    for (const card of cards) {
      if (card.url === '/2018/02/yzr-2018-1/') expect(card.status).toBeNull();
      else expect({ url: card.url, status: card.status, shown: card.visible > 0 }).toEqual({ url: card.url, status: expect.stringMatching(/^(有效|尚未施行|失效|废止|已修改|未标注)$/), shown: true });
    }
    await page.close();
  });
});

describe('facets and sorting', () => {
  it.each([
    ['年份', '2018', 9],
    ['发文机关', '永州市人民政府办公室', 3],
    ['文种', '决定', 1],
    ['栏目', '人事任免', 1],
    ['时效性', '有效', 1],
    ['时效性', '失效', 1],
    ['时效性', '未标注', 6],
  ])('filtering by %s = %s leaves %i documents and goes into the URL', async (facet, value, count) => {
    const page = await openSearch();
    await openFacets(page);
    await page.locator(`input[name="${facet}"][value="${value}"]`).check();
    await page.waitForFunction((n) => document.querySelectorAll('.result').length === n, count);
    expect(new URL(page.url()).searchParams.getAll(facet)).toEqual([value]);
    const label = await page.locator(`label[for="${await page.locator(`input[name="${facet}"][value="${value}"]`).getAttribute('id')}"]`).textContent();
    expect(label).toBe(`${value}（${count}）`);
    await page.close();
  });

  it('lists words newest first by default, with no sort in the URL', async () => {
    const page = await openSearch(`?q=${encodeURIComponent('实施')}`);
    expect(await page.inputValue('#search-sort')).toBe('date-desc');
    expect(new URL(page.url()).searchParams.has('sort')).toBe(false);
    const dates = await page.locator('.result__meta').evaluateAll((metas) => metas.map((meta) => /(\d{4})年(\d+)月(\d+)日/.exec(meta.textContent ?? '')!.slice(1).map(Number)));
    const days = dates.map(([year, month, day]) => year! * 10000 + month! * 100 + day!);
    expect(days.length).toBeGreaterThan(2);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    await page.close();
  });

  it('sorts by 成文日期 newest and oldest first', async () => {
    const newest = await openSearch('?年份=2018&sort=date-desc');
    await newest.waitForFunction(() => document.querySelectorAll('.result').length === 9);
    expect((await resultLinks(newest))[0]).toBe('/2018/02/yzf-2018-4/');
    await newest.selectOption('#search-sort', 'date-asc');
    await newest.waitForURL(/sort=date-asc/);
    // The list is re-rendered after the sort change: between renders there may be no result yet.
    await newest.waitForFunction(() => {
      const first = document.querySelector<HTMLAnchorElement>('.result__title a');
      return first !== null && new URL(first.href).pathname === '/2018/02/yzr-2018-1/';
    });
    await newest.close();
  });
});

describe('the page', () => {
  it('restores a shared URL and the back button restores the previous search', async () => {
    const page = await openSearch(`?q=${encodeURIComponent('实施')}&${encodeURIComponent('发文机关')}=${encodeURIComponent('永州市人民政府办公室')}&sort=date-desc`);
    expect(await page.inputValue('#search-q')).toBe('实施');
    expect(await page.locator('input[name="发文机关"][value="永州市人民政府办公室"]').isChecked()).toBe(true);
    expect(await page.inputValue('#search-sort')).toBe('date-desc');
    const before = await resultLinks(page);
    // newest first (永政办函〔2018〕11号 of 2月12日; the other two share 2月5日)
    expect(before[0]).toBe('/2018/02/yzbh-2018-11/');
    expect([...before].sort()).toEqual(['/2018/02/yzbf-2018-1/', '/2018/02/yzbf-2018-2/', '/2018/02/yzbh-2018-11/']);
    expect(await page.locator('.result__meta').allTextContents()).toEqual(before.map(() => expect.stringContaining('永州市人民政府办公室')));
    await submit(page, '见义勇为');
    expect(await resultLinks(page)).not.toEqual(before);
    await page.goBack();
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('#search-q')?.value === '实施');
    await page.waitForSelector('[data-search-state=done]');
    expect(await resultLinks(page)).toEqual(before);
    await page.close();
  });

  it('the search box in every page header leads to the search page with the query', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}2018/02/yzf-2018-3/`);
    await page.fill('#site-search-q', '见义勇为');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await page.waitForSelector('[data-search-state=done]');
    expect((await resultLinks(page))[0]).toBe('/2018/02/yzh-2018-9/');
    await page.close();
  });

  it('says clearly when nothing is found, with suggestions', async () => {
    const page = await openSearch(`?q=${encodeURIComponent('量子计算机')}&${encodeURIComponent('文种')}=${encodeURIComponent('决定')}`);
    const text = await page.locator('.no-results').textContent();
    expect(text).toContain('没有找到与“量子计算机”相关的文件');
    expect(text).toContain('减少关键词');
    await page.click('[data-clear-filters]');
    await page.waitForURL((url) => !url.searchParams.has('文种'));
    await page.close();
  });

  it.each([
    ['the result text', '**/snippet/**'],
    ['the whole site', '**/*'],
  ])('says so when %s cannot be fetched (network down, or a redeploy under an open page), instead of waiting or saying nothing was found', async (_what, blocked) => {
    const page = await openSearch(`?q=${encodeURIComponent('见义勇为')}`);
    await page.route(blocked, (route) => route.abort());
    await page.fill('#search-q', '社会信用体系');
    await page.press('#search-q', 'Enter');
    await page.waitForSelector('[data-search-state=error]');
    expect(await page.locator('[data-status]').textContent()).toContain('检索暂时出错');
    expect(await page.locator('.result').count()).toBe(0); // the previous search's results are not left under the new query
    await page.close();
  });

  it('highlights the search words on the target page', async () => {
    const page = await openSearch(`?q=${encodeURIComponent('见义勇为')}`);
    await page.locator('.result__title a').first().click();
    await page.waitForURL(/yzh-2018-9\/\?highlight=%E8%A7%81%E4%B9%89%E5%8B%87%E4%B8%BA$/);
    await page.waitForSelector('mark.search-highlight');
    expect(await page.locator('mark.search-highlight').first().textContent()).toBe('见义勇为');
    await page.close();
  });

  it('marks on the target page what the result list marked: words held apart, in pieces', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}2018/02/yzf-2018-3/?highlight=${encodeURIComponent('创业就业')}`);
    await page.waitForSelector('mark.search-highlight');
    const marked = new Set(await page.locator('mark.search-highlight').allTextContents());
    // 创业就业 where it stands whole, and its pieces where they stand apart (就业 alone, 创业 alone); never one character.
    expect(marked).toContain('创业就业');
    expect(marked).toContain('就业');
    expect(marked).toContain('创业');
    for (const text of marked) expect('创业就业'.includes(text) && text.length > 1, text).toBe(true);
    await page.close();
  });

  it('without JavaScript, says that search needs it and links to browsing', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}search/?q=test`);
    const text = await page.locator('.search').textContent();
    expect(text).toContain('全文检索需要启用浏览器的 JavaScript');
    expect(await page.locator('.search noscript a, .search a[href="/#issues"]').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('at 360px every link, button and field is at least 24px tall (a facet checkbox counts with its label row)', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(`${server.url}search/?q=${encodeURIComponent('就业')}`);
    await page.waitForSelector('[data-search-state=done]');
    await openFacets(page);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('a, button, input, select, summary')]
        .map((element) => element.closest('.facet__option') ?? element)
        .map((element) => ({ what: `${element.parentElement?.className || element.parentElement?.tagName} > ${element.tagName}`, height: element.getBoundingClientRect().height }))
        .filter(({ height }) => height > 0 && height < 24),
    );
    expect(small).toEqual([]);
    await page.close();
  });

  it.each([[1280], [360]])('has no axe violations at %ipx wide, with the facets closed and open', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${server.url}search/?q=${encodeURIComponent('就业')}`);
    await page.waitForSelector('.result');
    expect(await axeViolations(page)).toEqual([]);
    await openFacets(page);
    expect(await page.getAttribute('[data-facets-toggle]', 'aria-expanded')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('loads no facet file until the facets are opened, then counts them for the query', async () => {
    const page = await browser.newPage();
    const filterFiles: string[] = [];
    page.on('request', (request) => void (request.url().endsWith('.pf_filter') && filterFiles.push(request.url())));
    await page.goto(`${server.url}search/?q=${encodeURIComponent('执行力')}`);
    await page.waitForSelector('[data-search-state=done]');
    expect(await page.locator('[data-facets]').isHidden()).toBe(true);
    expect(filterFiles).toEqual([]);
    await openFacets(page);
    expect(filterFiles.length).toBeGreaterThan(0);
    // 执行力 is in 永政办发〔2018〕1号 of the 办公室, and in 永政发〔2018〕1号 and 2号 of the 政府
    expect(await page.locator('label[for] >> text=永州市人民政府办公室').textContent()).toBe('永州市人民政府办公室（1）');
    expect(await page.locator('label[for] >> text=/^永州市人民政府（/').textContent()).toBe('永州市人民政府（2）');
    await page.close();
  });

  it('reports the bytes of the first query, page and worker included (gzip, as a real host serves it): within 150 KB', async () => {
    const figures = await measureFirstQueries(siteDir, ['就业创业', '见义勇为', '社会信用体系', '易俊良']);
    console.log(`seed site (9 documents)\n${formatFirstQueries(figures).join('\n')}`);
    for (const figure of figures) {
      expect(figure.shown).toBeGreaterThan(0);
      expect(figure.missing).toEqual([]); // no request for a file the site does not have
      // Each part is really fetched and counted: a measurement, not zero.
      expect(figure.byKind.page).toBeGreaterThan(5 * 1024);
      expect(figure.byKind.runtime).toBeGreaterThan(60 * 1024);
      expect(figure.byKind.fragments).toBeGreaterThan(0);
      expect(figure.byKind.index).toBeGreaterThan(0);
      expect(figure.bytes).toBeLessThanOrEqual(150 * 1024);
    }
  });
});

describe('search under a path prefix (GitHub Pages project site)', () => {
  it('result links and exact hits carry the prefix', async () => {
    const site = await buildInto({ ...SEED, pathPrefix: '/zhengbao/' });
    const prefixed = await serveStatic(site.dir, { prefix: '/zhengbao/' });
    const page = await browser.newPage();
    try {
      await page.goto(`${prefixed.url}search/?q=${encodeURIComponent('社会信用体系')}`);
      await page.waitForSelector('.result');
      expect(await page.locator('.result__title a').first().getAttribute('href')).toMatch(/^\/zhengbao\/2018\/02\/yzbf-2018-2\//);
      await page.goto(`${prefixed.url}search/?q=${encodeURIComponent('永政办发[2018]2号')}`);
      await page.waitForSelector('.result--exact');
      expect(await page.locator('.result--exact a').getAttribute('href')).toBe('/zhengbao/2018/02/yzbf-2018-2/');
      await page.goto(`${prefixed.url}2018/02/`);
      expect(await page.locator('.toc__entry a').first().getAttribute('href')).toBe('/zhengbao/2018/02/yzf-2018-1/');
    } finally {
      await page.close();
      await prefixed.close();
    }
  });
});
