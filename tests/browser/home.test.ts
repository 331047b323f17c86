// The home page in real Chromium: what is new by 出版日期 — the issue published last and its 目录, each document listed
// once — then the earlier issues; axe-clean and without horizontal scrolling at 1280 and 360 px.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildInto, sharedSeedSite, type SiteFolder } from '../helpers/built-site.ts';
import { makeSite, SMALL, SMALL_CONTENT } from '../helpers/content.ts';
import { axeViolations, launchBrowser } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../../src/build/static-server.ts';

/** The small content (2018年第2期 published 2018-02-28, 第3期 2018-03-30); the same with 第2期 published last (2018-04-10). */
const SITES = ['small', 'republished', 'seed'] as const;
type SiteName = (typeof SITES)[number];

const servers = new Map<SiteName, StaticServer>();
const sites = new Map<SiteName, SiteFolder>();
let republishedRoot: string;
let browser: Browser;

beforeAll(async () => {
  republishedRoot = makeSite(
    { 'issues/2018/02/issue.md': readFileSync(path.join(SMALL_CONTENT, '2018/02/issue.md'), 'utf8').replace('published: 2018-02-28', 'published: 2018-04-10') },
    { from: SMALL_CONTENT },
  );
  sites.set('small', await buildInto({ ...SMALL, search: false, today: '2020-01-01' }));
  sites.set('republished', await buildInto({ cwd: republishedRoot, search: false, today: '2020-01-01' }));
  sites.set('seed', await sharedSeedSite());
  for (const name of SITES) servers.set(name, await serveStatic(sites.get(name)!.dir));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers.values()) await server.close();
  rmSync(republishedRoot, { recursive: true, force: true });
});

async function openHome(name: SiteName, width = 1280, height = 800): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(servers.get(name)!.url);
  return page;
}

/** What the home page's main shows: headings, the 最新一期 heading, the 目录's links, 往期's links, every document link. */
async function homeOf(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector('main')!;
    const hrefs = (selector: string) => [...main.querySelectorAll<HTMLAnchorElement>(selector)].map((link) => link.getAttribute('href'));
    return {
      headings: [...main.querySelectorAll('h2')].map((heading) => heading.textContent!.trim()),
      latest: main.querySelector('#latest-heading')!.textContent!.replace(/\s+/g, ' ').trim(),
      toc: hrefs('.latest .toc a'),
      earlier: hrefs('.issue-list li a'),
      // a document page: /<year>/<NN>/<slug>/
      documents: hrefs('a').filter((href) => /^\/\d{4}\/\d{2}\/[^/]+\/$/.test(href!) && !/\/print\/$/.test(href!)),
    };
  });
}

describe('the home page', () => {
  it('shows the issue published last with its 目录, each document once, then the earlier issues', async () => {
    const page = await openHome('small');
    const home = await homeOf(page);
    expect(home.latest).toBe('最新一期：2018年第3期 总第104期 · 2018年3月30日出版 · 1 篇');
    expect(home.toc).toEqual(['/2018/03/yzbh-2018-20/']);
    expect(home.documents).toEqual(home.toc); // no second list of documents (no 最新文件 by 成文日期)
    expect(home.headings).not.toContain('最新文件');
    expect(home.earlier).toEqual(['/2018/02/']);
    expect(await page.locator('.issue-list').textContent()).toContain('2018年2月28日出版 · 2 篇');
    expect(await page.locator('main a[href="/feed.xml"]').count()).toBe(1);
    await page.close();
  });

  it('goes by 出版日期, not by issue number or 成文日期: 第2期 published after 第3期 is the latest', async () => {
    const page = await openHome('republished');
    const home = await homeOf(page);
    expect(home.latest).toBe('最新一期：2018年第2期 总第103期 · 2018年4月10日出版 · 2 篇');
    expect(home.toc).toEqual(['/2018/02/yzf-2018-3/', '/2018/02/yzbf-2018-1/']); // 目录 order
    expect(home.documents).toEqual(home.toc);
    expect(home.earlier).toEqual(['/2018/03/']);
    await page.close();
  });

  it('with one issue, lists its nine documents once in 目录 order and no earlier issue', async () => {
    const page = await openHome('seed');
    const home = await homeOf(page);
    const issue = sites.get('seed')!.result.model!.issues[0]!;
    expect(home.latest).toContain(`最新一期：${issue.label}`);
    expect(home.toc).toEqual(issue.documents.map((document) => document.url));
    expect(home.documents).toEqual(home.toc);
    expect(home.toc).toHaveLength(9);
    expect(home.earlier).toEqual([]);
    expect(await page.locator('#issues').textContent()).toContain('暂无更早的一期。往期目录 ›');
    await page.close();
  });
});

describe.each([
  ['desktop', 1280],
  ['phone', 360],
])('%s (%ipx)', (_name, width) => {
  it.each(SITES)('the %s home page has no axe violations and no horizontal scrolling', async (name) => {
    const page = await openHome(name, width);
    expect(await axeViolations(page)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('the 最新一期 heading and its 目录 come before the browse links', async () => {
    const page = await openHome('seed', width, 780);
    const place = await page.evaluate(() => {
      const top = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().top + window.scrollY;
      return { latest: top('#latest-heading'), toc: top('.latest .toc'), browse: top('#browse-heading'), height: window.innerHeight };
    });
    expect(place.latest).toBeLessThan(place.height); // on the first screen
    expect(place.latest).toBeLessThan(place.toc);
    if (width === 360) expect(place.toc).toBeLessThan(place.browse); // one column: the 目录 first
    await page.close();
  });
});
