// Bytes a reader downloads for the first search on a page: Pagefind's JS, wasm, entry/meta, index chunks and fragments.
import type { Browser } from 'playwright-core';
import { NetworkMeter, openPage, searchInPage, type BundleSetup, type Transfer } from './browser.ts';

/** Result fragments loaded with the first query (Pagefind's default UI shows 5 results). */
export const FIRST_PAGE_RESULTS = 5;

export type TransferKind = 'js' | 'wasm' | 'entry+meta' | 'index' | 'fragment' | 'filter' | 'other';

export interface FirstQueryBytes {
  query: string;
  results: number;
  bytes: number;
  requests: number;
  byKind: Record<TransferKind, number>;
}

/** Open a fresh page (empty cache), then count everything fetched while importing Pagefind and running `query`. */
export async function firstQueryBytes(browser: Browser, origin: string, setup: BundleSetup, query: string): Promise<FirstQueryBytes> {
  const { page, close } = await openPage(browser, origin);
  try {
    const meter = await NetworkMeter.attach(page);
    meter.reset();
    const [outcome] = await searchInPage(page, setup, [query], FIRST_PAGE_RESULTS);
    await page.waitForTimeout(300); // loadingFinished events trail the fetch promises slightly
    return summarize(query, outcome?.total ?? 0, meter.transfers);
  } finally {
    await close();
  }
}

function summarize(query: string, results: number, transfers: Transfer[]): FirstQueryBytes {
  const byKind: Record<TransferKind, number> = { js: 0, wasm: 0, 'entry+meta': 0, index: 0, fragment: 0, filter: 0, other: 0 };
  for (const transfer of transfers) byKind[kindOf(transfer.url)] += transfer.bytes;
  const bytes = transfers.reduce((total, transfer) => total + transfer.bytes, 0);
  return { query, results, bytes, requests: transfers.length, byKind };
}

function kindOf(url: string): TransferKind {
  const name = new URL(url, 'http://x/').pathname;
  if (name.endsWith('.pf_index')) return 'index';
  if (name.endsWith('.pf_fragment')) return 'fragment';
  if (name.endsWith('.pf_filter')) return 'filter';
  if (name.endsWith('.pf_meta') || name.endsWith('pagefind-entry.json')) return 'entry+meta';
  if (name.includes('wasm.')) return 'wasm';
  if (name.endsWith('.js') || url === '(unknown)') return 'js'; // the unnamed one is the worker script, requested before attach
  return 'other';
}
