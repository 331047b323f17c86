// Bytes a reader downloads for a first search on the built bench site: served with gzip, fresh cache, real Chromium.
import { SNIPPET_DIR } from '../../src/search/snippet-format.ts';
import { LOOKUP_DIR, SERIES_DIR } from '../../src/search/lookup-keys.ts';
import { SHARDS_MANIFEST } from '../../src/search/shards.ts';
import { serveStatic, type Transfer } from '../../src/build/static-server.ts';
import { launchChromium } from '../../src/runtime/chromium.ts';
import { lookupKey } from '../../src/search/lookup-keys.ts';

/**
 * The three word queries of the search issue, and two 发文字号 (one every generated corpus holds, one it does not);
 * each is measured in its own fresh browser context.
 */
export const FIRST_QUERIES = ['就业创业', '见义勇为', '社会信用体系', '永政发〔2018〕1号', '永政发〔2018〕999号'];

/**
 * The word queries again, sorted by relevance (`&sort=relevance`): that order reads every shard before it shows a
 * result, so it has no goal; its figure is reported beside the default order's (newest first).
 */
export const RELEVANCE_QUERIES = ['就业创业', '见义勇为', '社会信用体系'];

/** The goal for a first word query, page and search runtime included (issue: search). */
export const GOAL_KB = 150;

/** The goal for a 发文字号 or 登记号, answered from the lookup table without Pagefind (issue 11). */
export const NUMBER_GOAL_KB = 20;

/** A query's goal: a number's or a word query's. */
export function goalKb(query: string): number {
  return lookupKey(query) ? NUMBER_GOAL_KB : GOAL_KB;
}

export const KINDS = ['page', 'runtime', 'index', 'fragments', 'lookup'] as const;
export type Kind = (typeof KINDS)[number];

export interface FirstQuery {
  query: string;
  /** measured with `&sort=relevance` (no goal) instead of the default order */
  relevance?: boolean;
  /** results shown on the first page (at most 10) */
  shown: number;
  bytes: number;
  byKind: Record<Kind, number>;
  /** paths the page asked for that the site does not have (should be none) */
  missing: string[];
}

/** Which part of the search a served path belongs to. */
export function kindOf(sitePath: string): Kind {
  if (sitePath.endsWith('.pf_fragment') || (sitePath.includes(`/${SNIPPET_DIR}/`) && sitePath.endsWith('.json'))) return 'fragments';
  if (/\.(pf_index|pf_meta|pf_filter)$|pagefind-entry\.json$/.test(sitePath)) return 'index';
  if (/\/pagefind\/(?:shards\/[^/]+\/)?(pagefind[^/]*\.js|wasm\.[^/]+)$/.test(sitePath)) return 'runtime'; // any shard's
  if ([LOOKUP_DIR, SERIES_DIR].some((dir) => sitePath.includes(`/${dir}/`)) || sitePath.endsWith(`/${SHARDS_MANIFEST}`)) return 'lookup';
  return 'page';
}

export function summarize(query: string, shown: number, transfers: Transfer[], relevance = false): FirstQuery {
  const byKind = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<Kind, number>;
  for (const transfer of transfers) byKind[kindOf(transfer.path)] += transfer.bytes;
  const missing = transfers.filter((transfer) => transfer.status === 404).map((transfer) => transfer.path);
  return { query, ...(relevance ? { relevance } : {}), shown, bytes: transfers.reduce((total, transfer) => total + transfer.bytes, 0), byKind, missing };
}

/** Serve `site` on 127.0.0.1 and open `/search/?q=` for each query (throws, with the fix, when Chromium is missing). */
export async function measureFirstQueries(site: string, queries = FIRST_QUERIES, relevanceQueries = RELEVANCE_QUERIES): Promise<FirstQuery[]> {
  const server = await serveStatic(site, { record: true });
  const browser = await launchChromium();
  try {
    const figures: FirstQuery[] = [];
    const runs = [...queries.map((query) => ({ query, relevance: false })), ...relevanceQueries.map((query) => ({ query, relevance: true }))];
    for (const { query, relevance } of runs) {
      const context = await browser.newContext();
      const page = await context.newPage();
      server.resetBytes();
      await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}${relevance ? '&sort=relevance' : ''}`);
      await page.waitForSelector('[data-search-state=done]', { timeout: 120_000 });
      await page.waitForLoadState('networkidle');
      const shown = await page.locator('.result').count();
      figures.push(summarize(query, shown, server.transfers(), relevance));
      await context.close();
    }
    return figures;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The figures as a table, KB = 1024 bytes as transferred. */
export function formatFirstQueries(figures: FirstQuery[]): string[] {
  const title = `First query on the built site (fresh cache; response bodies, gzip as a host serves them; goal ≤ ${GOAL_KB} KB, a 发文字号 ≤ ${NUMBER_GOAL_KB} KB)`;
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  // Numbers first, the query (double-width characters) last, so the columns line up in a terminal.
  const line = (cells: string[]) => cells.map((cell) => cell.padStart(10)).join('');
  return [
    title,
    `${line(['shown', 'total KB', ...KINDS])}   query`,
    ...figures.map((figure) => {
      const goal = goalKb(figure.query);
      const verdict = figure.relevance ? 'by relevance: every shard, no goal' : figure.bytes / 1024 <= goal ? 'goal met' : `${kb(figure.bytes - goal * 1024)} KB over`;
      const missing = figure.missing.length ? `; not found: ${figure.missing.join(', ')}` : '';
      return `${line([String(figure.shown), kb(figure.bytes), ...KINDS.map((kind) => kb(figure.byKind[kind]))])}   ${figure.query} (${verdict}${missing})`;
    }),
    'page = HTML, CSS, our search script, favicon; runtime = pagefind.js, its worker and wasm; index = entry, meta, index',
    'and filter chunks (of the shards read); fragments = the shown results\' snippets; lookup = shard list, 发文字号 and series',
    'buckets. Word queries newest first (the default) read shards only as far as the first 10 results need.',
  ];
}
