// Parts 2 and 3 at scale: index an N-document site (single index and one index per year), repeatedly; bytes and number recall.
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { serveStatic } from '../../src/build/static-server.ts';
import type { BundleSetup } from './browser.ts';
import type { Candidate } from './candidates.ts';
import { BYTES_QUERIES, bundleDir, singleBundle } from './evaluate-seed.ts';
import { firstQueryBytes, type FirstQueryBytes } from './first-query-bytes.ts';
import { evaluateRecall, type ScoredQuery } from './recall.ts';
import { runIndex, type IndexGuard, type IndexRun } from './run-index.ts';
import { planShards, runSharded, type Shard, type ShardedRun } from './shards.ts';
import { scaleNumberQueries, type BuiltSite } from './sites.ts';

export type Variant = 'single' | 'sharded';

export interface ScaleRuns {
  version: string;
  docs: number;
  single: IndexRun[];
  sharded: ShardedRun[];
  /** why a variant was not run (memory guard) */
  skipped: Partial<Record<Variant, string>>;
}

export interface ScaleBrowsing {
  docs: number;
  version: string;
  variant: Variant;
  shards: number;
  bytes: FirstQueryBytes[];
  numberRecall: ScoredQuery[];
  /** set when the browser could not search this bundle */
  error?: string;
}

/** Predicts the peak RSS (KiB) of one Pagefind process indexing `documents`, from earlier runs; undefined if none. */
export type PeakPredictor = (version: string, documents: number) => number | undefined;

/** Documents of the site whose numbers are queried at scale (each gives 2–3 number queries). */
export const SCALE_NUMBER_DOCUMENTS = 20;

export function shardedBundleRoot(candidate: Candidate): string {
  return `/_eval/${candidate.version}-sharded/`;
}

/** `repeat` rounds; each round runs every candidate's single index, then its sharded one (interleaved against drift). */
export async function indexAtScale(
  site: BuiltSite,
  candidates: Candidate[],
  options: { repeat: number; yearsPerShard: number; variants: Variant[]; guard: IndexGuard; predictPeak: PeakPredictor; log: (line: string) => void },
): Promise<ScaleRuns[]> {
  const shards = await planShards(site, options.yearsPerShard);
  const largestShard = Math.max(...shards.map((shard) => shard.documents));
  const docs = site.documents.length;
  const runs = candidates.map((candidate): ScaleRuns => ({
    version: candidate.version,
    docs,
    single: [],
    sharded: [],
    skipped: { ...notRequested(options.variants), ...guardSkips(candidate.version, docs, largestShard, options) },
  }));
  for (let round = 1; round <= options.repeat; round += 1) {
    for (const [index, candidate] of candidates.entries()) {
      const record = runs[index]!;
      if (!record.skipped.single) record.single.push(await single(site, candidate, options, round));
      if (!record.skipped.sharded) record.sharded.push(await sharded(site, candidate, shards, options, round));
    }
  }
  return runs;
}

function notRequested(variants: Variant[]): ScaleRuns['skipped'] {
  const skipped: ScaleRuns['skipped'] = {};
  for (const variant of ['single', 'sharded'] as const) if (!variants.includes(variant)) skipped[variant] = 'not requested (--variants)';
  return skipped;
}

/** Variants whose predicted peak would not fit the guard or the memory available now are not run. */
function guardSkips(version: string, docs: number, shardDocs: number, options: { guard: IndexGuard; predictPeak: PeakPredictor; log: (line: string) => void }): ScaleRuns['skipped'] {
  const skipped: ScaleRuns['skipped'] = {};
  const guardKiB = options.guard.memoryLimitGiB * 1024 * 1024;
  const availableKiB = memAvailableKiB();
  for (const [variant, size] of [['single', docs], ['sharded', shardDocs]] as const) {
    const predicted = options.predictPeak(version, size);
    if (predicted === undefined) continue;
    const gibs = (kib: number) => `${(kib / 1024 / 1024).toFixed(1)} GiB`;
    if (predicted > guardKiB * 0.9) skipped[variant] = `predicted peak ${gibs(predicted)} ≥ 90 % of the ${options.guard.memoryLimitGiB} GiB guard`;
    else if (predicted > availableKiB * 0.9) skipped[variant] = `predicted peak ${gibs(predicted)} ≥ 90 % of MemAvailable ${gibs(availableKiB)}`;
    if (skipped[variant]) options.log(`  ${version} ${variant} at ${docs} documents skipped: ${skipped[variant]}`);
  }
  return skipped;
}

/** MemAvailable from /proc/meminfo (KiB): the machine is shared, so a run must fit what is free now. */
function memAvailableKiB(): number {
  const match = /^MemAvailable:\s+(\d+) kB/m.exec(readFileSync('/proc/meminfo', 'utf8'));
  return match ? Number(match[1]) : Number.POSITIVE_INFINITY;
}

async function single(site: BuiltSite, candidate: Candidate, options: { guard: IndexGuard; log: (line: string) => void }, round: number): Promise<IndexRun> {
  const outputPath = bundleDir(site, singleBundle(candidate).bundle);
  await rm(outputPath, { recursive: true, force: true });
  const run = await runIndex(candidate, { siteDir: site.dir, outputPath }, options.guard);
  const late = run.lateFiles ? `, ${run.lateFiles} files written late` : '';
  options.log(`  round ${round} · ${candidate.version} single: ${run.pages} pages, ${run.pagefindSeconds.toFixed(1)} s, peak ${(run.maxRssKiB / 1024).toFixed(0)} MiB${late}${run.error ? ` — FAILED: ${run.error}` : ''}`);
  return run;
}

async function sharded(site: BuiltSite, candidate: Candidate, shards: Shard[], options: { guard: IndexGuard; log: (line: string) => void }, round: number): Promise<ShardedRun> {
  const root = bundleDir(site, shardedBundleRoot(candidate));
  await rm(root, { recursive: true, force: true });
  const run = await runSharded(candidate, site.dir, root, shards, options.guard);
  options.log(
    `  round ${round} · ${candidate.version} sharded: ${shards.length} shards, ${run.pagefindSeconds.toFixed(1)} s in all, largest peak ${(run.maxRssKiB / 1024).toFixed(0)} MiB` +
      (run.lateFiles ? `, ${run.lateFiles} files written late` : '') +
      (run.errors.length ? ` — FAILED: ${run.errors.join('; ')}` : ''),
  );
  return run;
}

/** After indexing: for each candidate and variant that was built, the first-query bytes and the number-query recall. */
export async function browseAtScale(site: BuiltSite, candidates: Candidate[], runs: ScaleRuns[], browser: Browser): Promise<ScaleBrowsing[]> {
  const server = await serveStatic(site.dir);
  const queries = scaleNumberQueries(site, SCALE_NUMBER_DOCUMENTS);
  const rows: ScaleBrowsing[] = [];
  try {
    for (const [index, candidate] of candidates.entries()) {
      const record = runs[index]!;
      const setups: [Variant, BundleSetup, number][] = [];
      const shardNames = record.sharded.find((run) => run.errors.length === 0)?.shards.map((entry) => entry.shard.name);
      if (record.single.some((run) => !run.error)) setups.push(['single', singleBundle(candidate), 1]);
      if (shardNames) setups.push(['sharded', shardedSetup(candidate, shardNames), shardNames.length]);
      for (const [variant, setup, count] of setups) {
        const row: ScaleBrowsing = { docs: site.documents.length, version: candidate.version, variant, shards: count, bytes: [], numberRecall: [] };
        try {
          for (const query of BYTES_QUERIES) row.bytes.push(await firstQueryBytes(browser, server.url, setup, query));
          row.numberRecall = await evaluateRecall(browser, server.url, setup, queries);
        } catch (error) {
          row.error = (error as Error).message.split('\n')[0];
        }
        rows.push(row);
      }
    }
  } finally {
    await server.close();
  }
  return rows;
}

/** Import the first shard's bundle and merge all the others: a query across every year. */
function shardedSetup(candidate: Candidate, shardNames: string[]): BundleSetup {
  const root = shardedBundleRoot(candidate);
  const [first, ...rest] = shardNames.map((name) => `${root}${name}/`);
  if (!first) throw new Error('no shards');
  return { bundle: first, merges: rest };
}
