// Stage 4 as one call: the exact-lookup table and the Pagefind full-text index, in shards, from the site model.
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { SiteModel } from '../site/site-model.ts';
import type { BuildCache } from '../build/cache.ts';
import { indexShards, type ShardResult } from './index-shards.ts';
import type { Progress } from '../build/phases.ts';
import { writeLookupTable } from './lookup-table.ts';
import { searchPage } from './search-html.ts';
import { planShards, searchShardLimit, shardListing, SHARD_MEMORY_MB, SHARDS_MANIFEST } from './shards.ts';

export interface BuildSearchOptions {
  cache?: BuildCache;
  /** called per shard: `search shard 3/9` */
  progress?: Progress;
  /** memory for all the shards indexing at once (MB); with SHARD_MEMORY_MB it sets how many run side by side */
  memoryMb?: number;
  /**
   * `--shard K/N`: index only the shards this job owns (0-based shard number, oldest first) into the cache; the
   * lookup table and the shard list are left to the assembling build.
   */
  owns?: (shard: number) => boolean;
}

/** The default memory budget of the search stage: two shards at once (docs/search.md). */
export const SEARCH_MEMORY_MB = 2 * SHARD_MEMORY_MB;

/**
 * The most the whole build (this process and its Pagefind services) may take while search runs. A large archive's
 * model keeps this process big (≈ 4 GB at 20,000 documents), so a second service starts only while it fits beside it.
 */
export const BUILD_MEMORY_CEILING_MB = 4096;

/** Shards indexed at once: one per core, within `memoryMb` for search, and within the ceiling beside `rssMb`. */
export function searchConcurrency(memoryMb: number, rssMb: number, cores = availableParallelism()): number {
  const besideBuild = Math.floor((BUILD_MEMORY_CEILING_MB - rssMb) / SHARD_MEMORY_MB);
  return Math.max(1, Math.min(cores, Math.floor(memoryMb / SHARD_MEMORY_MB), besideBuild));
}

/**
 * Write the lookup table and the index. Shards hold whole issues, oldest first, at most `search_shard_size` documents
 * and no more than fits SHARD_MEMORY_MB; up to one per core index at once within `memoryMb`. Each shard fails the build
 * when its bundle does not hold exactly its documents.
 */
export async function buildSearch(model: SiteModel, siteDir: string, options: BuildSearchOptions = {}): Promise<ShardResult[]> {
  const planned = planShards(model.issues, searchShardLimit(model.config));
  const concurrency = searchConcurrency(options.memoryMb ?? SEARCH_MEMORY_MB, process.memoryUsage().rss / 2 ** 20);
  const shards = planned
    .filter((_shard, position) => options.owns?.(position) ?? true)
    .map((shard) => ({ ...shard, documents: shard.documents.map((document) => searchPage(document, model)) }));
  if (options.owns) return indexShards(siteDir, shards, { cache: options.cache, progress: options.progress, concurrency });
  await writeLookupTable(model, siteDir);
  const results = await indexShards(siteDir, shards, { cache: options.cache, progress: options.progress, concurrency });
  // Always written (one entry for one bundle), so the search page never asks for a file that is not there. The newest
  // shard is pagefind/ itself; the others follow newest first.
  const manifest = path.join(siteDir, SHARDS_MANIFEST);
  await mkdir(path.dirname(manifest), { recursive: true });
  const labels = new Map(model.issues.map((issue) => [issue.key, issue.label]));
  await writeFile(manifest, JSON.stringify(shardListing(planned, (key) => labels.get(key)!)));
  return results;
}
