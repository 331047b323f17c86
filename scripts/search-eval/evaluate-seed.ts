// Part 1 (and the seed row of part 3): index the 9-document seed site with each candidate, score recall, count bytes.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { serveStatic } from '../../src/build/static-server.ts';
import type { BundleSetup } from './browser.ts';
import type { Candidate } from './candidates.ts';
import { firstQueryBytes, type FirstQueryBytes } from './first-query-bytes.ts';
import { seedQueries } from './queries.ts';
import { evaluateRecall, type ScoredQuery } from './recall.ts';
import { runIndex, type IndexGuard, type IndexRun } from './run-index.ts';
import { checkSeedTargets, type BuiltSite } from './sites.ts';

/** The queries whose first-query cost is measured: one topic word, one 发文字号 (both exist in every generated site). */
export const BYTES_QUERIES = ['就业创业', '永政发〔2018〕3号'];

export interface SeedEvaluation {
  version: string;
  index: IndexRun;
  scored: ScoredQuery[];
  bytes: FirstQueryBytes[];
}

/** Site path of a candidate's single-index bundle. */
export function singleBundle(candidate: Candidate): BundleSetup {
  return { bundle: `/_eval/${candidate.version}/pagefind/`, merges: [] };
}

export function bundleDir(site: BuiltSite, bundlePath: string): string {
  return path.join(site.dir, ...bundlePath.split('/').filter(Boolean));
}

export async function evaluateSeed(site: BuiltSite, candidates: Candidate[], browser: Browser, guard: IndexGuard): Promise<SeedEvaluation[]> {
  checkSeedTargets(site);
  const indexed = [];
  for (const candidate of candidates) {
    const setup = singleBundle(candidate);
    const index = await runIndex(candidate, { siteDir: site.dir, outputPath: bundleDir(site, setup.bundle) }, guard);
    if (index.error) throw new Error(`Pagefind ${candidate.version} failed on the seed: ${index.error}`);
    indexed.push({ candidate, setup, index });
  }
  const server = await serveStatic(site.dir);
  try {
    const origin = server.url;
    const evaluations: SeedEvaluation[] = [];
    for (const { candidate, setup, index } of indexed) {
      const scored = await evaluateRecall(browser, origin, setup, seedQueries());
      const bytes = [];
      for (const query of BYTES_QUERIES) bytes.push(await firstQueryBytes(browser, origin, setup, query));
      evaluations.push({ version: candidate.version, index, scored, bytes });
    }
    return evaluations;
  } finally {
    await server.close();
  }
}
