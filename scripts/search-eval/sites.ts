// Builds (or reuses) the sites under test without search: the seed issue, and generated N-document corpora.
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateCorpus } from '../bench/generate-corpus.ts';
import { runChild } from '../bench/run-child.ts';
import { numberQueries, SEED_TARGETS, type EvalQuery } from './queries.ts';

/** One entry of the site's /api/documents.json (the fields used here). */
export interface SiteDocument {
  url: string;
  doc_number: string;
  registration_code: string | null;
}

export interface BuiltSite {
  dir: string;
  documents: SiteDocument[];
  /** peak RSS of the Node build process (bench child's result file), which is still alive while Pagefind runs */
  nodePeakKiB?: number;
}

const MARKER = '.search-eval-built';

/** `npm run build -- --out <dir> --no-search` on the 永州 seed fixture, which the queries are written for (skipped when `dir` was built before). */
export async function seedSite(dir: string): Promise<BuiltSite> {
  if (!existsSync(path.join(dir, MARKER))) {
    await rm(dir, { recursive: true, force: true });
    const seed = ['--content', 'tests/fixtures/yongzhou/issues', '--config', 'tests/fixtures/yongzhou/gazette.config.yaml'];
    const child = await runChild('src/cli/build.ts', [...seed, '--out', dir, '--no-search', '--quiet'], { label: 'build seed' });
    if (child.code !== 0) throw new Error(`seed build failed (exit ${child.code})`);
    await writeFile(path.join(dir, MARKER), 'seed\n');
  }
  return { dir, documents: await readDocuments(dir) };
}

/**
 * An N-document site: the bench generator's corpus (replicas of the seed issue, 12 issues a year), built by the
 * bench child scripts/bench/run-ours.ts with --no-search. Reused when `<root>/site` was built before.
 */
export async function scaleSite(root: string, docs: number, perIssue: number | undefined): Promise<BuiltSite> {
  const dir = path.join(root, 'site');
  if (!existsSync(path.join(dir, MARKER))) {
    await rm(root, { recursive: true, force: true });
    const corpus = await generateCorpus({ root: path.join(root, 'corpus'), docs, ...(perIssue ? { perIssue } : {}) });
    const args = ['--content', corpus.contentDir, '--config', corpus.configPath, '--out', dir, '--result', path.join(root, 'build.json'), '--no-search'];
    const child = await runChild('scripts/bench/run-ours.ts', args, { label: `build ${docs}` });
    if (child.code !== 0) throw new Error(`${docs}-document build failed (exit ${child.code})`);
    await writeFile(path.join(dir, MARKER), `${docs} documents, per issue ${perIssue ?? 'default'}\n`);
  }
  const result = JSON.parse(await readFile(path.join(root, 'build.json'), 'utf8')) as { maxRssKiB: number };
  return { dir, documents: await readDocuments(dir), nodePeakKiB: result.maxRssKiB };
}

async function readDocuments(dir: string): Promise<SiteDocument[]> {
  return JSON.parse(await readFile(path.join(dir, 'api', 'documents.json'), 'utf8')) as SiteDocument[];
}

/** Every seed document has a query target and every target's numbers are the documents' (guards the query file). */
export function checkSeedTargets(site: BuiltSite): void {
  const numbers = new Map(site.documents.map((document) => [document.doc_number, document.registration_code]));
  for (const target of SEED_TARGETS) {
    if (!numbers.has(target.docNumber)) throw new Error(`query target ${target.docNumber} is not a seed document`);
    if ((target.registration ?? null) !== numbers.get(target.docNumber)) throw new Error(`登记号 of ${target.docNumber} differs from the seed`);
  }
  if (SEED_TARGETS.length !== site.documents.length) throw new Error(`the seed has ${site.documents.length} documents, the query file ${SEED_TARGETS.length}`);
}

/** Number queries for `count` documents spread evenly over a large site (its word queries would be meaningless: replicas). */
export function scaleNumberQueries(site: BuiltSite, count: number): EvalQuery[] {
  const step = Math.max(1, Math.floor(site.documents.length / count));
  const picked = site.documents.filter((_, index) => index % step === Math.floor(step / 2)).slice(0, count);
  return picked.flatMap((document) => numberQueries(document.doc_number, document.registration_code ?? undefined));
}

