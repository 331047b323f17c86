// Real-Chromium search on the second gazette (no 登记号 system): the page's own words name no 登记号, and its facets and tips come from the gazette.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sharedSecondSite } from '../helpers/built-site.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../../src/build/static-server.ts';
import { SEARCH_FACETS } from '../../src/gazette/browse.ts';
import type { SiteModel } from '../../src/site/site-model.ts';

let server: StaticServer;
let browser: Browser;
let model: SiteModel;

beforeAll(async () => {
  const site = await sharedSecondSite();
  model = site.result.model!;
  server = await serveStatic(site.dir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openSearch(query: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${server.url}search/${query}`);
  await page.waitForSelector('[data-search-state=done]');
  return page;
}

describe('search in a gazette without 登记号', () => {
  it('invites a 发文字号 but no 登记号, and offers the facets of gazette/browse.ts', async () => {
    const page = await openSearch('');
    const status = (await page.locator('[data-status]').textContent())!;
    expect(status).toContain('发文字号');
    expect(status).not.toContain('登记号');
    await page.click('[data-facets-toggle]'); // facets load on demand
    await page.waitForSelector('.facet input');
    const legends = await page.locator('.facet legend').allTextContents();
    expect(legends.length).toBeGreaterThan(2);
    expect(SEARCH_FACETS.filter((facet) => legends.includes(facet))).toEqual(legends);
    expect(await page.locator('.search').textContent()).not.toContain('登记号');
    await page.close();
  });

  it('finds a document by its 发文字号 as an exact hit, and says so without naming 登记号', async () => {
    const document = model.documents[0]!;
    const page = await openSearch(`?q=${encodeURIComponent(document.docNumber)}`);
    expect(await page.locator('.result--exact a').first().getAttribute('href')).toContain(document.url);
    const status = (await page.locator('[data-status]').textContent())!;
    expect(status).toContain('发文字号精确匹配');
    expect(status).not.toContain('登记号');
    await page.close();
  });

  it('gives tips from the gazette’s own 发文字号 and title word when nothing is found', async () => {
    const page = await openSearch(`?q=${encodeURIComponent('无此词语组合测试')}`);
    const tips = (await page.locator('.no-results').textContent())!;
    expect(tips).toContain(model.examples.docNumber);
    expect(tips).toContain(model.examples.titleWord!);
    expect(tips).not.toMatch(/就业|永州|永政/);
    await page.close();
  });
});
