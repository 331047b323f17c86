// Splits the corpus into search shards of whole issues, oldest first, sized so one Pagefind index stays within memory.

export interface ShardIssue<T> {
  /** `2018-02` */
  key: string;
  year: number;
  number: number;
  documents: T[];
}

export interface SearchShard<T> {
  /** issue keys in this shard, oldest first */
  issues: string[];
  documents: T[];
  /** bundle folder under the site root: `pagefind/` for the last (newest) shard, `pagefind/shards/<name>/` else */
  bundle: string;
}

/**
 * Where the search page finds every shard, newest first (ShardListing[]; the first is `pagefind/`): it merges the
 * others as a search reaches them.
 */
export const SHARDS_MANIFEST = 'search/shards.json';

/** One shard as the search page knows it. */
export interface ShardListing {
  /** bundle folder under the site root */
  bundle: string;
  /** the labels of its oldest and newest issue (`2018年第2期`), for the page to say how far a search has reached */
  first: string;
  last: string;
  /**
   * the lowest and highest year of its documents' 成文日期 (what the 年份 facet filters by, and which can lie before
   * its issues' years: a first issue carries December documents), so that a search filtered by year skips the shards
   * outside it
   */
  years: [number, number];
}

/** The search page's list of `shards` (as planShards gives them), newest first; `labelOf` names an issue by its key. */
export function shardListing<T extends { year: number }>(shards: readonly SearchShard<T>[], labelOf: (issueKey: string) => string): ShardListing[] {
  return shards.toReversed().map((shard) => {
    const years = shard.documents.map((document) => document.year);
    return { bundle: shard.bundle, first: labelOf(shard.issues[0]!), last: labelOf(shard.issues.at(-1)!), years: [Math.min(...years), Math.max(...years)] };
  });
}

/**
 * Pagefind 1.6.0's peak memory for one index (pagefind_extended, Chinese pages): about 100 MB, plus about 1.6–1.8 MB
 * per document page (measured with GNU time on the 4,000-document bench corpus: 250 pages 0.45 GB, 500 pages 0.80–0.89
 * GB, 1,000 pages 1.54 GB, 4,000 pages 6.9–8.6 GB). docs/search.md has the figures.
 */
const PAGEFIND_BASE_MB = 100;
const PAGEFIND_MB_PER_DOCUMENT = 1.8;

/** The memory one shard's index may take: it fixes the shard size, the same on every machine (docs/search.md). */
export const SHARD_MEMORY_MB = 512;

/** The most documents one shard holds for a memory budget (MB), by the model above. */
export function documentsWithin(memoryMb: number): number {
  return Math.max(1, Math.floor((memoryMb - PAGEFIND_BASE_MB) / PAGEFIND_MB_PER_DOCUMENT));
}

/** The most documents in one search shard: the config's cap (`search_shard_size`), and what fits SHARD_MEMORY_MB. */
export function searchShardLimit(config: { search_shard_size: number }): number {
  return Math.min(config.search_shard_size, documentsWithin(SHARD_MEMORY_MB));
}

/**
 * Pack whole issues, oldest first, into shards of at most `maxDocuments` documents (an issue larger than that is a
 * shard alone). Filling from the oldest end keeps the plan stable: a new or edited document in the newest issue
 * changes only the last shard, so every other shard's index is reused from the cache.
 */
export function planShards<T>(issues: ShardIssue<T>[], maxDocuments: number): SearchShard<T>[] {
  const oldestFirst = [...issues].sort((a, b) => a.year - b.year || a.number - b.number);
  const packed: { issues: ShardIssue<T>[]; documents: T[] }[] = [];
  for (const issue of oldestFirst) {
    if (issue.documents.length === 0) continue;
    const current = packed.at(-1);
    if (current && current.documents.length + issue.documents.length <= maxDocuments) {
      current.issues.push(issue);
      current.documents.push(...issue.documents);
    } else {
      packed.push({ issues: [issue], documents: [...issue.documents] });
    }
  }
  const yearNames = packed.map((shard) => `${shard.issues[0]!.year}-${shard.issues.at(-1)!.year}`);
  return packed.map((shard, index) => {
    // Named by its years (2018-2019); by its first and last issue when another shard has the same years.
    const name = yearNames.indexOf(yearNames[index]!) === yearNames.lastIndexOf(yearNames[index]!) ? yearNames[index] : `${shard.issues[0]!.key}_${shard.issues.at(-1)!.key}`;
    return {
      issues: shard.issues.map((issue) => issue.key),
      documents: shard.documents,
      bundle: index === packed.length - 1 ? 'pagefind/' : `pagefind/shards/${name}/`,
    };
  });
}
