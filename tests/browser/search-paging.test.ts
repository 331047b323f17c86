// Search results arrive a page at a time (only shown results fetch their fragments): a 36-document generated corpus.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { generateCorpus } from '../../scripts/bench/generate-corpus.ts';
import { buildInto } from '../helpers/built-site.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../../src/build/static-server.ts';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'paging-'));
  await generateCorpus({ root, docs: 36 });
  const site = await buildInto({ cwd: root, content: 'issues' });
  server = await serveStatic(site.dir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('paging', () => {
  it('shows ten results, then ten more on 显示更多结果, until all are shown', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?${encodeURIComponent('年份')}=${encodeURIComponent('2018')}`);
    await page.waitForSelector('[data-search-state=done]');
    const count = () => page.locator('.result').count();
    expect(await count()).toBe(10);
    const status = await page.locator('[data-status]').textContent();
    const total = Number(/共找到 (\d+) 篇/.exec(status!)![1]);
    expect(total).toBeGreaterThan(20);
    expect(status).toContain('显示前 10 篇');
    await page.click('[data-more]');
    await page.waitForFunction(() => document.querySelectorAll('.result').length === 20);
    while (await page.locator('[data-more]').isVisible()) {
      const before = await count();
      await page.click('[data-more]');
      await page.waitForFunction((n) => document.querySelectorAll('.result').length > n, before);
    }
    expect(await count()).toBe(total);
    expect(await page.locator('[data-status]').textContent()).not.toContain('显示前');
    await page.close();
  });
});
