// Real-Chromium test of search on the built seed site, served over http on 127.0.0.1 (Pagefind needs http, not file://).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildInto } from '../helpers/built-site.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../../src/build/static-server.ts';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const site = await buildInto({});
  server = await serveStatic(site.dir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function results(query: string): Promise<{ href: string; title: string }[]> {
  const page = await browser.newPage();
  try {
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    return await page.locator('.pagefind-ui__result-link').evaluateAll((links) =>
      links.map((link) => ({ href: new URL((link as HTMLAnchorElement).href).pathname, title: link.textContent ?? '' })),
    );
  } finally {
    await page.close();
  }
}

describe('search (Pagefind, real Chromium)', () => {
  it('/search/?q=就业创业 lists 永政发〔2018〕3号 first', async () => {
    const found = await results('就业创业');
    expect(found[0]).toEqual({ href: '/2018/02/yzf-2018-3/', title: '永州市人民政府关于做好当前和今后一段时期就业创业工作的实施意见' });
  });

  it('the header search box submits to /search/ with ?q=', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}2018/02/`);
    await page.fill('#site-search-q', '见义勇为');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    const first = await page.locator('.pagefind-ui__result-link').first().getAttribute('href');
    expect(first).toContain('/2018/02/yzh-2018-9/');
    await page.close();
  });
});

describe('search under a path prefix (GitHub Pages project site)', () => {
  it('result links carry the prefix', async () => {
    const site = await buildInto({ pathPrefix: '/zhengbao/' });
    const prefixed = await serveStatic(site.dir, { prefix: '/zhengbao/' });
    const page = await browser.newPage();
    try {
      await page.goto(`${prefixed.url}search/?q=${encodeURIComponent('社会信用体系')}`);
      await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
      const href = await page.locator('.pagefind-ui__result-link').first().getAttribute('href');
      expect(href).toBe('/zhengbao/2018/02/yzbf-2018-2/');
      const response = await page.goto(`${prefixed.url}2018/02/`);
      expect(response?.status()).toBe(200);
      expect(await page.locator('.toc__entry a').first().getAttribute('href')).toBe('/zhengbao/2018/02/yzf-2018-1/');
    } finally {
      await page.close();
      await prefixed.close();
    }
  });
});
