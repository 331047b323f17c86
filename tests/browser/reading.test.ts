// Reading pages in real Chromium: axe finds nothing at desktop and phone widths, no horizontal scrolling at 360px,
// everything but search works without JavaScript, and the status script restates 时效性 for the reader's today.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildInto } from '../helpers/built-site.ts';
import { SEED } from '../helpers/content.ts';
import { axeViolations, launchBrowser } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../../src/build/static-server.ts';

const PAGES = ['', '2018/02/', '2018/02/yzf-2018-3/', '2018/02/yzbf-2018-2/', 'register/', '2018/', 'archive/', 'issuers/', 'issuers/yzszf/', 'types/notice/', '2018/02/print/', '404.html'];

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  // Built "in 2019" (its own build, not the shared one): 永政办函〔2018〕11号 (有效期至 2019-12-30) is still 有效 at build time.
  const site = await buildInto({ ...SEED, search: false, today: '2019-06-01' });
  server = await serveStatic(site.dir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each([
  ['desktop', 1280],
  ['phone', 360],
])('%s (%ipx)', (_name, width) => {
  it.each(PAGES)('/%s has no axe violations and no horizontal scrolling', async (sitePath) => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    await page.goto(`${server.url}${sitePath}`);
    expect(await axeViolations(page)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});

describe('print', () => {
  it('prints the issue as the paper gazette: no site chrome, each document on a new page, 仿宋 body, 小标宋 title', async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${server.url}2018/02/print/`);
    const look = await page.evaluate(() => {
      const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
      return {
        header: style('.site-header').display,
        footer: style('.site-footer').display,
        breaks: [...document.querySelectorAll('.print-issue .document')].map((article) => getComputedStyle(article).breakBefore),
        body: style('.document-body').fontFamily,
        title: style('.document-title').fontFamily,
        size: style('.document-body').fontSize,
      };
    });
    expect(look.header).toBe('none');
    expect(look.footer).toBe('none');
    expect(look.breaks).toEqual(Array(9).fill('page'));
    expect(look.body).toMatch(/FangSong/);
    expect(look.title).toMatch(/XiaoBiaoSong|小标宋/);
    expect(parseFloat(look.size)).toBeCloseTo((16 * 96) / 72, 2); // 16pt (三号) in CSS pixels
    await page.close();
  });
});

describe('keyboard', () => {
  it('the first Tab shows the skip link, which moves focus to the main content; focus is always visible', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}2018/02/yzf-2018-3/`);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const box = element.getBoundingClientRect();
      return { text: element.textContent, href: element.getAttribute('href'), onScreen: box.left >= 0 && box.top >= 0 && box.width > 0, outline: getComputedStyle(element).outlineStyle };
    });
    expect(skip).toEqual({ text: '跳到正文', href: '#main', onScreen: true, outline: 'solid' });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      return { inMain: Boolean(element.closest('#main')), outline: getComputedStyle(element).outlineStyle };
    });
    expect(next).toEqual({ inMain: true, outline: 'solid' });
    await page.close();
  });
});

describe('phone', () => {
  it('wide tables scroll inside their own box', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(`${server.url}2018/02/yzbf-2018-2/`);
    const table = await page.evaluate(() => {
      const element = document.querySelector('.document-body .table-scroll') as HTMLElement;
      return { scrolls: element.scrollWidth > element.clientWidth, fits: element.getBoundingClientRect().right <= window.innerWidth };
    });
    expect(table).toEqual({ scrolls: true, fits: true });
    await page.close();
  });

  it.each(['', '2018/02/', '2018/02/yzf-2018-3/', '2018/02/yzbf-2018-2/', 'register/', 'issuers/', '2018/'])(
    'on /%s every stand-alone link, button and field is at least 24px tall (WCAG 2.2 target size)',
    async (sitePath) => {
      const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
      await page.goto(`${server.url}${sitePath}`);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('a, button, input, select, summary')]
          // links inside running text are exempt (2.5.8 "inline"); hidden ones have no box
          .filter((element) => !element.closest('.document-body p, .document-body li, .document-body td, .lead'))
          .map((element) => ({ what: `${element.parentElement?.className || element.parentElement?.tagName} > ${element.tagName}`, height: element.getBoundingClientRect().height }))
          .filter(({ height }) => height > 0 && height < 24),
      );
      expect(small).toEqual([]);
      await page.close();
    },
  );

  it('navigation links are at least 44px tall tap targets', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(`${server.url}2018/02/`);
    const heights = await page.locator('.site-nav a').evaluateAll((links) => links.map((link) => link.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(5); // Math.min of nothing would be Infinity
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
    await page.close();
  });
});

describe('validity script', () => {
  it('restates a status built as 有效 as 失效 once 有效期至 has passed for the reader', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}2018/02/yzbh-2018-11/`);
    await page.waitForFunction(() => document.querySelector('.document-status .status')?.textContent === '失效');
    expect(await page.locator('.metadata [data-status]').textContent()).toBe('失效');
    expect(await page.locator('[data-status-date]').first().textContent()).not.toContain('2019年6月1日');
    await page.close();
  });

  it('without JavaScript the page still states the status as of the build date', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}2018/02/yzbh-2018-11/`);
    expect(await page.locator('.document-status .status').textContent()).toBe('有效');
    expect(await page.locator('[data-status-date]').first().textContent()).toBe('截至 2019年6月1日');
    expect(await page.locator('.document-body p').count()).toBeGreaterThan(10);
    await context.close();
  });

  it('is the only script on reading pages', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}2018/02/yzf-2018-3/`);
    const scripts = await page.locator('script:not([type="application/ld+json"])').evaluateAll((nodes) => nodes.map((node) => (node as HTMLScriptElement).src.replace(/^https?:\/\/[^/]+/, '')));
    expect(scripts).toEqual(['/assets/reading.js']);
    await page.close();
  });
});
