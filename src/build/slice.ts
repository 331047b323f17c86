// One slice of a sharded build (`npm run build -- --shard K/N`): which issues job K of N renders and indexes.
import { listedDocuments, type LoadedIssue } from '../content/load-corpus.ts';
import type { GazetteConfig } from '../content/schema.ts';
import { planShards, searchShardLimit } from '../search/shards.ts';

/** Job `index` (1-based) of `count`. */
export interface Slice {
  index: number;
  count: number;
}

/** `K/N` with 1 ≤ K ≤ N, or undefined. */
export function parseSlice(value: string): Slice | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  if (!match) return undefined;
  const slice = { index: Number(match[1]), count: Number(match[2]) };
  return slice.count >= 1 && slice.index >= 1 && slice.index <= slice.count ? slice : undefined;
}

/** Whether search shard number `shard` (0-based, oldest first) belongs to the slice: shards are dealt round-robin. */
export function ownsShard(slice: Slice, shard: number): boolean {
  return shard % slice.count === slice.index - 1;
}

/**
 * The keys of the issues in a slice. A slice is a set of whole search shards, planned exactly as the search stage
 * plans them (same issues, same document counts, same limit), so that every shard is rendered and indexed by one job
 * and the assembling build finds every render and every shard in the merged cache.
 */
export function sliceIssueKeys(issues: readonly LoadedIssue[], config: GazetteConfig, slice: Slice): Set<string> {
  const listed = issues.map((issue) => ({ key: issue.key, year: issue.address.year, number: issue.address.number, documents: listedDocuments(issue) }));
  const shards = planShards(listed, searchShardLimit(config));
  return new Set(shards.flatMap((shard, position) => (ownsShard(slice, position) ? shard.issues : [])));
}
