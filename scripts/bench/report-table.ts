// Formats the benchmark figures: machine, corpus, runs (wall, tree peak), phases, issue #10's goals as PASS/MISS, rates.
import os from 'node:os';
import { formatComparison, identical, type DirComparison } from './compare-dirs.ts';
import type { EditedDocument } from './edit-document.ts';
import type { GeneratedCorpus } from './generate-corpus.ts';
import type { HugoFigures } from './hugo-anchor.ts';
import type { PagefindFigures } from './pagefind-memory.ts';
import type { ChildRun } from './run-child.ts';
import type { PhaseFigure, RunResult } from './run-result.ts';

export interface Measured {
  result: RunResult;
  child: ChildRun;
  pagefind: PagefindFigures | undefined;
}

/** Our pipeline's scenarios, in the order the bench runs them. */
export interface OursRuns {
  /** fresh cache */
  cold: Measured;
  /** one document edited, same cache */
  warm?: Measured;
  edited?: EditedDocument;
  /** `npm run check`, nothing changed since the warm build, same cache */
  check?: ChildRun;
  /** --no-cache build of the edited content: the reference the warm dist/ is compared with */
  coldEdited?: Measured;
  comparison?: DirComparison;
  /** why the runs after the cold build stopped short */
  failure?: string;
}

export interface BenchFigures {
  corpus: GeneratedCorpus;
  ours: OursRuns | undefined;
  baseline: Measured | undefined;
  /** the Hugo + Pagefind CLI anchor, or why it was not run */
  hugo: HugoFigures | string;
}

export type Verdict = 'PASS' | 'MISS' | '—';

export interface Goal {
  verdict: Verdict;
  text: string;
}

/** Issue #10's goals. */
export const GOALS = {
  coldVsHugo: 1.0,
  warmShare: 0.1,
  checkMs: 3000,
  /** peak tree memory (GiB) by corpus size: the goal for the smallest size ≥ the corpus */
  memoryGiB: [
    { docs: 4000, gib: 2 },
    { docs: 20000, gib: 4 },
  ],
};

/** The phases of a rebuild that the warm goal counts (load, validate, render and publish are not in it). */
export const WARM_PHASES = ['pages', 'downloads', 'search'];

const PHASE_ORDER = ['config', 'load', 'validate', 'render', 'pages', 'downloads', 'eleventy', 'search', 'sign', 'publish', 'cache'];
const DASH = '–';
const MiB = 1024 * 1024;

export function machineLine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  return `Machine  ${cpus.length} CPUs (${model}), ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, Node ${process.version} (${process.platform} ${process.arch})`;
}

export function corpusLine(corpus: GeneratedCorpus): string {
  const years = corpus.firstYear === corpus.lastYear ? `${corpus.firstYear}` : `${corpus.firstYear}–${corpus.lastYear}`;
  return `Corpus   ${corpus.documents} documents in ${corpus.issues} issues, ${years}, ${(corpus.bytes / MiB).toFixed(1)} MiB of Markdown`;
}

export function formatFigures(figures: BenchFigures): string {
  const edited = figures.ours?.edited;
  return [
    machineLine(),
    corpusLine(figures.corpus),
    ...(edited ? [`Edit     ${edited.file.split('/issues/').at(-1)}: “…${edited.line.slice(-40)}”`] : []),
    ...(figures.ours?.failure ? [`FAILED   after the cold build: ${figures.ours.failure}`] : []),
    '',
    ...runTable(figures),
    '',
    ...phaseTable(figures),
    '',
    'Goals (issue #10)',
    ...goals(figures).map((goal) => `${goal.verdict.padEnd(5)} ${goal.text}`),
    '',
    ...sameOutputLines(figures.ours),
    ...rateLines(figures),
    '',
    ...footnotes(),
  ].join('\n');
}

function runTable({ ours, baseline, hugo }: BenchFigures): string[] {
  const cold = ours?.cold.child.wallMs;
  const line = (name: string, run: ChildRun | undefined) =>
    run ? [cells([name, 46], [seconds(run.wallMs), 9], [kib(run.treePeakKiB), 15], [ratio(run.wallMs, cold), 10])] : [];
  const anchor = typeof hugo === 'string' ? undefined : hugo;
  return [
    cells(['run', 46], ['wall s', 9], ['tree peak MiB*', 15], ['÷ cold', 10]),
    ...line('ours, cold (fresh cache)', ours?.cold.child),
    ...line('ours, warm after editing one document', ours?.warm?.child),
    ...line('npm run check, warm (nothing changed)', ours?.check),
    ...line('ours, cold of the edited content (no cache)', ours?.coldEdited?.child),
    ...line('stock Eleventy (+ Pagefind API)', baseline?.child),
    ...line('Hugo', anchor?.hugo),
    ...line('Pagefind CLI on Hugo’s output', anchor?.pagefind),
    ...(anchor?.pagefind ? line('Hugo + Pagefind CLI', sumRuns(anchor.hugo, anchor.pagefind)) : []),
    ...(typeof hugo === 'string' ? [`Hugo + Pagefind CLI: skipped — ${hugo}`] : [`Hugo: ${anchor!.version}`]),
  ];
}

function sumRuns(a: ChildRun, b: ChildRun): ChildRun {
  return { code: a.code || b.code, wallMs: a.wallMs + b.wallMs, treePeakKiB: Math.max(a.treePeakKiB, b.treePeakKiB) };
}

function phaseTable({ ours, baseline }: BenchFigures): string[] {
  const runs = [ours?.cold, ours?.warm, baseline];
  const rows = [
    cells(['', 22], ['ours cold', 20], ['ours warm', 20], ['stock Eleventy', 20]),
    cells(['phase', 22], ...runs.flatMap(() => [['time s', 9], ['peak MiB†', 11]] as [string, number][])),
  ];
  for (const name of phaseNames(...runs)) {
    rows.push(cells([name, 22], ...runs.flatMap((run) => phaseCells(run, name))));
  }
  rows.push(cells(['sum of phases', 22], ...runs.flatMap((run) => [[seconds(sumMs(run)), 9], ['', 11]] as [string, number][])));
  if (runs.some((run) => run?.pagefind)) {
    rows.push(cells(['largest Pagefind§', 22], ...runs.flatMap((run) => [[secs(run?.pagefind?.seconds), 9], [kib(run?.pagefind?.maxRssKiB), 11]] as [string, number][])));
  }
  return rows;
}

function phaseNames(...runs: (Measured | undefined)[]): string[] {
  const names = new Set(runs.flatMap((run) => run?.result.phases.map((phase) => phase.name) ?? []));
  const rank = (name: string) => (PHASE_ORDER.includes(name) ? PHASE_ORDER.indexOf(name) : PHASE_ORDER.length);
  return [...names].sort((a, b) => rank(a) - rank(b));
}

function phaseCells(run: Measured | undefined, name: string): [string, number][] {
  const phase = findPhase(run, name);
  return [
    [seconds(phase?.ms), 9],
    [kib(phase?.peakKiB), 11],
  ];
}

function findPhase(run: Measured | undefined, name: string): PhaseFigure | undefined {
  return run?.result.phases.find((phase) => phase.name === name);
}

/** The goal verdicts; '—' when the bench did not measure what a goal needs (and says why). */
export function goals({ corpus, ours, hugo }: BenchFigures): Goal[] {
  const cold = ours?.cold.child.wallMs;
  const anchor = typeof hugo === 'string' ? undefined : hugo;
  const anchorMs = anchor?.pagefind ? anchor.hugo.wallMs + anchor.pagefind.wallMs : undefined;
  const coldSearched = ours ? findPhase(ours.cold, 'search') !== undefined : false;
  const warmMs = phaseMs(ours?.warm, ...WARM_PHASES);
  const peak = peakRun(ours);
  const limit = GOALS.memoryGiB.find((goal) => corpus.documents <= goal.docs);
  return [
    cold !== undefined && anchorMs !== undefined && coldSearched
      ? verdict(cold / anchorMs <= GOALS.coldVsHugo, `cold ours / (Hugo + Pagefind CLI) = ${seconds(cold)} / ${seconds(anchorMs)} s = ${ratio(cold, anchorMs)} (goal ≤ ${GOALS.coldVsHugo.toFixed(2)}×)`)
      : missing(`cold ours / (Hugo + Pagefind CLI): not measured (${typeof hugo === 'string' ? hugo : 'Pagefind skipped: --no-search or --no-baseline-search'})`),
    cold !== undefined && warmMs !== undefined
      ? verdict(warmMs / cold <= GOALS.warmShare, `warm after edit: ${WARM_PHASES.join(' + ')} = ${seconds(warmMs)} s / cold ${seconds(cold)} s = ${ratio(warmMs, cold)} (goal ≤ ${GOALS.warmShare.toFixed(2)}×); whole warm build ${ratio(ours?.warm?.child.wallMs, cold)}`)
      : missing(`warm after edit: not measured${ours?.warm ? ` (no ${WARM_PHASES.join('/')} phases)` : ''}`),
    ours?.check
      ? verdict(ours.check.wallMs <= GOALS.checkMs, `check, warm: ${seconds(ours.check.wallMs)} s (goal ≤ ${GOALS.checkMs / 1000} s)`)
      : missing('check, warm: not measured'),
    peak && limit
      ? verdict(peak.kib <= limit.gib * 1024 * 1024, `peak memory of the whole process tree: ${gib(peak.kib)} GiB (${peak.name}) (goal ≤ ${limit.gib} GiB at ${limit.docs.toLocaleString('en')} documents)`)
      : missing(`peak memory of the whole process tree: ${peak ? `${gib(peak.kib)} GiB (${peak.name}); no goal stated above ${GOALS.memoryGiB.at(-1)!.docs} documents` : 'not measured'}`),
  ];
}

/** The largest tree peak over our runs, with the run's name. */
function peakRun(ours: OursRuns | undefined): { name: string; kib: number } | undefined {
  const runs = [
    { name: 'cold', run: ours?.cold.child },
    { name: 'warm', run: ours?.warm?.child },
    { name: 'check', run: ours?.check },
    { name: 'cold of the edited content', run: ours?.coldEdited?.child },
  ].flatMap(({ name, run }) => (run && run.treePeakKiB > 0 ? [{ name, kib: run.treePeakKiB }] : []));
  return runs.sort((a, b) => b.kib - a.kib)[0];
}

function verdict(pass: boolean, text: string): Goal {
  return { verdict: pass ? 'PASS' : 'MISS', text };
}

function missing(text: string): Goal {
  return { verdict: '—', text };
}

function sameOutputLines(ours: OursRuns | undefined): string[] {
  if (!ours?.comparison) return [`Same output: not compared${ours?.failure ? ` (${ours.failure})` : ''}`];
  const line = formatComparison(ours.comparison, { a: 'warm dist/', b: 'cold build of the edited content' });
  return [`Same output: ${identical(ours.comparison) ? 'YES' : 'NO'} — ${line}`];
}

function rateLines({ corpus, ours, baseline, hugo }: BenchFigures): string[] {
  const anchor = typeof hugo === 'string' ? undefined : hugo;
  const oursPages = phaseMs(ours?.cold, 'pages');
  const eleventy = phaseMs(baseline, 'eleventy');
  return [
    `pages/s       ours (pages phase, cold) ${rate(ours?.cold.result.htmlFiles, oursPages)}` +
      `   stock Eleventy ${rate(baseline?.result.htmlFiles, eleventy)}   Hugo ${rate(anchor?.htmlFiles, anchor?.hugo.wallMs)}`,
    `documents/s   ours whole cold build ${rate(corpus.documents, ours?.cold.child.wallMs)}` +
      `   stock Eleventy build ${rate(corpus.documents, eleventy)}   Hugo ${rate(corpus.documents, anchor?.hugo.wallMs)}`,
    `HTML pages written   ours ${ours?.cold.result.htmlFiles ?? DASH}, stock Eleventy ${baseline?.result.htmlFiles ?? DASH}, Hugo ${anchor?.htmlFiles ?? DASH}`,
  ];
}

function footnotes(): string[] {
  return [
    '* the sum of RSS over the process and all its descendants (worker threads, Pagefind, anything spawned), sampled from /proc every 100 ms: a peak shorter than that can be missed; pages shared between processes count once per process.',
    '† RSS high-water mark of the Node child process (getrusage maxRSS) when the phase ended: cumulative, so it only grows; Node only.',
    '§ the Pagefind binary as its own process: summed lifetime and the largest maxRSS of its processes (GNU time).',
    'Wall = spawn → exit, Node/tsx start-up included. Warm goal: the pages, downloads and search phases of the warm build over the whole cold build.',
    'Stock Eleventy: Eleventy 3 (markdown-it, default Liquid preprocessing of .md), one Nunjucks layout, no plugins; front-matter key page renamed printed_page (Eleventy reserves page); Pagefind API, forceLanguage zh-cn. Hugo: the same .md files unchanged, one layout, buildFuture, goldmark unsafe HTML; then node_modules/.bin/pagefind --site public --force-language zh-cn.',
  ];
}

function phaseMs(run: Measured | undefined, ...names: string[]): number | undefined {
  const phases = names.map((name) => findPhase(run, name));
  return phases.every((phase) => phase !== undefined) ? phases.reduce((sum, phase) => sum + phase!.ms, 0) : undefined;
}

function sumMs(run: Measured | undefined): number | undefined {
  return run?.result.phases.reduce((sum, phase) => sum + phase.ms, 0);
}

function ratio(a: number | undefined, b: number | undefined): string {
  return a !== undefined && b ? `${(a / b).toFixed(2)}×` : DASH;
}

function rate(count: number | undefined, ms: number | undefined): string {
  return count !== undefined && ms ? `${Math.round(count / (ms / 1000))}` : DASH;
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? DASH : (ms / 1000).toFixed(2);
}

function secs(value: number | undefined): string {
  return value === undefined ? DASH : value.toFixed(2);
}

function kib(value: number | undefined): string {
  return value === undefined || value === 0 ? DASH : ((value * 1024) / MiB).toFixed(0);
}

function gib(value: number): string {
  return (value / 1024 / 1024).toFixed(2);
}

/** The first cell left-aligned to its width, the others right-aligned to theirs. */
function cells(first: [string, number], ...rest: [string, number][]): string {
  return first[0].padEnd(first[1]) + rest.map(([text, width]) => text.padStart(width)).join('');
}
