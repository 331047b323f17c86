// The sharded variant: one Pagefind index per year (or per group of years) of a built site, each from its own process.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Candidate } from './candidates.ts';
import { runIndex, type IndexGuard, type IndexRun } from './run-index.ts';
import type { BuiltSite } from './sites.ts';

export interface Shard {
  /** folder name under the bundle root, e.g. `2018` or `2018-2027` */
  name: string;
  /** the year folders of the site it covers */
  years: string[];
  /** documents in those years */
  documents: number;
}

export interface ShardedRun {
  shards: { shard: Shard; run: IndexRun }[];
  /** sum over the shards (they run one after another) */
  wallMs: number;
  pagefindSeconds: number;
  /** the largest shard's Pagefind peak RSS */
  maxRssKiB: number;
  pages: number;
  /** files still empty when writeFiles had returned, over all shards (see run-index.ts) */
  lateFiles: number;
  /** documents of the largest shard */
  largestShardDocuments: number;
  errors: string[];
}

/** The site's year folders (`2018/`, `2019/` …), grouped `yearsPerShard` at a time. */
export async function planShards(site: BuiltSite, yearsPerShard: number): Promise<Shard[]> {
  const entries = await readdir(site.dir, { withFileTypes: true });
  const years = entries.filter((entry) => entry.isDirectory() && /^\d{4}$/.test(entry.name)).map((entry) => entry.name).sort();
  const perYear = documentsPerYear(site);
  const shards: Shard[] = [];
  for (let start = 0; start < years.length; start += yearsPerShard) {
    const group = years.slice(start, start + yearsPerShard);
    const documents = group.reduce((total, year) => total + (perYear.get(year) ?? 0), 0);
    shards.push({ name: group.length === 1 ? group[0]! : `${group[0]}-${group.at(-1)}`, years: group, documents });
  }
  return shards;
}

/** Documents per year folder, from the document URLs (`…/2018/02/yzf-2018-1/`). */
function documentsPerYear(site: BuiltSite): Map<string, number> {
  const counts = new Map<string, number>();
  for (const document of site.documents) {
    const year = /\/(\d{4})\/\d{2}\/[^/]+\/$/.exec(new URL(document.url).pathname)?.[1];
    if (year) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return counts;
}

/** Glob (relative to the site folder) selecting the pages of a shard's years. */
export function shardGlob(shard: Shard): string {
  return shard.years.length === 1 ? `${shard.years[0]}/**/*.html` : `{${shard.years.join(',')}}/**/*.html`;
}

/** Index every shard into `<bundleRoot>/<shard>/`, one Pagefind process each. */
export async function runSharded(candidate: Candidate, siteDir: string, bundleRoot: string, shards: Shard[], guard: IndexGuard): Promise<ShardedRun> {
  const results: ShardedRun['shards'] = [];
  for (const shard of shards) {
    const run = await runIndex(candidate, { siteDir, outputPath: path.join(bundleRoot, shard.name), glob: shardGlob(shard) }, guard);
    results.push({ shard, run });
  }
  const runs = results.map((result) => result.run);
  return {
    shards: results,
    wallMs: sum(runs.map((run) => run.wallMs)),
    pagefindSeconds: sum(runs.map((run) => run.pagefindSeconds)),
    maxRssKiB: Math.max(...runs.map((run) => run.maxRssKiB)),
    pages: sum(runs.map((run) => run.pages)),
    lateFiles: sum(runs.map((run) => run.lateFiles)),
    largestShardDocuments: Math.max(...shards.map((shard) => shard.documents)),
    errors: results.filter((result) => result.run.error).map((result) => `${result.shard.name}: ${result.run.error}`),
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
