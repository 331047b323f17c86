// Stage 4, search: indexes each shard's search pages with Pagefind, several at once, or restores it from the build cache.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { request, startTsWorker } from '../runtime/ts-worker.ts';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import * as pagefind from 'pagefind';
import type { BuildCache } from '../build/cache.ts';
import { hashOf } from '../runtime/hash.ts';
import type { SearchPage } from './search-html.ts';
import type { SearchShard } from './shards.ts';
import type { Progress } from '../build/phases.ts';
import { withSnippets } from './snippets.ts';
import { PIECE_WORDS } from './snippet-format.ts';

/** `(done, total, label)`: called once per shard as it is restored or indexed. */

export interface IndexShardsOptions {
  cache?: BuildCache;
  /** how many shards Pagefind indexes at once (default 1) */
  concurrency?: number;
  progress?: Progress;
}

export interface ShardResult {
  bundle: string;
  pages: number;
  /** restored from the cache (no Pagefind run) */
  cached: boolean;
  /** time to index or restore, ms */
  ms: number;
}

/** Pagefind's options: part of every shard's cache key. */
const PAGEFIND_OPTIONS = { forceLanguage: 'zh-cn' } as const;

/**
 * Index chunk size, in word locations (Pagefind's default is 20,000): a query fetches, per term and shard, the chunk
 * holding the term. Chinese text indexed as words and bigrams compresses poorly, so a default chunk is about 37 KB
 * (gzip): the 永州 seed's first queries fetched 72–111 KB of index at the default, 15–24 KB at 4,000. Smaller chunks
 * lengthen the chunk list every search loads with the shard's metadata (docs/search.md has the figures). Set
 * through Pagefind's environment variable `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE` (1.6.0; not among its API options).
 */
export const INDEX_CHUNK_SIZE = 4000;

/** The snippet layout (snippet-format.ts) written into each cached bundle: a change must not reuse older bundles. */
const SNIPPET_FORMAT = `snippets 2, ${PIECE_WORDS} words`;

const CACHE_NAMESPACE = 'search-shard';

/** Pagefind's own UIs (≈ 430 KB a bundle), which our search page does not use; its runtime, wasm and index stay. */
const STOCK_UI_FILES = new Set([
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
]);

/**
 * Write every shard's Pagefind bundle, with its result snippets in place of Pagefind's fragments (snippets.ts), into
 * `siteDir`. A shard whose cache key (Pagefind's version and settings, and every search page and card of the shard,
 * in order) is in the cache is unzipped from it; the others are indexed, up to
 * `concurrency` at a time, each in its own Pagefind service process: the main thread's, and one per further slot
 * started from a worker thread (pagefind-worker.ts) the first time that slot has a shard to index. One service indexes
 * one shard at a time even when given several (measured: two shards sent to one service at once took as long as one
 * after the other), so side-by-side shards need their own services. Each index is dropped as soon as its files are
 * read, so each service holds one.
 */
export async function indexShards(siteDir: string, shards: SearchShard<SearchPage>[], options: IndexShardsOptions = {}): Promise<ShardResult[]> {
  const results: ShardResult[] = new Array(shards.length);
  const slots = Math.max(1, Math.min(options.concurrency ?? 1, shards.length));
  const workers: (PagefindWorker | undefined)[] = new Array(slots);
  // Cache writes go on while the slot indexes its next shard; a failed one (a full disk) fails the stage at the end.
  const writes: Promise<void>[] = [];
  let writeFailure: unknown;
  const store = (write: Promise<void>) => void writes.push(write.catch((error: unknown) => void (writeFailure ??= error)));
  let done = 0;
  let next = 0;
  const slot = async (number: number) => {
    const index = (pages: SearchPage[]) => (number === 0 ? runPagefind(pages) : (workers[number] ??= new PagefindWorker()).index(pages));
    while (next < shards.length) {
      const position = next++;
      results[position] = await indexShard(siteDir, shards[position]!, options.cache, index, store);
      options.progress?.(++done, shards.length, 'search shard');
    }
  };
  try {
    await Promise.all(Array.from({ length: slots }, (_, number) => slot(number)));
    await Promise.all(writes);
    if (writeFailure !== undefined) throw writeFailure;
  } finally {
    await Promise.all([pagefind.close(), ...workers.map((worker) => worker?.close())]);
  }
  return results;
}

/** A message to pagefind-worker.ts: a shard's pages to index, or `close`. */
export interface PagefindRequest {
  id: number;
  pages?: Pick<SearchPage, 'url' | 'html'>[];
  close?: boolean;
}

/** Its answer: the bundle's files, an error, or `closed`. */
export interface PagefindAnswer {
  id: number;
  files?: Record<string, Uint8Array>;
  error?: string;
  closed?: boolean;
}

/** A worker thread with its own Pagefind service, running pagefind-worker.ts (runtime/ts-worker.ts). */
class PagefindWorker {
  #worker: Worker;
  #id = 0;

  constructor() {
    this.#worker = startTsWorker(new URL('./pagefind-worker.ts', import.meta.url));
  }

  async index(pages: SearchPage[]): Promise<Record<string, Uint8Array>> {
    const answer = await this.#send({ id: ++this.#id, pages: pages.map(({ url, html }) => ({ url, html })) });
    if (answer.error !== undefined) throw new Error(answer.error);
    return answer.files!;
  }

  async close(): Promise<void> {
    await this.#send({ id: ++this.#id, close: true }).catch(() => {});
    await this.#worker.terminate();
  }

  #send(message: PagefindRequest): Promise<PagefindAnswer> {
    return request<PagefindRequest, PagefindAnswer>(this.#worker, message, 'Pagefind worker');
  }
}

/** The cache key of a shard's bundle: Pagefind and its settings, and every page and card of the shard. */
function shardKey(shard: SearchShard<SearchPage>): string {
  return hashOf(pagefindVersion(), JSON.stringify(PAGEFIND_OPTIONS), String(INDEX_CHUNK_SIZE), SNIPPET_FORMAT, ...shard.documents.flatMap((page) => [page.url, page.html, JSON.stringify(page.card)]));
}

async function indexShard(siteDir: string, shard: SearchShard<SearchPage>, cache: BuildCache | undefined, index: (pages: SearchPage[]) => Promise<Record<string, Uint8Array>>, store: (write: Promise<void>) => void): Promise<ShardResult> {
  const started = performance.now();
  const key = shardKey(shard);
  const cached = await cache?.get(CACHE_NAMESPACE, key);
  let files: Record<string, Uint8Array> | undefined;
  if (cached) {
    try {
      files = unzipSync(cached);
    } catch {
      cache!.notes.push(`检索分片缓存 ${shard.bundle} 无法解压，已重新索引`);
    }
  }
  const fromCache = files !== undefined;
  files ??= withSnippets(await index(shard.documents), new Map(shard.documents.map((page) => [page.url, page.card])));
  const pages = pageCount(files);
  if (pages !== shard.documents.length) throw new Error(`检索分片 ${shard.bundle} 收录了 ${pages} 个页面，但该分片有 ${shard.documents.length} 篇文件`);
  await writeBundle(path.join(siteDir, shard.bundle), files);
  if (!fromCache && cache?.enabled) store(cache.put(CACHE_NAMESPACE, key, zipSync(zippable(files), { level: 0, mtime: ZIP_MTIME })));
  return { bundle: shard.bundle, pages, cached: fromCache, ms: performance.now() - started };
}

/** Fixed, so the same bundle always zips to the same bytes. */
const ZIP_MTIME = new Date('2000-01-01T00:00:00Z');

/** Index one shard's pages in this thread's Pagefind service; its files (without the stock UIs) by bundle-relative path. */
export async function runPagefind(pages: Pick<SearchPage, 'url' | 'html'>[]): Promise<Record<string, Uint8Array>> {
  // Read by the Pagefind service when it starts, which is at this thread's first createIndex.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(INDEX_CHUNK_SIZE);
  const { index, errors } = await pagefind.createIndex(PAGEFIND_OPTIONS);
  if (!index) throw new Error(`Pagefind 无法启动：${errors.join('; ')}`);
  try {
    const added = await Promise.all(pages.map((page) => index.addHTMLFile({ url: page.url, content: page.html })));
    const failed = added.flatMap((response) => response.errors);
    if (failed.length > 0) throw new Error(`Pagefind 索引失败：${failed.join('; ')}`);
    const written = await index.getFiles();
    if (written.errors.length > 0) throw new Error(`Pagefind 写入失败：${written.errors.join('; ')}`);
    return Object.fromEntries(written.files.filter((file) => !STOCK_UI_FILES.has(file.path)).map((file) => [file.path, file.content]));
  } finally {
    await index.deleteIndex();
  }
}

async function writeBundle(bundleDir: string, files: Record<string, Uint8Array>): Promise<void> {
  const folders = new Set(Object.keys(files).map((file) => path.dirname(path.join(bundleDir, file))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  await Promise.all(Object.entries(files).map(([file, content]) => writeFile(path.join(bundleDir, file), content)));
}

function zippable(files: Record<string, Uint8Array>): Zippable {
  return Object.fromEntries(Object.keys(files).sort().map((file) => [file, files[file]!]));
}

/** The pages a bundle holds, from its entry file. */
function pageCount(files: Record<string, Uint8Array>): number {
  const entry = files['pagefind-entry.json'];
  if (!entry) throw new Error('Pagefind 没有写出 pagefind-entry.json');
  const parsed = JSON.parse(Buffer.from(entry).toString('utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(parsed.languages).reduce((sum, language) => sum + language.page_count, 0);
}

let version: string | undefined;

/** The installed Pagefind's version (its package exports no package.json, so it is read from node_modules). */
function pagefindVersion(): string {
  if (version) return version;
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'node_modules', 'pagefind', 'package.json');
    if (existsSync(manifest)) return (version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version);
    if (path.dirname(dir) === dir) throw new Error('找不到 node_modules/pagefind/package.json');
  }
}
