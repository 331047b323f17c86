// A larger generated corpus (96 documents over eight years), indexed as four search shards (search_shard_size: 24):
// results arrive a page at a time, the merged shards answer as one index, and the long 年份 facet folds.
import { appendFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generateCorpus } from '../../scripts/bench/generate-corpus.ts';
import { buildInto } from '../helpers/built-site.ts';
import { YONGZHOU_SEED } from '../helpers/content.ts';
import { axeViolations, launchBrowser } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../../src/build/static-server.ts';

let server: StaticServer;
let browser: Browser;
let bundles: string[];

beforeAll(async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'paging-'));
  await generateCorpus({ root, docs: 96, perIssue: 1, seed: YONGZHOU_SEED });
  await appendFile(path.join(root, 'gazette.config.yaml'), '\nsearch_shard_size: 24\n');
  const site = await buildInto({ cwd: root, content: 'issues' });
  expect(site.result.phases.results.map((phase) => phase.name)).toContain('search');
  bundles = readdirSync(path.join(site.dir, 'pagefind/shards'));
  server = await serveStatic(site.dir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Open the facets (they load on demand) and wait for them. */
async function openFacets(page: Page): Promise<void> {
  await page.click('[data-facets-toggle]');
  await page.waitForSelector('.facet input');
  await page.waitForSelector('[data-search-state=done]');
}

describe('shards', () => {
  it('writes one bundle per shard of consecutive years', () => {
    expect(bundles).toEqual(['2018-2019', '2020-2021', '2022-2023']); // and 2024–2025 in pagefind/ itself
  });

  it('searches every shard as one index: facets count all years, results come from each', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent('就业创业')}`);
    await page.waitForSelector('[data-search-state=done]');
    await openFacets(page);
    const years = await page.locator('input[name="年份"]').evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value));
    expect(years).toEqual(['2025', '2024', '2023', '2022', '2021', '2020', '2019', '2018']);
    await page.getByRole('button', { name: '显示全部 8 项' }).click();
    await page.locator('input[name="年份"][value="2018"]').check();
    await page.waitForURL(/2018/);
    await page.waitForSelector('[data-search-state=done]');
    const links = await page.locator('.result__title a').evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((link) => link.startsWith('/2018/'))).toBe(true);
    await page.close();
  });
});

describe('newest first (the default order)', () => {
  it('a first word search reads only the newest shard it needs; 显示更多 reads older ones, up to what relevance finds', async () => {
    const page = await browser.newPage();
    const metas: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.pf_meta')) metas.push(new URL(request.url()).pathname);
    });
    await page.goto(`${server.url}search/?q=${encodeURIComponent('永州')}`);
    await page.waitForSelector('[data-search-state=done]');
    expect(await page.inputValue('#search-sort')).toBe('date-desc');
    expect(await page.locator('.result').count()).toBe(10);
    // 24 documents of 2024–2025 hold 永州: the newest shard (pagefind/ itself) fills the first page alone.
    expect(metas).toHaveLength(1);
    expect(metas[0]).toMatch(/^\/pagefind\/pagefind\.[^/]+\.pf_meta$/);
    expect(await page.locator('[data-status]').textContent()).toMatch(/^“永州”在2024年第\d+期以来的各期中找到 24 篇文件，显示前 10 篇；点“显示更多结果”继续检索更早的各期。$/);
    // Part of the index read, at 1280 and 360 px: axe finds nothing, and the button to read on is in reach.
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 780 });
      expect(await axeViolations(page)).toEqual([]);
      expect((await page.locator('[data-more]').boundingBox())!.height).toBeGreaterThanOrEqual(24);
    }
    while (await page.locator('[data-more]').isVisible()) {
      const before = await page.locator('.result').count();
      await page.click('[data-more]');
      await page.waitForFunction((n) => document.querySelectorAll('.result').length > n || document.querySelector<HTMLElement>('[data-more]')!.hidden, before);
    }
    expect(metas).toHaveLength(4);
    const newestFirst = await page.locator('.result__title a').evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const total = Number(/^“永州”共找到 (\d+) 篇文件。$/.exec((await page.locator('[data-status]').textContent())!)?.[1]);

    await page.goto(`${server.url}search/?q=${encodeURIComponent('永州')}&sort=relevance`);
    await page.waitForSelector('[data-search-state=done]');
    expect(await page.locator('[data-status]').textContent()).toContain(`共找到 ${total} 篇文件`);
    expect(total).toBe(96);
    expect(new Set(newestFirst).size).toBe(total);
    await page.close();
  });
});

describe('facets and failures on a sharded index', () => {
  it('two values of one facet are alternatives: 2018 or 2019 finds what each finds alone', async () => {
    const count = async (query: string) => {
      const page = await browser.newPage();
      await page.goto(`${server.url}search/?${query}`);
      await page.waitForSelector('[data-search-state=done]');
      const status = (await page.locator('[data-status]').textContent())!;
      await page.close();
      return Number(/共找到 (\d+) 篇/.exec(status)?.[1] ?? 0);
    };
    const year = (value: string) => `${encodeURIComponent('年份')}=${value}`;
    const [y2018, y2019, both] = [await count(year('2018')), await count(year('2019')), await count(`${year('2018')}&${year('2019')}`)];
    expect(y2018).toBeGreaterThan(0);
    expect(y2019).toBeGreaterThan(0);
    expect(both).toBe(y2018 + y2019);
  });

  it('facets opened again count the current search, not the one they were closed on', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent('永州')}`);
    await page.waitForSelector('[data-search-state=done]');
    await openFacets(page);
    const yearCounts = () => page.locator('input[name="年份"]').evaluateAll((boxes) => boxes.map((box) => document.querySelector(`label[for="${box.id}"]`)!.textContent));
    const before = await yearCounts();
    await page.click('[data-facets-toggle]'); // closed
    await page.fill('#search-q', '见义勇为');
    await page.press('#search-q', 'Enter');
    await page.waitForURL(/%E8%A7%81/);
    await page.waitForSelector('[data-search-state=done]');
    await openFacets(page);
    await page.waitForFunction((old) => {
      const labels = [...document.querySelectorAll('input[name="年份"]')].map((box) => document.querySelector(`label[for="${box.id}"]`)!.textContent);
      return JSON.stringify(labels) !== JSON.stringify(old);
    }, before);
    const total = Number(/共找到 (\d+) 篇/.exec((await page.locator('[data-status]').textContent())!)![1]);
    expect(total).toBeGreaterThan(5); // 见义勇为 (three terms) is found in every shard, not only the first
    const summed = (await yearCounts()).reduce((sum, label) => sum + Number(/（(\d+)）/.exec(label!)![1]), 0);
    expect(summed).toBe(total);
    await page.close();
  });

  it('after a shard fails to load, the next search loads the index afresh and works', async () => {
    const page = await browser.newPage();
    let failed = false;
    await page.route('**/pagefind/shards/**/*.pf_meta', async (route) => {
      if (failed) return route.continue();
      failed = true;
      return route.abort();
    });
    await page.goto(`${server.url}search/?q=${encodeURIComponent('永州')}&sort=relevance`);
    await page.waitForSelector('[data-search-state=error]'); // Pagefind logs: Failed to load the meta index
    await page.fill('#search-q', '永州');
    await page.press('#search-q', 'Enter');
    await page.waitForSelector('[data-search-state=done]');
    expect(await page.locator('[data-status]').textContent()).toContain('共找到 96 篇文件');
    await page.close();
  });
});

describe('long facets', () => {
  it('show six values and a button for the rest; a chosen value stays in sight when folded again', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent('就业创业')}`);
    await page.waitForSelector('[data-search-state=done]');
    await openFacets(page);
    const visibleYears = () => page.locator('input[name="年份"]:visible').evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value));
    expect(await visibleYears()).toEqual(['2025', '2024', '2023', '2022', '2021', '2020']);
    const toggle = page.locator('#facet-0 .facet__toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await visibleYears()).toHaveLength(8);
    await page.locator('input[name="年份"][value="2018"]').check();
    await page.waitForURL(/2018/);
    await page.waitForSelector('[data-search-state=done]');
    expect(await visibleYears()).toHaveLength(8); // still open after the search re-rendered the facets
    await page.getByRole('button', { name: '收起' }).click();
    expect(await visibleYears()).toEqual(['2025', '2024', '2023', '2022', '2021', '2020', '2018']); // 2018 is chosen, 2019 folds
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('paging', () => {
  it('shows ten results, then ten more on 显示更多结果, until all are shown', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?${encodeURIComponent('文种')}=${encodeURIComponent('通知')}`);
    await page.waitForSelector('[data-search-state=done]');
    const count = () => page.locator('.result').count();
    expect(await count()).toBe(10);
    const status = await page.locator('[data-status]').textContent();
    const total = Number(/共找到 (\d+) 篇/.exec(status!)![1]);
    expect(total).toBeGreaterThan(20);
    expect(status).toContain('显示前 10 篇');
    await page.dblclick('[data-more]'); // an impatient double click loads one page, not the same page twice
    await page.waitForFunction(() => document.querySelectorAll('.result').length === 20);
    while (await page.locator('[data-more]').isVisible()) {
      const before = await count();
      await page.click('[data-more]');
      await page.waitForFunction((n) => document.querySelectorAll('.result').length > n, before);
    }
    expect(await count()).toBe(total);
    const links = await page.locator('.result__title a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(new Set(links).size).toBe(total); // no result twice, none skipped
    expect(await page.locator('[data-status]').textContent()).not.toContain('显示前');
    await page.close();
  });
});
