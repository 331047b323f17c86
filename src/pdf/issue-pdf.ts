// The PDF of every issue: its print view rendered by headless Chromium (A4, cover, 目录 with the PDF's own page numbers, a bookmark per document, fonts embedded), cached by the print HTML's hash.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { IssueView, SiteModel } from '../site/site-model.ts';
import type { BuildCache } from '../build/cache.ts';
import { hashOf } from '../runtime/hash.ts';
import { serveStatic } from '../build/static-server.ts';
import { launchChromium } from '../runtime/chromium.ts';
import { TEMPLATES_DIR } from '../site/eleventy-config.ts';
import { readBookmarks, setPdfInfo } from './pdf-outline.ts';
import { compactTitle } from '../gazette/titles.ts';

const CACHE_NAMESPACE = 'issue-pdf';

export interface IssuePdfResult {
  /** the issue's PDF came from the build cache */
  cached: boolean;
}

/** An issue's PDF as a path inside the site folder (the model, built with `pdf`, gives each issue its URL). */
function pdfFile(issue: IssueView): string {
  if (!issue.pdf) throw new Error(`${issue.label} 没有 PDF 地址：站点模型应以 pdf 选项生成`);
  return issue.pdf.slice(1);
}

/**
 * Render each issue's print view (`<issue>/print/`, already written into `siteDir`) to its PDF. The print HTML and the
 * stylesheets are the cache key, so only changed issues are rendered again.
 */
export async function writeIssuePdfs(
  model: SiteModel,
  siteDir: string,
  options: { cache?: BuildCache; progress?: (done: number, total: number, label?: string) => void },
): Promise<IssuePdfResult[]> {
  const styles = await Promise.all(['assets/style.css', 'assets/print.css'].map((file) => readFile(path.join(TEMPLATES_DIR, file))));
  const results: IssuePdfResult[] = [];
  const todo: { issue: IssueView; key: string }[] = [];
  for (const issue of model.issues) {
    const html = await readFile(path.join(siteDir, `${issue.url.slice(1)}print/index.html`), 'utf8');
    // The print date in the running footer changes every day and nothing else with it: it is not part of the key, so
    // a PDF is made again only when what it states changes (text, 时效性, layout), and it keeps the day it was made.
    const key = hashOf(CACHE_NAMESPACE, html.replace(/--print-date:[^;}]*/, ''), ...styles, model.config.publisher, model.config.name);
    const cached = options.cache?.enabled ? await options.cache.get(CACHE_NAMESPACE, key) : undefined;
    if (cached) {
      await writeFile(path.join(siteDir, pdfFile(issue)), cached);
      results.push({ cached: true });
    } else todo.push({ issue, key });
  }
  if (todo.length === 0) return results;

  const browser = await launchChromium();
  const server = await serveStatic(siteDir, { prefix: model.config.path_prefix }).catch(async (error: unknown) => {
    await browser.close();
    throw error;
  });
  try {
    const page = await browser.newPage();
    let done = 0;
    for (const { issue, key } of todo) {
      options.progress?.(done, todo.length, 'PDF');
      const bytes = await renderIssue(page, `${server.url}${issue.url.slice(1)}print/`, issue, model);
      await writeFile(path.join(siteDir, pdfFile(issue)), bytes);
      await options.cache?.put(CACHE_NAMESPACE, key, bytes);
      results.push({ cached: false });
      options.progress?.(++done, todo.length, 'PDF');
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}

/**
 * Two passes: the first PDF's bookmarks tell on which page each document's title is; those numbers go into the 目录
 * (the printed edition's page numbers would be wrong in this PDF); the second PDF is the one kept, with its document
 * information set.
 */
async function renderIssue(page: Page, url: string, issue: IssueView, model: SiteModel): Promise<Uint8Array> {
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const print = () => page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
  const first = await print();
  const bookmarks = await readBookmarks(first);
  const pages: Record<string, number> = {};
  let from = -1;
  for (const document of issue.documents) {
    // Documents are printed in order: take the first bookmark with this title after the previous document's.
    const title = compactTitle(document.title);
    const index = bookmarks.findIndex((mark, at) => at > from && compactTitle(mark.title) === title);
    if (index === -1) throw new Error(`${issue.label} 的 PDF 中找不到文件「${document.title}」的书签`);
    pages[document.url] = bookmarks[index]!.page;
    from = index;
  }
  await page.evaluate((numbers) => {
    for (const entry of Array.from(document.querySelectorAll('.print-toc .toc__entry'))) {
      const href = new URL(entry.querySelector('a')!.href).pathname;
      const target = Object.keys(numbers).find((url) => href.endsWith(url));
      const cell = entry.querySelector('.toc__page');
      if (!target || !cell) continue;
      cell.textContent = String(numbers[target]);
      cell.setAttribute('aria-label', `第 ${numbers[target]} 页`);
    }
  }, pages);
  // Links in the PDF: a 目录 entry jumps to its document inside the PDF; any other link of the site points at the
  // published site, never at the local server the page was rendered from.
  const slugs = Object.fromEntries(issue.documents.map((document) => [document.url, document.slug]));
  await page.evaluate(
    ({ site, slugs }) => {
      for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
        const target = new URL(link.href);
        if (target.origin !== location.origin) continue;
        if (target.pathname === location.pathname && target.hash) {
          link.setAttribute('href', target.hash); // within the print view: within the PDF
          continue;
        }
        const own = Object.keys(slugs).find((docUrl) => target.pathname.endsWith(docUrl) && !target.hash);
        if (own && link.closest('.print-toc')) link.setAttribute('href', `#${slugs[own]}`);
        else link.setAttribute('href', new URL(`${target.pathname}${target.search}${target.hash}`, site).href); // the path has the prefix
      }
    },
    { site: model.config.base_url, slugs },
  );
  const second = await print();
  return setPdfInfo(second, {
    title: `${model.config.name} ${issue.label}（${issue.totalLabel}）`,
    author: model.config.publisher,
    subject: `${model.config.name} ${issue.label}`,
    date: issue.published,
  });
}
