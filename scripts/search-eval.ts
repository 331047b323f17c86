// `npx tsx scripts/search-eval.ts`: measures Pagefind candidates (recall on Chinese queries, index time/memory, query bytes).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { ISSUES_PER_YEAR } from './bench/generate-corpus.ts';
import { machineLine } from './bench/report-table.ts';
import { launchBrowser } from './search-eval/browser.ts';
import { loadCandidate, repoPagefindDir, type Candidate } from './search-eval/candidates.ts';
import { browseAtScale, indexAtScale, type ScaleBrowsing, type ScaleRuns, type Variant } from './search-eval/evaluate-scale.ts';
import { evaluateSeed, type SeedEvaluation } from './search-eval/evaluate-seed.ts';
import { peakPredictor, project, projectNode, versionModel } from './search-eval/extrapolate.ts';
import { bytesSection, extrapolationSection, recallSection, scaleRecallSection, scaleSection } from './search-eval/report.ts';
import type { IndexGuard } from './search-eval/run-index.ts';
import { scaleSite, seedSite, type BuiltSite } from './search-eval/sites.ts';
import { positiveInteger, say } from './lib/script-io.ts';
import { parseCli } from '../src/cli/cli-args.ts';

/** Documents of the seed issue: the bench generator's default issue size. */
const SEED_DOCUMENTS = 9;

const HELP = `
usage: npx tsx scripts/search-eval.ts --pagefind-1-5 DIR [options]

Decides the Pagefind version (and single vs per-year index) by measurement. Every candidate is a pagefind
package folder; each indexing runs that package's Node API (forceLanguage zh-cn, as src/search/index-site.ts)
with its binary under GNU time (peak RSS, lifetime) and an address-space guard (ulimit -v).

  1. recall   builds the seed site (issues/, --no-search), indexes it with every candidate, and runs the query
              set of scripts/search-eval/queries.ts in headless Chromium through the Pagefind JS API:
              recall@1 and @3 of the expected 发文字号, separately for word and number queries.
  2. scale    builds N-document sites with the bench generator (--no-search) and indexes each with every
              candidate, as one index and as one index per year (pagefind/<year>/ via addDirectory globs),
              --repeat times; then fits lines and extrapolates to --target documents.
  3. bytes    on the seed and every generated site: bytes fetched by a fresh page for its first query (CDP
              encodedDataLength, page + web worker), single index and all year shards merged (mergeIndex);
              also number-query recall on the generated sites.

Sites are kept in --work and reused by later runs (delete the folder to rebuild).

options:
  --pagefind-1-5 DIR      pagefind package folder of the 1.5 candidate, e.g. after
                          npm install --prefix /tmp/pf152 pagefind@1.5.2  →  /tmp/pf152/node_modules/pagefind
  --pagefind-1-6 DIR      the 1.6 candidate (default: the repository's node_modules/pagefind, if it is 1.6.x;
                          a /tmp install, npm install --prefix /tmp/pf160 pagefind@1.6.0, keeps the run
                          independent of changes to the repository's dependencies)
  --only LIST             recall,scale (default both; bytes belong to both)
  --docs LIST             site sizes for parts 2 and 3 (default 1000,4000)
  --per-issue N           documents per generated issue (bench generator default 9, i.e. 108 a year)
  --max-years N           instead of --per-issue: one seed issue (9 documents) per issue as the bench does,
                          more when a size would span over N years (12 issues a year), so the largest
                          sizes keep N years and their year shards grow with the corpus
  --repeat N              index runs per candidate, variant and size (default 2)
  --years-per-shard N     years per shard of the sharded variant (default 1)
  --variants LIST         single,sharded (default both)
  --target N              documents to extrapolate to (default 20000)
  --machine-gib N         memory of the production machine (default 24)
  --memory-limit-gib N    ulimit -v of each Pagefind process; runs predicted above 90 % of it, or of the
                          machine's MemAvailable, are skipped (default 16)
  --work DIR              working folder (default /tmp/search-eval)
  -h, --help              show this help
`;

interface Options {
  pagefind15: string | undefined;
  pagefind16: string;
  recall: boolean;
  scale: boolean;
  docs: number[];
  perIssue: number | undefined;
  maxYears: number | undefined;
  repeat: number;
  yearsPerShard: number;
  variants: Variant[];
  target: number;
  machineGiB: number;
  guard: IndexGuard;
  work: string;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseCli(
    {
      'pagefind-1-5': { type: 'string' },
      'pagefind-1-6': { type: 'string' },
      only: { type: 'string', default: 'recall,scale' },
      docs: { type: 'string', default: '1000,4000' },
      'per-issue': { type: 'string' },
      'max-years': { type: 'string' },
      repeat: { type: 'string', default: '2' },
      'years-per-shard': { type: 'string', default: '1' },
      variants: { type: 'string', default: 'single,sharded' },
      target: { type: 'string', default: '20000' },
      'machine-gib': { type: 'string', default: '24' },
      'memory-limit-gib': { type: 'string', default: '16' },
      work: { type: 'string', default: '/tmp/search-eval' },
    },
    HELP,
    argv,
  );
  const only = values.only.split(',');
  const work = path.resolve(values.work);
  return {
    pagefind15: values['pagefind-1-5'],
    pagefind16: values['pagefind-1-6'] ?? repoPagefindDir(),
    recall: only.includes('recall'),
    scale: only.includes('scale'),
    docs: values.docs.split(',').map((value) => positiveInteger('--docs', value)).sort((a, b) => a - b),
    perIssue: values['per-issue'] === undefined ? undefined : positiveInteger('--per-issue', values['per-issue']),
    maxYears: values['max-years'] === undefined ? undefined : positiveInteger('--max-years', values['max-years']),
    repeat: positiveInteger('--repeat', values.repeat),
    yearsPerShard: positiveInteger('--years-per-shard', values['years-per-shard']),
    variants: values.variants.split(',').filter((variant): variant is Variant => variant === 'single' || variant === 'sharded'),
    target: positiveInteger('--target', values.target),
    machineGiB: positiveInteger('--machine-gib', values['machine-gib']),
    guard: { scratchDir: path.join(work, 'time'), memoryLimitGiB: positiveInteger('--memory-limit-gib', values['memory-limit-gib']) },
    work,
  };
}

async function loadCandidates(options: Options): Promise<Candidate[]> {
  if (!options.pagefind15) throw new Error('--pagefind-1-5 DIR is required (npm install --prefix /tmp/pf152 pagefind@1.5.2, then DIR = /tmp/pf152/node_modules/pagefind)');
  const candidates = [await loadCandidate(options.pagefind16), await loadCandidate(options.pagefind15)];
  expectMinor(candidates[0]!, '1.6', '--pagefind-1-6');
  expectMinor(candidates[1]!, '1.5', '--pagefind-1-5');
  for (const candidate of candidates) say(`Pagefind ${candidate.version}: ${candidate.binary}`);
  return candidates;
}

/** The candidates are labelled by the version read at start; a folder holding another version is refused. */
function expectMinor(candidate: Candidate, minor: string, flag: string): void {
  if (!candidate.version.startsWith(`${minor}.`)) {
    throw new Error(`${flag}: ${candidate.packageDir} holds Pagefind ${candidate.version}, not ${minor}.x (npm install --prefix /tmp/pf${minor.replace('.', '')} pagefind@${minor})`);
  }
}

/** Documents per generated issue for a site of `docs` documents. */
function perIssueFor(options: Options, docs: number): number {
  if (options.perIssue) return options.perIssue;
  const withinYears = options.maxYears ? Math.ceil(docs / (ISSUES_PER_YEAR * options.maxYears)) : 0;
  return Math.max(SEED_DOCUMENTS, withinYears);
}

interface ScaleOutcome {
  runs: ScaleRuns[];
  sites: { docs: number; site: BuiltSite }[];
  browsing: ScaleBrowsing[];
}

async function runScale(options: Options, candidates: Candidate[], browser: Browser): Promise<ScaleOutcome> {
  const runs: ScaleRuns[] = [];
  const sites: ScaleOutcome['sites'] = [];
  const browsing: ScaleBrowsing[] = [];
  for (const docs of options.docs) {
    say(`▸ ${docs}-document site (generated, built without search) …`);
    const perIssue = perIssueFor(options, docs);
    const site = await scaleSite(path.join(options.work, `scale-${docs}-per-issue-${perIssue}`), docs, perIssue);
    sites.push({ docs, site });
    say(`▸ indexing ${site.documents.length} documents (${perIssue} per issue), ${options.repeat} rounds …`);
    const sized = await indexAtScale(site, candidates, { ...options, predictPeak: peakPredictor(runs), log: say });
    runs.push(...sized);
    say(`▸ first-query bytes and number recall on the ${docs}-document site …`);
    browsing.push(...(await browseAtScale(site, candidates, sized, browser)));
  }
  return { runs, sites, browsing };
}

function extrapolation(options: Options, candidates: Candidate[], scale: ScaleOutcome): string[] {
  const models = candidates.map((candidate) => versionModel(scale.runs, candidate.version));
  const largestSharded = scale.runs.filter((record) => record.sharded.length > 0).at(-1)?.sharded[0];
  const years = largestSharded?.shards.length ?? 1;
  const builds = scale.sites.flatMap(({ site }) => (site.nodePeakKiB ? [{ documents: site.documents.length, nodePeakKiB: site.nodePeakKiB }] : []));
  const nodeKiB = projectNode(builds, options.target);
  const projections = models.flatMap((model) => project(model, options.target, years, nodeKiB));
  return extrapolationSection(models, projections, options.target, options.machineGiB, options.yearsPerShard);
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2)); // --help prints HELP and exits; bad usage exits 2 with it
  say(machineLine());
  await mkdir(options.work, { recursive: true });
  const candidates = await loadCandidates(options);
  const browser = await launchBrowser();
  let seed: SeedEvaluation[] = [];
  let scale: ScaleOutcome | undefined;
  try {
    if (options.recall) {
      say('▸ seed site: build without search, index with each candidate, run the query set …');
      seed = await evaluateSeed(await seedSite(path.join(options.work, 'seed')), candidates, browser, options.guard);
    }
    if (options.scale) scale = await runScale(options, candidates, browser);
  } finally {
    await browser.close();
    await writeFile(path.join(options.work, 'results.json'), `${JSON.stringify({ options, seed, scale }, null, 2)}\n`);
  }
  const report = [
    machineLine(),
    ...(seed.length ? ['', ...recallSection(seed)] : []),
    ...(scale ? ['', ...scaleSection(scale.runs, options.repeat, options.yearsPerShard), '', ...extrapolation(options, candidates, scale)] : []),
    '',
    ...bytesSection(seed, scale?.browsing ?? []),
    ...(scale ? ['', ...scaleRecallSection(scale.browsing)] : []),
  ];
  say();
  say(report.join('\n'));
  await writeFile(path.join(options.work, 'report.txt'), `${report.join('\n')}\n`);
  say(`\nreport: ${path.join(options.work, 'report.txt')}, raw figures: ${path.join(options.work, 'results.json')}`);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`search-eval: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
