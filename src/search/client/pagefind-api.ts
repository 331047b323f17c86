// Types for the part of Pagefind's browser API (pagefind.js) the search page uses, and loading it and its shards under the base path.
import { SHARDS_MANIFEST, type ShardListing } from '../shards.ts';

export interface PagefindResult {
  /** the page's hash in its bundle (`zh-cn_37a031c`): its snippets are under `<bundle>/snippet/<id>/` */
  id: string;
  score: number;
  /** word positions of the matches */
  words: number[];
}

export interface PagefindSearch {
  results: PagefindResult[];
  /** counts per filter value for this query (filter files loaded with filters(); the shard filter always) */
  filters: Record<string, Record<string, number>>;
}

/** A Pagefind filter: one value, or `{ any: [...] }` for any of several. */
export type FilterValue = string | string[] | { any: string[] };

export interface SearchOptions {
  filters?: Record<string, FilterValue>;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(url: string, options?: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: SearchOptions): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
  /** drop every index and option: the next options() and init() start afresh */
  destroy(): Promise<void>;
}

/** The synthetic filter naming each page's shard (its bundle folder); not a facet. */
export const SHARD_FILTER = '分片';

/** Pagefind and its shards, newest first (the first is `pagefind/`, loaded with Pagefind; the others as they are needed). */
export interface ShardedIndex {
  pagefind: Pagefind;
  shards: ShardListing[];
  /** Merge these shards (bundle folders) into Pagefind, each once: its entry and page metadata are fetched then. */
  load(bundles: readonly string[]): Promise<void>;
  /**
   * Whether the site still serves the index this page loaded. Pagefind logs an index chunk it cannot fetch and goes
   * on without it, so a search that finds nothing asks: false when the network is down or the site was rebuilt
   * (its shard list or newest bundle changed), and the page says so instead of "nothing found".
   */
  stillCurrent(): Promise<boolean>;
}

/**
 * Import /<base>/pagefind/pagefind.js (a module Pagefind writes next to the site, so not bundled) and read the shard
 * list, /<base>/search/shards.json (the build always writes it, so a failure to fetch it is an error, not a silently
 * partial index), at once. Only the newest shard, `pagefind/`, starts with Pagefind: a search merges the others as it
 * reaches them (word-search.ts), so a first search newest first pays for one shard's page list, not every shard's.
 * Each shard's pages carry its bundle folder as the SHARD_FILTER value, so the search page can search shard by shard.
 *
 * Pagefind cuts a query into words with the browser's segmenter when the page's language (read from <html lang>
 * when Pagefind starts) is Chinese, Japanese or Thai, and then silently drops a word no page holds. The search page
 * sends terms it has cut itself (search-terms.ts), so Pagefind starts under an undetermined language (`und`, no index
 * of that name: it takes its only one, zh-cn) and only lower-cases them; the page's own lang is put back at once.
 */
export async function loadPagefind(base: string): Promise<ShardedIndex> {
  const primary = 'pagefind/';
  const read = async (file: string, init?: RequestInit) => {
    const response = await fetch(`${base}${file}`, init);
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    return response.text();
  };
  const loaded = Promise.all([read(SHARDS_MANIFEST), read(`${primary}pagefind-entry.json`)]);
  const pagefind = (await import(/* @vite-ignore */ `${base}${primary}pagefind.js`)) as Pagefind;
  await pagefind.options({ baseUrl: base, mergeFilter: { [SHARD_FILTER]: primary } });
  const html = document.documentElement;
  const lang = html.lang;
  html.lang = 'und';
  let started: Promise<void>;
  try {
    started = pagefind.init(); // reads <html lang> before its first await
  } finally {
    html.lang = lang;
  }
  await started;
  const [list, entry] = await loaded;
  const shards = JSON.parse(list) as ShardListing[];
  const merged = new Map<string, Promise<void>>([[primary, Promise.resolve()]]);
  const load = async (bundles: readonly string[]) => {
    for (const bundle of bundles) {
      if (!merged.has(bundle)) merged.set(bundle, pagefind.mergeIndex(`${base}${bundle}`, { baseUrl: base, mergeFilter: { [SHARD_FILTER]: bundle } }));
    }
    await Promise.all(bundles.map((bundle) => merged.get(bundle)));
  };
  const stillCurrent = async () => {
    const fresh = { cache: 'no-store' } as const;
    const now = await Promise.all([read(SHARDS_MANIFEST, fresh), read(`${primary}pagefind-entry.json`, fresh)]).catch(() => undefined);
    return now?.[0] === list && now[1] === entry;
  };
  return { pagefind, shards, load, stillCurrent };
}
