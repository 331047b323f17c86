// Stage 4, search: indexes each shard's search pages with Pagefind, several at once, or restores it from the build cache.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import * as pagefind from 'pagefind';
import { hashOf, type BuildCache } from '../build/cache.ts';
import type { SearchPage } from './search-html.ts';
import type { SearchShard } from './shards.ts';

/** `(done, total, label)`: called once per shard as it is restored or indexed. */
export type ShardProgress = (done: number, total: number, label?: string) => void;

export interface IndexShardsOptions {
  cache?: BuildCache;
  /** how many shards Pagefind indexes at once (default 1) */
  concurrency?: number;
  progress?: ShardProgress;
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
 * Write every shard's Pagefind bundle into `siteDir`. A shard whose cache key (Pagefind's version and options, and
 * every search page of the shard, in order) is in the cache is unzipped from it; the others are indexed, up to
 * `concurrency` at a time, in one Pagefind service process, each index dropped as soon as its files are written so the
 * service holds at most `concurrency` indexes.
 */
export async function indexShards(siteDir: string, shards: SearchShard<SearchPage>[], options: IndexShardsOptions = {}): Promise<ShardResult[]> {
  const results: ShardResult[] = new Array(shards.length);
  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < shards.length) {
      const index = next++;
      results[index] = await indexShard(siteDir, shards[index]!, options.cache);
      options.progress?.(++done, shards.length, 'search shard');
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 1, shards.length)) }, worker));
  } finally {
    await pagefind.close();
  }
  return results;
}

/** The cache key of a shard's bundle. */
export function shardKey(shard: SearchShard<SearchPage>): string {
  return hashOf(pagefindVersion(), JSON.stringify(PAGEFIND_OPTIONS), ...shard.documents.flatMap((page) => [page.url, page.html]));
}

async function indexShard(siteDir: string, shard: SearchShard<SearchPage>, cache: BuildCache | undefined): Promise<ShardResult> {
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
  files ??= await runPagefind(shard);
  const pages = pageCount(files);
  if (pages !== shard.documents.length) throw new Error(`检索分片 ${shard.bundle} 收录了 ${pages} 个页面，但该分片有 ${shard.documents.length} 篇文件`);
  await writeBundle(path.join(siteDir, shard.bundle), files);
  if (!fromCache) await cache?.put(CACHE_NAMESPACE, key, zipSync(zippable(files), { level: 0, mtime: ZIP_MTIME }));
  return { bundle: shard.bundle, pages, cached: fromCache, ms: performance.now() - started };
}

/** Fixed, so the same bundle always zips to the same bytes. */
const ZIP_MTIME = new Date('2000-01-01T00:00:00Z');

/** Index one shard in the shared Pagefind service; its files (without the stock UIs) by bundle-relative path. */
async function runPagefind(shard: SearchShard<SearchPage>): Promise<Record<string, Uint8Array>> {
  const { index, errors } = await pagefind.createIndex(PAGEFIND_OPTIONS);
  if (!index) throw new Error(`Pagefind 无法启动：${errors.join('; ')}`);
  try {
    const added = await Promise.all(shard.documents.map((page) => index.addHTMLFile({ url: page.url, content: page.html })));
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
