// `npm run bench`: generate an N-document corpus; build it cold, warm after an edit and check it warm; build the anchors; print figures and goals.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeBaselineProject } from './bench/baseline-project.ts';
import { generateCorpus, type GeneratedCorpus } from './bench/generate-corpus.ts';
import { pagefindProbe } from './bench/pagefind-memory.ts';
import { formatFirstQueries, measureFirstQueries } from './bench/first-query.ts';
import { corpusLine, formatFigures, machineLine, type Measured, type OursRuns } from './bench/report-table.ts';
import { runChild } from './bench/run-child.ts';
import { compareDirs, formatComparison } from './bench/compare-dirs.ts';
import { editNewestDocument } from './bench/edit-document.ts';
import { hugoVersion, measureHugo, type HugoFigures } from './bench/hugo-anchor.ts';
import { readResult } from './bench/run-result.ts';
import { positiveInteger, say } from './lib/script-io.ts';
import { parseCli } from '../src/cli/cli-args.ts';

const HELP = `
usage: npm run bench -- --docs N [options]

Generates an N-document corpus in a temp folder by replicating the seed issue 2018/02 of the test
fixture tests/fixtures/yongzhou, with its config, not the site's own issues/ (fresh 发文字号, dates,
pages and issues; it must pass validation). Then, each build in its own Node process:

  1. ours, cold: buildSite with a fresh build cache;
  2. ours, warm: one document body of the newest issue edited, rebuilt with the same cache (phases shown);
  3. npm run check, warm: nothing changed, same cache;
  4. ours, cold of the edited content (--no-cache), byte-compared with the warm dist/ (same output?);
  5. stock Eleventy (markdown-it, one Nunjucks layout) + Pagefind API over the same Markdown;
  6. Hugo + Pagefind CLI over the same Markdown, when hugo is on PATH (apt-get install hugo), else skipped.

Prints the wall time and the peak memory of each run's whole process tree (sum of RSS of the child
and all its descendants, Pagefind included, sampled from /proc), each build's phases, issue #10's
goals as PASS/MISS lines (cold ≤ 1.0× Hugo + Pagefind CLI; warm pages + downloads + search ≤ 0.10×
cold; check warm ≤ 3 s; peak ≤ 2 GiB at 4000 and ≤ 4 GiB at 20000 documents), pages per second, and
then the bytes a reader downloads for a first search on our built site (real Chromium, gzip).
Every child gets one SOURCE_DATE_EPOCH (the bench's start unless set), so all builds share a build date.

options:
  --docs N          number of documents (default 1000)
  --per-issue N     documents per issue (default 9: each issue is one copy of the seed issue)
  --keep            keep the temp folder (corpus, outputs, cache, JSON results) and print its path
  --no-search       skip Pagefind in every build (our search phase and both anchors' indexing)
  --no-baseline-search
                    skip Pagefind in the stock Eleventy and Hugo anchors only (one stock index needs
                    ~1.7 MB per document: ~34 GB at 20000, more than this machine has)
  --no-warm         skip the edit, the warm build, the warm check and the comparison (cold only)
  --no-compare      skip the cold build of the edited content and the byte comparison
  --no-hugo         skip the Hugo + Pagefind CLI anchor
  --baseline-only   build only the anchors (stock Eleventy, Hugo + Pagefind CLI)
  -h, --help        show this help
`;

interface BenchOptions {
  docs: number;
  perIssue: number | undefined;
  keep: boolean;
  search: boolean;
  baselineSearch: boolean;
  ours: boolean;
  warm: boolean;
  compare: boolean;
  hugo: boolean;
}

function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseCli(
    {
      docs: { type: 'string', default: '1000' },
      'per-issue': { type: 'string' },
      keep: { type: 'boolean', default: false },
      'no-search': { type: 'boolean', default: false },
      'no-baseline-search': { type: 'boolean', default: false },
      'no-warm': { type: 'boolean', default: false },
      'no-compare': { type: 'boolean', default: false },
      'no-hugo': { type: 'boolean', default: false },
      'baseline-only': { type: 'boolean', default: false },
    },
    HELP,
    argv,
  );
  return {
    docs: positiveInteger('--docs', values.docs),
    perIssue: values['per-issue'] === undefined ? undefined : positiveInteger('--per-issue', values['per-issue']),
    keep: values.keep,
    search: !values['no-search'],
    baselineSearch: !values['no-search'] && !values['no-baseline-search'],
    ours: !values['baseline-only'],
    warm: !values['no-warm'],
    compare: !values['no-warm'] && !values['no-compare'],
    hugo: !values['no-hugo'],
  };
}

async function generate(root: string, options: BenchOptions): Promise<GeneratedCorpus> {
  say(`▸ generating ${options.docs} documents …`);
  let shown = 0;
  const corpus = await generateCorpus({
    root: path.join(root, 'corpus'),
    docs: options.docs,
    perIssue: options.perIssue,
    onProgress: (written, total) => {
      const step = Math.floor((written / total) * 4);
      if (step > shown || written === total) say(`  ${written}/${total} issues written`);
      shown = step;
    },
  });
  say(`  ${corpusLine(corpus)}`);
  return corpus;
}

/** One build of ours: `cache` is the cache folder, or false for --no-cache. */
async function buildOurs(root: string, corpus: GeneratedCorpus, search: boolean, run: { name: string; out: string; cache: string | false }): Promise<Measured> {
  const resultFile = path.join(root, `${run.name}.json`);
  const args = ['--content', corpus.contentDir, '--config', corpus.configPath, '--out', run.out, '--result', resultFile];
  args.push(...(run.cache === false ? ['--no-cache'] : ['--cache', run.cache]), ...(search ? [] : ['--no-search']));
  return measure('scripts/bench/run-ours.ts', args, { root, label: run.name, resultFile, search });
}

/** Cold, then (unless --no-warm) the edit, the warm build, the warm check and the comparison with a cold build. */
async function measureOurs(root: string, corpus: GeneratedCorpus, options: BenchOptions): Promise<OursRuns> {
  const out = path.join(root, 'ours-out');
  const cache = path.join(root, 'cache');
  say('▸ ours, cold (fresh cache) …');
  const runs: OursRuns = { cold: await buildOurs(root, corpus, options.search, { name: 'cold', out, cache }) };
  if (!options.warm) return runs;
  // A failure after the cold build is reported with the figures measured so far, not thrown.
  try {
    runs.edited = await editNewestDocument(corpus.contentDir);
    say(`▸ ours, warm after editing ${path.relative(corpus.contentDir, runs.edited.file)} …`);
    runs.warm = await buildOurs(root, corpus, options.search, { name: 'warm', out, cache });
    say('▸ npm run check, warm (nothing changed) …');
    const check = await runChild('src/cli/check.ts', ['--content', corpus.contentDir, '--config', corpus.configPath, '--cache', cache], { label: 'check', quiet: true });
    if (check.code !== 0) throw new Error(`check failed (exit ${check.code})`);
    runs.check = check;
    if (!options.compare) return runs;
    say('▸ ours, cold build of the edited content (no cache), to compare with the warm dist/ …');
    const reference = path.join(root, 'ours-edited-cold');
    runs.coldEdited = await buildOurs(root, corpus, options.search, { name: 'cold-edited', out: reference, cache: false });
    runs.comparison = await compareDirs(out, reference);
    say(`  ${formatComparison(runs.comparison, { a: 'warm', b: 'cold' })}`);
  } catch (error) {
    runs.failure = (error as Error).message;
    say(`  ✗ ${runs.failure}`);
  }
  return runs;
}

async function measureBaseline(root: string, corpus: GeneratedCorpus, search: boolean): Promise<Measured> {
  say('▸ building the baseline (stock Eleventy + markdown-it) …');
  const project = await writeBaselineProject(corpus.contentDir, path.join(root, 'baseline'));
  const resultFile = path.join(root, 'baseline.json');
  const args = ['--input', project.input, '--out', path.join(root, 'baseline', 'out'), '--result', resultFile];
  return measure('scripts/bench/run-baseline.ts', search ? args : [...args, '--no-search'], { root, label: 'baseline', resultFile, search });
}

/** The Hugo + Pagefind CLI figures, or the reason they are missing. */
async function measureHugoAnchor(root: string, corpus: GeneratedCorpus, options: BenchOptions): Promise<HugoFigures | string> {
  if (!options.hugo) return '--no-hugo';
  if (!hugoVersion()) return 'hugo is not on PATH (Debian: apt-get install hugo)';
  say(`▸ building with Hugo${options.baselineSearch ? ', then the Pagefind CLI' : ''} …`);
  return measureHugo(corpus.contentDir, path.join(root, 'hugo'), options.baselineSearch);
}

async function measureSearch(root: string): ReturnType<typeof measureFirstQueries> {
  say('▸ measuring the first search on our built site (Chromium) …');
  return measureFirstQueries(path.join(root, 'ours-out'));
}

async function measure(
  script: string,
  args: string[],
  at: { root: string; label: string; resultFile: string; search: boolean },
): Promise<Measured> {
  const probe = at.search ? await pagefindProbe(at.root, at.label) : undefined;
  const child = await runChild(script, args, { label: at.label, env: probe?.env });
  if (child.code !== 0) throw new Error(`${at.label} build failed (exit ${child.code})`);
  const pagefind = await probe?.read();
  if (at.search && !pagefind) say(`  (${at.label}: no Pagefind memory figure — GNU time or the Pagefind binary not found)`);
  return { result: await readResult(at.resultFile), child, pagefind };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2)); // --help prints HELP and exits; bad usage exits 2 with it
  // One build date for every child: a bench that crosses midnight in China must not make the warm and cold builds differ.
  process.env.SOURCE_DATE_EPOCH ??= String(Math.floor(Date.now() / 1000));
  say(machineLine());
  const root = await mkdtemp(path.join(tmpdir(), 'gazette-bench-'));
  try {
    const corpus = await generate(root, options);
    const ours = options.ours ? await measureOurs(root, corpus, options) : undefined;
    // An anchor that fails is reported, not thrown: the figures of ours must not be lost.
    const baseline = await measureBaseline(root, corpus, options.baselineSearch).catch((error: Error) => void say(`  ✗ stock Eleventy: ${error.message}`));
    const hugo = await measureHugoAnchor(root, corpus, options).catch((error: Error) => `failed: ${error.message}`);
    // The build figures are printed first: a failure of the browser measurement must not lose them.
    say('');
    say(formatFigures({ corpus, ours, baseline: baseline ?? undefined, hugo }));
    if (ours && options.search) {
      say('');
      try {
        say(formatFirstQueries(await measureSearch(root)).join('\n'));
      } catch (error) {
        say(`First query: not measured (${(error as Error).message.split('\n')[0]})`);
      }
    }
    return 0;
  } finally {
    if (options.keep) say(`\nkept ${root}`);
    else await rm(root, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error).message ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
