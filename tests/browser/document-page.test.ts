// The document page as readers meet it in real Chromium, at 1280 and 360 px: the first screen of a phone, the notice of
// a non-current document, the status line (none for 人事任免), 引用本文, tables, the register on a phone, the padding,
// and print (notice, status, running header and footer). The site is the 永州 seed with validity records added.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildInto, type BuiltSite } from '../helpers/built-site.ts';
import { makeSite, YONGZHOU_ISSUES } from '../helpers/content.ts';
import { axeViolations, launchBrowser } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../../src/build/static-server.ts';
import { formatChineseDate } from '../../src/content/chinese-date.ts';
import { todayInChina } from '../../src/gazette/validity.ts';
import { absoluteUrl } from '../../src/site/format.ts';
import { documentJsonPath } from '../../src/site/open-data.ts';
import { TEMPLATES_DIR } from '../../src/site/eleventy-config.ts';

/** Built for 2020-06-01. Each page below stands for one case. */
const EXPIRED = '2018/02/yzbh-2018-11/'; // 失效 at build time: 有效期至 2019-12-30
const EXPIRES_LATER = '2018/02/yzf-2018-3/'; // 有效 at build time (有效期至 2022-06-30), 失效 for a reader today; has a 登记号
const REPEALED = '2018/02/yzbf-2018-1/'; // 废止 by 永政办发〔2018〕2号, which is in the corpus
const AMENDED = '2018/02/yzf-2018-2/'; // 已修改 by 永政发〔2018〕4号 (in the corpus) and 湘政发〔2019〕1号 (not)
const AMENDED_EXPIRES = '2018/02/yzf-2018-1/'; // 已修改 at build time, with an 有效期至 (2021-12-31): 失效 for a reader today
const UNRECORDED = '2018/02/yzf-2018-4/'; // no record: 未标注
const APPOINTMENT = '2018/02/yzr-2018-1/'; // 人事任免: no validity at all
const TABLE = '2018/02/yzbf-2018-2/'; // a 6-column table, 768px wide
const DOCUMENTS = [EXPIRED, EXPIRES_LATER, REPEALED, AMENDED, UNRECORDED, APPOINTMENT, TABLE];
const WIDTHS = [
  ['desktop', 1280],
  ['phone', 360],
] as const;

/** The part of Nunjucks (Eleventy's own copy; it ships no types) that renders one partial. */
interface Nunjucks {
  FileSystemLoader: new (dir: string) => object;
  Environment: new (loader: object, options: { autoescape: boolean }) => {
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    render(name: string, context: object): string;
  };
}

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const cwd = makeSite({}, { from: YONGZHOU_ISSUES });
  const edit = (file: string, from: string, to: string) => {
    const full = path.join(cwd, 'issues/2018/02', file);
    const text = readFileSync(full, 'utf8');
    if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
    writeFileSync(full, text.replace(from, to));
  };
  edit('yzbf-2018-1.md', 'page: 26', 'page: 26\nrepealed_by: 永政办发〔2018〕2号');
  edit('yzf-2018-2.md', 'page: 6', 'page: 6\namended_by: [永政发〔2018〕4号, 湘政发〔2019〕1号]');
  edit('yzf-2018-1.md', 'page: 3', 'page: 3\nvalid_until: 2021-12-31\namended_by: [永政发〔2018〕4号]');
  site = await buildInto({ cwd, content: 'issues', search: false, today: '2020-06-01' });
  server = await serveStatic(site.dir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(sitePath: string, width: number, options: { javaScript?: boolean; print?: boolean; height?: number } = {}): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport: { width, height: options.height ?? 780 }, javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  if (options.print) await page.emulateMedia({ media: 'print' });
  await page.goto(`${server.url}${sitePath}`);
  return { page, context };
}

/** Top and bottom (px from the top of the page) of the first element matching each selector; null if none is shown. */
function boxes(page: Page, selectors: Record<string, string>): Promise<Record<string, { top: number; bottom: number; width: number } | null>> {
  return page.evaluate((entries) => {
    const result: Record<string, { top: number; bottom: number; width: number } | null> = {};
    for (const [name, selector] of entries) {
      const element = document.querySelector(selector);
      const box = element?.getBoundingClientRect();
      result[name] = box && box.height > 0 ? { top: box.top + scrollY, bottom: box.bottom + scrollY, width: box.width } : null;
    }
    return result;
  }, Object.entries(selectors));
}

describe('the first screen at 360×780', () => {
  it.each(DOCUMENTS)('/%s shows title, 发文字号, the status line, 所在期 and the start of the text; metadata and citations come after', async (sitePath) => {
    const { page, context } = await open(sitePath, 360);
    const at = await boxes(page, {
      title: '.document-title',
      number: '.document-number',
      status: '.document-header .document-status',
      issue: '.document-issue',
      text: '.document-body p',
      info: '.document-info',
      cite: '.cite',
    });
    expect(at.title!.bottom).toBeLessThanOrEqual(780);
    expect(at.number!.bottom).toBeLessThanOrEqual(780);
    expect(at.issue!.bottom).toBeLessThanOrEqual(780);
    // the first paragraph starts on the first screen with at least two lines of it showing
    expect(at.text!.top + 60).toBeLessThanOrEqual(780);
    if (sitePath === APPOINTMENT) expect(at.status).toBeNull();
    else expect(at.status!.bottom).toBeLessThanOrEqual(780);
    // the status line is one line
    if (at.status) expect(at.status.bottom - at.status.top).toBeLessThan(32);
    expect(at.info!.top).toBeGreaterThan(at.text!.top);
    expect(at.cite!.top).toBeGreaterThan(at.info!.top);
    expect(await page.locator('.document-issue').textContent()).toMatch(/^所在期2018年第2期 第 \d+ 页$/);
    await context.close();
  });

  it('the phone header is two rows: name and search, then navigation that scrolls sideways with 44px links', async () => {
    const { page, context } = await open(EXPIRED, 360);
    const header = await page.evaluate(() => {
      const nav = document.querySelector('.site-nav') as HTMLElement;
      return {
        height: document.querySelector('.site-header')!.getBoundingClientRect().height,
        navScrolls: nav.scrollWidth > nav.clientWidth,
        linkHeights: [...nav.querySelectorAll('a')].map((link) => link.getBoundingClientRect().height),
        searchTop: document.querySelector('.site-search')!.getBoundingClientRect().top,
        titleTop: document.querySelector('.site-title')!.getBoundingClientRect().top,
      };
    });
    expect(header.height).toBeLessThanOrEqual(110);
    expect(Math.abs(header.searchTop - header.titleTop)).toBeLessThan(10);
    expect(header.navScrolls).toBe(true);
    expect(Math.min(...header.linkHeights)).toBeGreaterThanOrEqual(44);
    await context.close();
  });
});

describe.each(WIDTHS)('%s (%ipx)', (_name, width) => {
  it.each([...DOCUMENTS, 'register/', '2018/02/', '2018/02/print/'])('/%s has no axe violations and no horizontal scrolling', async (sitePath) => {
    const { page, context } = await open(sitePath, width);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('main keeps its vertical padding (.wrap sets only the sides)', async () => {
    const { page, context } = await open(EXPIRED, width);
    const padding = await page.evaluate(() => {
      const main = getComputedStyle(document.querySelector('main')!);
      return { top: parseFloat(main.paddingTop), bottom: parseFloat(main.paddingBottom), left: parseFloat(main.paddingLeft) };
    });
    expect(padding.top).toBeGreaterThanOrEqual(12);
    expect(padding.bottom).toBeGreaterThanOrEqual(24);
    expect(padding.left).toBe(16);
    await context.close();
  });

  describe('the notice of a document no longer in force', () => {
    it('失效: at the top, before the title, across the page, with the 有效期至', async () => {
      const { page, context } = await open(EXPIRED, width);
      const notice = page.locator('.status-notice');
      expect(await notice.getAttribute('role')).toBe('note');
      expect((await notice.textContent())!.trim()).toBe('本文件已失效：有效期至2019年12月30日。');
      const at = await boxes(page, { notice: '.status-notice', title: '.document-title', main: 'main' });
      expect(at.notice!.bottom).toBeLessThanOrEqual(at.title!.top);
      // full width: the content width on a desktop, edge to edge on a phone
      expect(at.notice!.width).toBe(width === 360 ? 360 : at.main!.width - 32);
      await context.close();
    });

    it('废止: names and links the repealing document and its date', async () => {
      const { page, context } = await open(REPEALED, width);
      const text = (await page.locator('.status-notice').textContent())!.trim();
      expect(text).toMatch(/^本文件已被永政办发〔2018〕2号《永州市人民政府办公室关于印发〈永州市创建全国社会信用体系建设示范城市实施方案〉的通知》废止（2018年\d+月\d+日起）。$/);
      expect(await page.locator('.status-notice a').getAttribute('href')).toBe('/2018/02/yzbf-2018-2/');
      await context.close();
    });

    it('已修改: names every amending document, linking the one in the corpus', async () => {
      const { page, context } = await open(AMENDED, width);
      const text = (await page.locator('.status-notice').textContent())!.trim();
      expect(text).toContain('本文件已被永政发〔2018〕4号《永州市人民政府关于公布议事协调机构清理调整结果的通知》、湘政发〔2019〕1号修改');
      expect(await page.locator('.status-notice a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(['/2018/02/yzf-2018-4/']);
      await context.close();
    });

    it('is shown by the script once a document built as 有效 has passed its 有效期至 for the reader, and hidden without it', async () => {
      expect(todayInChina() > '2022-06-30').toBe(true); // the premise: the reader's today is after 有效期至
      const withScript = await open(EXPIRES_LATER, width);
      await withScript.page.waitForFunction(() => document.querySelector('.document-header .status')?.textContent === '失效');
      expect(await withScript.page.locator('.status-notice').isVisible()).toBe(true);
      expect((await withScript.page.locator('.status-notice').textContent())!.trim()).toBe('本文件已失效：有效期至2022年6月30日。');
      await withScript.context.close();
      const without = await open(EXPIRES_LATER, width, { javaScript: false });
      expect(await without.page.locator('.status-notice').isVisible()).toBe(false);
      expect(await without.page.locator('.document-header .status').textContent()).toBe('有效');
      await without.context.close();
    });

    it('a document built as 已修改 with an 有效期至 carries the 失效 notice hidden, shown in place of the 已修改 one once the date has passed for the reader', async () => {
      expect(todayInChina() > '2021-12-31').toBe(true); // the premise: the reader's today is after 有效期至
      const withScript = await open(AMENDED_EXPIRES, width);
      await withScript.page.waitForFunction(() => document.querySelector('.document-header .status')?.textContent === '失效');
      const shown = withScript.page.locator('.status-notice:visible');
      expect(await shown.count()).toBe(1);
      expect((await shown.textContent())!.trim()).toBe('本文件已失效：有效期至2021年12月31日。');
      await withScript.context.close();
      const without = await open(AMENDED_EXPIRES, width, { javaScript: false });
      const built = without.page.locator('.status-notice:visible');
      expect(await built.count()).toBe(1);
      expect((await built.textContent())!.trim()).toMatch(/^本文件已被永政发〔2018〕4号《[^》]+》修改/);
      expect(await without.page.locator('.status-notice[data-expires]').count()).toBe(1);
      expect(await without.page.locator('.document-header .status').textContent()).toBe('已修改');
      await without.context.close();
    });

    it.each([UNRECORDED, APPOINTMENT, TABLE])('is absent from /%s, which is not marked as no longer in force', async (sitePath) => {
      const { page, context } = await open(sitePath, width);
      expect(await page.locator('.status-notice').count()).toBe(0);
      await context.close();
    });
  });

  describe('the status line', () => {
    it('失效 and 废止 are solid colour, not grey and not struck through; 未标注 is stated plainly', async () => {
      const look = async (sitePath: string) => {
        const { page, context } = await open(sitePath, width);
        const style = await page.locator('.document-header .status').evaluate((badge) => {
          const computed = getComputedStyle(badge);
          const [r, g, b] = computed.backgroundColor.match(/\d+/g)!.map(Number);
          return { text: badge.textContent, line: computed.textDecorationLine, spread: Math.max(r!, g!, b!) - Math.min(r!, g!, b!) };
        });
        await context.close();
        return style;
      };
      for (const [sitePath, text] of [[EXPIRED, '失效'], [REPEALED, '废止']] as const) {
        const style = await look(sitePath);
        expect(style.text).toBe(text);
        expect(style.line).toBe('none');
        expect(style.spread).toBeGreaterThan(80); // a saturated colour, not a grey
      }
      expect((await look(UNRECORDED)).text).toBe('未标注');
    });

    it('a document that carries no validity (人事任免) shows no status anywhere: no badge, no line, no 截至', async () => {
      const { page, context } = await open(APPOINTMENT, width);
      expect(await page.locator('.status, .document-status, [data-status], [data-status-date]').count()).toBe(0);
      expect(await page.locator('main').textContent()).not.toMatch(/时效性|截至|未标注/);
      await context.close();
    });
  });

  describe('引用本文', () => {
    it('gives the standard citation, the stable URL, and a link to the document JSON; no PDF link without an issue PDF', async () => {
      const { page, context } = await open(EXPIRED, width);
      const cite = page.locator('.cite');
      expect(await cite.locator('h2').textContent()).toBe('引用本文');
      expect(await cite.locator('.cite__text').textContent()).toBe(
        '永州市人民政府办公室. 永州市人民政府办公室关于印发《永州市脱贫攻坚自然村通水泥（沥青）路建设实施方案》的通知（永政办函〔2018〕11号）. 永州政报, 2018(2): 43.',
      );
      expect(await cite.locator('.cite__url').textContent()).toBe('https://zhengbao.yzcity.gov.cn/d/yzbh-2018-11/');
      // the stable URL is the alias that redirects to the page, and the JSON link is the document's own record
      const alias = await page.request.get(`${server.url}d/yzbh-2018-11/`);
      expect(await alias.text()).toContain('/2018/02/yzbh-2018-11/');
      const json = await cite.locator('a', { hasText: 'JSON' }).getAttribute('href');
      expect(json).toBe('/api/documents/2018-02/yzbh-2018-11.json');
      const record = (await (await page.request.get(`${server.url}${json!.slice(1)}`)).json()) as { doc_number: string };
      expect(record.doc_number).toBe('永政办函〔2018〕11号');
      expect(await cite.locator('a[type="application/pdf"]').count()).toBe(0);
      await context.close();
    });

    it('links the issue PDF when the issue has one (doc.issue.pdf)', async () => {
      // No issue has a PDF yet, so the partial is rendered here by Eleventy's own Nunjucks with one set.
      const nunjucks = createRequire(createRequire(import.meta.url).resolve('@11ty/eleventy'))('nunjucks') as Nunjucks;
      const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(path.join(TEMPLATES_DIR, '_includes')), { autoescape: true });
      env.addFilter('absoluteUrl', (sitePath: string, model: typeof gazette) => absoluteUrl(model.config, sitePath));
      env.addFilter('documentJsonPath', documentJsonPath);
      const gazette = site.result.model!;
      const doc = gazette.documents.find((document) => document.url === `/${EXPIRED}`)!;
      const html = env.render('partials/cite.njk', { gazette, doc: { ...doc, issue: { ...doc.issue, pdf: '/2018/02/2018-02.pdf' } } });
      const { page, context } = await open(EXPIRED, width);
      await page.locator('.cite').evaluate((section, replacement) => (section.outerHTML = replacement), html);
      const pdf = page.locator('.cite a[type="application/pdf"]');
      expect([await pdf.getAttribute('href'), await pdf.textContent()]).toEqual(['/2018/02/2018-02.pdf', '2018年第2期全刊（PDF）']);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });

    it('copies the citation and the URL with its buttons, and says so', async () => {
      const { page, context } = await open(EXPIRED, width);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
      const button = page.getByRole('button', { name: '复制链接' });
      expect(await button.boundingBox().then((box) => box!.height)).toBeGreaterThanOrEqual(44);
      await button.click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('https://zhengbao.yzcity.gov.cn/d/yzbh-2018-11/');
      expect(await page.locator('.cite__copied').textContent()).toBe('已复制：https://zhengbao.yzcity.gov.cn/d/yzbh-2018-11/');
      await page.getByRole('button', { name: '复制引文' }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^永州市人民政府办公室\. .*\. 永州政报, 2018\(2\): 43\.$/);
      await context.close();
    });

    it('without JavaScript has no dead buttons, and the URL is selectable text', async () => {
      const { page, context } = await open(EXPIRED, width, { javaScript: false });
      expect(await page.locator('.cite button').evaluateAll((buttons) => buttons.filter((button) => button.getBoundingClientRect().height > 0).length)).toBe(0);
      const url = page.locator('.cite__url');
      expect(await url.evaluate((element) => getComputedStyle(element).userSelect)).not.toBe('none');
      await url.click();
      expect(await page.evaluate(() => String(getSelection()).trim())).toBe('https://zhengbao.yzcity.gov.cn/d/yzbh-2018-11/');
      await context.close();
    });
  });

  it('a wide table shows a scroll hint only while it scrolls, and keeps its header row in view', async () => {
    const { page, context } = await open(TABLE, width);
    const box = page.locator('.document-body .table-scroll');
    const hint = page.locator('.document-body .table-hint');
    const state = await box.evaluate((element) => ({ scrolls: element.scrollWidth > element.clientWidth, describedBy: element.getAttribute('aria-describedby') }));
    expect(state.scrolls).toBe(width === 360);
    expect(await hint.isVisible()).toBe(width === 360);
    expect(state.describedBy).toBe(width === 360 ? await hint.getAttribute('id') : null);
    if (width === 360) expect(await hint.textContent()).toContain('左右滑动');
    // scrolled down inside its box, the table still shows its header row at the top of the box
    const header = await box.evaluate((element) => {
      element.scrollTop = 800;
      const th = element.querySelector('thead th')!.getBoundingClientRect();
      return { scrolled: element.scrollTop, offset: th.top - element.getBoundingClientRect().top };
    });
    expect(header.scrolled).toBeGreaterThan(0);
    expect(Math.abs(header.offset)).toBeLessThan(2);
    await context.close();
  });

  it('the register shows every title and status on screen', async () => {
    const { page, context } = await open('register/', width);
    const rows = await page.locator('.register tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const inView = (element: Element | null) => {
          const box = element?.getBoundingClientRect();
          return Boolean(box && box.width > 0 && box.left >= 0 && box.right <= innerWidth);
        };
        return { title: inView(tr.querySelector('.register__title a')), status: inView(tr.querySelector('.register__status .status')) };
      }),
    );
    expect(rows).toEqual([{ title: true, status: true }]);
    const box = await page.locator('.register-scroll').evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(box).toBeLessThanOrEqual(0);
    await context.close();
  });
});

describe('print', () => {
  /** The print header and footer values on the page as printed, and the stylesheet's margin boxes that show them. */
  async function running(page: Page) {
    return page.evaluate(() => {
      const root = getComputedStyle(document.documentElement);
      const value = (name: string) => root.getPropertyValue(name).trim();
      const sheet = [...document.styleSheets].find((candidate) => candidate.href?.endsWith('/assets/print.css'))!;
      const pageRule = [...sheet.cssRules].find((rule) => rule instanceof CSSPageRule) as CSSPageRule;
      // CSSMarginRule (one per margin box) is not in TypeScript's DOM types yet
      const margins = [...pageRule.cssRules] as unknown as { name: string; style: CSSStyleDeclaration }[];
      const boxes = Object.fromEntries(margins.map((rule) => [rule.name, rule.style.content]));
      return { head: value('--print-head'), status: value('--print-status'), url: value('--print-url'), date: value('--print-date'), boxes };
    });
  }

  it('keeps the notice, the status line and the metadata on paper', async () => {
    const { page, context } = await open(EXPIRED, 1280, { print: true });
    const shown = await page.evaluate(() =>
      ['.status-notice', '.document-header .document-status', '.document-issue', '.document-info .metadata', '.cite__text', '.cite__url'].map((selector) => {
        const element = document.querySelector(selector)!;
        return [selector, getComputedStyle(element).display !== 'none' && element.getBoundingClientRect().height > 0];
      }),
    );
    expect(shown.every(([, visible]) => visible)).toBe(true);
    expect(await page.locator('.cite button').evaluateAll((buttons) => buttons.every((button) => getComputedStyle(button).display === 'none'))).toBe(true);
    await context.close();
  });

  it('has a running header (刊名 and 期号, 时效性) and footer (URL, print date, page N of M)', async () => {
    const { page, context } = await open(EXPIRED, 1280, { print: true });
    await page.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--print-date').includes('打印日期'));
    const print = await running(page);
    expect(print.head).toBe('"永州政报　2018年第2期（总第103期）"');
    expect(print.status).toBe('"时效性：失效"');
    expect(print.url).toBe('"https://zhengbao.yzcity.gov.cn/2018/02/yzbh-2018-11/"');
    expect(print.url).toBe(`"${await page.locator('link[rel=canonical]').getAttribute('href')}"`);
    expect(print.date).toBe(`"打印日期 ${formatChineseDate(todayInChina())}"`);
    expect(print.boxes).toEqual({
      'top-left': 'var(--print-head, "")',
      'top-right': 'var(--print-status, "")',
      'bottom-left': 'var(--print-url, "")',
      'bottom-right': 'var(--print-date, "") "　第 " counter(page) " 页，共 " counter(pages) " 页"',
    });
    await context.close();
  });

  it('states the status the script restates for the reader, and the build date without the script', async () => {
    const withScript = await open(EXPIRES_LATER, 1280, { print: true });
    await withScript.page.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--print-status').includes('失效'));
    await withScript.context.close();
    const without = await open(EXPIRES_LATER, 1280, { print: true, javaScript: false });
    const print = await running(without.page);
    expect(print.status).toBe('"时效性：有效"');
    expect(print.date).toBe('"生成日期 2020年6月1日"');
    await without.context.close();
  });

  it('prints no status for a document that carries none, and the issue view names its issue', async () => {
    const appointment = await open(APPOINTMENT, 1280, { print: true });
    expect((await running(appointment.page)).status).toBe('');
    await appointment.context.close();
    const issue = await open('2018/02/print/', 1280, { print: true, javaScript: false });
    const print = await running(issue.page);
    expect([print.head, print.url, print.status]).toEqual(['"永州政报　2018年第2期（总第103期）"', '"https://zhengbao.yzcity.gov.cn/2018/02/"', '']);
    // the documents of the printed issue that are not in force (as built: 失效, 废止, two 已修改) open with their notice
    expect(await issue.page.locator('.print-issue .document .status-notice:visible').count()).toBe(4);
    await issue.context.close();
  });

  const pdftotext = (() => {
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!pdftotext)('the printed PDF carries the notice, the header and the footer on every page (pdftotext)', async () => {
    const { page, context } = await open(EXPIRED, 1280);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' });
    const pages = text.split('\f').filter((sheet) => sheet.trim());
    expect(pages.length).toBeGreaterThan(3);
    expect(pages[0]).toContain('本文件已失效：有效期至2019年12月30日。');
    pages.forEach((sheet, index) => {
      expect(sheet).toMatch(/永州政报\s+2018年第2期（总第103期）\s+时效性：失效/);
      expect(sheet).toContain('https://zhengbao.yzcity.gov.cn/2018/02/yzbh-2018-11/');
      expect(sheet).toContain(`打印日期 ${formatChineseDate(todayInChina())}`);
      expect(sheet).toContain(`第 ${index + 1} 页，共 ${pages.length} 页`);
    });
    await context.close();
  });
});
