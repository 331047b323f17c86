// `npm run bench`: generate an N-document corpus, build it with our pipeline and with stock Eleventy, print times and memory.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeBaselineProject } from './bench/baseline-project.ts';
import { generateCorpus, type GeneratedCorpus } from './bench/generate-corpus.ts';
import { pagefindProbe } from './bench/pagefind-memory.ts';
import { formatFirstQueries, measureFirstQueries } from './bench/first-query.ts';
import { corpusLine, formatFigures, machineLine, type Measured } from './bench/report-table.ts';
import { runChild } from './bench/run-child.ts';
import { readResult } from './bench/run-result.ts';
import { positiveInteger, say } from './lib/script-io.ts';
import { parseCli } from '../src/cli/cli-args.ts';

const HELP = `
usage: npm run bench -- --docs N [options]

Generates an N-document corpus in a temp folder by replicating the seed issue 2018/02 of the test
fixture tests/fixtures/yongzhou, with its config, not the site's own issues/ (fresh 发文字号, dates,
pages and issues; it must pass validation), then builds it twice, each in
its own Node process: with our pipeline (buildSite) and with a stock Eleventy baseline
(markdown-it, one Nunjucks layout). Prints per-phase wall time and peak memory of both,
then the bytes a reader downloads for a first search on our built site (real Chromium,
served with gzip on 127.0.0.1).

options:
  --docs N          number of documents (default 1000)
  --per-issue N     documents per issue (default 9: each issue is one copy of the seed issue)
  --keep            keep the temp folder (corpus, both outputs, JSON results) and print its path
  --no-search       skip Pagefind in both builds
  --no-baseline-search
                    skip Pagefind in the baseline only (its single stock index needs ~1.7 MB per
                    document: ~34 GB at 20000, more than this machine has)
  --baseline-only   build only the baseline
  -h, --help        show this help
`;

interface BenchOptions {
  docs: number;
  perIssue: number | undefined;
  keep: boolean;
  search: boolean;
  baselineSearch: boolean;
  ours: boolean;
}

function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseCli(
    {
      docs: { type: 'string', default: '1000' },
      'per-issue': { type: 'string' },
      keep: { type: 'boolean', default: false },
      'no-search': { type: 'boolean', default: false },
      'no-baseline-search': { type: 'boolean', default: false },
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

async function measureOurs(root: string, corpus: GeneratedCorpus, search: boolean): Promise<Measured> {
  say('▸ building with our pipeline (buildSite) …');
  const out = path.join(root, 'ours-out');
  const resultFile = path.join(root, 'ours.json');
  const args = ['--content', corpus.contentDir, '--config', corpus.configPath, '--out', out, '--result', resultFile];
  return measure('scripts/bench/run-ours.ts', search ? args : [...args, '--no-search'], { root, label: 'ours', resultFile, search });
}

async function measureBaseline(root: string, corpus: GeneratedCorpus, search: boolean): Promise<Measured> {
  say('▸ building the baseline (stock Eleventy + markdown-it) …');
  const project = await writeBaselineProject(corpus.contentDir, path.join(root, 'baseline'));
  const resultFile = path.join(root, 'baseline.json');
  const args = ['--input', project.input, '--out', path.join(root, 'baseline', 'out'), '--result', resultFile];
  return measure('scripts/bench/run-baseline.ts', search ? args : [...args, '--no-search'], { root, label: 'baseline', resultFile, search });
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
  say(machineLine());
  const root = await mkdtemp(path.join(tmpdir(), 'gazette-bench-'));
  try {
    const corpus = await generate(root, options);
    const ours = options.ours ? await measureOurs(root, corpus, options.search) : undefined;
    const baseline = await measureBaseline(root, corpus, options.baselineSearch);
    // The build figures are printed first: a failure of the browser measurement must not lose them.
    say('');
    say(formatFigures({ corpus, ours, baseline }));
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
