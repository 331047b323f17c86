// Stage 4, search: builds the Pagefind index of a rendered site folder, one bounded shard at a time.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { planShards, shardGlob, SHARDS_MANIFEST, type SearchShard } from './shards.ts';

export interface IndexStats {
  pages: number;
  shards: SearchShard[];
}

/**
 * Index the document pages under `siteDir` (only their `data-pagefind-body`) into Pagefind bundles: one per shard of
 * consecutive years (at most `shardSize` documents). Each shard runs in its own Pagefind process, closed before the
 * next starts. `search/shards.json` lists the further bundles the search page merges (none for a single shard).
 */
export async function indexSite(siteDir: string, documentsPerYear: Map<number, number>, shardSize: number): Promise<IndexStats> {
  const shards = planShards(documentsPerYear, shardSize);
  let pages = 0;
  for (const shard of shards) pages += await indexShard(siteDir, shard);
  // Always written (an empty list for one bundle), so the search page never asks for a file that is not there.
  const manifest = path.join(siteDir, SHARDS_MANIFEST);
  await mkdir(path.dirname(manifest), { recursive: true });
  await writeFile(manifest, JSON.stringify(shards.slice(1).map((shard) => shard.bundle)));
  return { pages, shards };
}

async function indexShard(siteDir: string, shard: SearchShard): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  try {
    if (!index) throw new Error(`Pagefind 无法启动：${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir, glob: shardGlob(shard) });
    if (added.errors.length > 0) throw new Error(`Pagefind 索引失败：${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, shard.bundle) });
    if (written.errors.length > 0) throw new Error(`Pagefind 写入失败：${written.errors.join('; ')}`);
    await removeStockUi(path.join(siteDir, shard.bundle));
    return await indexedPages(path.join(siteDir, shard.bundle));
  } finally {
    await pagefind.close();
  }
}

/**
 * The pages a bundle really holds, from its entry file. `addDirectory`'s page_count counts every file the glob found,
 * also those without `data-pagefind-body` (the issue print views), which Pagefind then leaves out.
 */
async function indexedPages(bundleDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(bundleDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/** Pagefind's own UIs (≈ 430 KB a bundle), which our search page does not use; its runtime, wasm and index stay. */
const STOCK_UI_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

async function removeStockUi(bundleDir: string): Promise<void> {
  await Promise.all(STOCK_UI_FILES.map((name) => rm(path.join(bundleDir, name), { force: true })));
}
