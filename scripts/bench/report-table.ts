// Formats the benchmark figures: machine, corpus, per-phase wall time and memory for ours and the baseline, ratios, docs/s.
import os from 'node:os';
import type { GeneratedCorpus } from './generate-corpus.ts';
import type { PagefindFigures } from './pagefind-memory.ts';
import type { ChildRun } from './run-child.ts';
import type { PhaseFigure, RunResult } from './run-result.ts';

export interface Measured {
  result: RunResult;
  child: ChildRun;
  pagefind: PagefindFigures | undefined;
}

export interface BenchFigures {
  corpus: GeneratedCorpus;
  ours: Measured | undefined;
  baseline: Measured | undefined;
}

const PHASE_ORDER = ['config', 'load', 'validate', 'render', 'pages', 'downloads', 'eleventy', 'search', 'publish'];
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
  return [
    machineLine(),
    corpusLine(figures.corpus),
    '',
    ...phaseTable(figures),
    '',
    ...summaryLines(figures),
    '',
    ...footnotes(),
  ].join('\n');
}

function phaseTable({ ours, baseline }: BenchFigures): string[] {
  const rows = [row('', 'ours', '', 'baseline', ''), row('phase', 'time s', 'peak MiB†', 'time s', 'peak MiB†')];
  for (const name of phaseNames(ours, baseline)) {
    rows.push(row(name, ...phaseCells(ours, name), ...phaseCells(baseline, name)));
  }
  rows.push(row('sum of phases', seconds(sumMs(ours)), '', seconds(sumMs(baseline)), ''));
  rows.push(row('whole child process‡', seconds(ours?.child.wallMs), kib(ours?.result.maxRssKiB), seconds(baseline?.child.wallMs), kib(baseline?.result.maxRssKiB)));
  if (ours?.pagefind || baseline?.pagefind) {
    rows.push(row('Pagefind process§', secs(ours?.pagefind?.seconds), kib(ours?.pagefind?.maxRssKiB), secs(baseline?.pagefind?.seconds), kib(baseline?.pagefind?.maxRssKiB)));
  }
  return rows;
}

function phaseNames(...runs: (Measured | undefined)[]): string[] {
  const names = new Set(runs.flatMap((run) => run?.result.phases.map((phase) => phase.name) ?? []));
  const rank = (name: string) => (PHASE_ORDER.includes(name) ? PHASE_ORDER.indexOf(name) : PHASE_ORDER.length);
  return [...names].sort((a, b) => rank(a) - rank(b));
}

function phaseCells(run: Measured | undefined, name: string): [string, string] {
  const phase = findPhase(run, name);
  return [seconds(phase?.ms), kib(phase?.peakKiB)];
}

function findPhase(run: Measured | undefined, name: string): PhaseFigure | undefined {
  return run?.result.phases.find((phase) => phase.name === name);
}

function summaryLines({ corpus, ours, baseline }: BenchFigures): string[] {
  const docs = corpus.documents;
  const renderPages = phaseMs(ours, 'render', 'pages');
  const loadToPages = phaseMs(ours, 'config', 'load', 'validate', 'render', 'pages');
  const eleventy = phaseMs(baseline, 'eleventy');
  const search = [phaseMs(ours, 'search'), phaseMs(baseline, 'search')] as const;
  return [
    comparison('render + pages (ours) vs stock Eleventy build', renderPages, eleventy),
    comparison('config … pages (ours) vs stock Eleventy build', loadToPages, eleventy),
    ...(search.some((ms) => ms !== undefined) ? [comparison('Pagefind (ours) vs Pagefind (baseline)', ...search)] : []),
    `documents/s   ours: render+pages ${rate(docs, renderPages)}, whole build ${rate(docs, sumMs(ours))}` +
      `   baseline: Eleventy ${rate(docs, eleventy)}, whole build ${rate(docs, sumMs(baseline))}`,
    `HTML pages written   ours ${ours?.result.htmlFiles ?? DASH}, baseline ${baseline?.result.htmlFiles ?? DASH}`,
  ];
}

function comparison(label: string, oursMs: number | undefined, baselineMs: number | undefined): string {
  const ratio = oursMs !== undefined && baselineMs ? `${(oursMs / baselineMs).toFixed(2)}×` : DASH;
  return `${label}: ${seconds(oursMs)} s vs ${seconds(baselineMs)} s → ours/baseline ${ratio}`;
}

function footnotes(): string[] {
  return [
    '† RSS high-water mark of the Node child process (getrusage maxRSS) when the phase ended: cumulative, so it only grows; the phase that raises it is the one that needed the memory.',
    '‡ spawn → exit of the child, including Node/tsx start-up and module loading; MiB = the child\'s maxRSS over its whole life (Node only).',
    '§ the Pagefind binary runs as its own process: its lifetime and maxRSS from GNU time; not included in the Node figures. Peak total ≤ Node peak + Pagefind peak.',
    'Baseline: stock Eleventy 3 (markdown-it, default Liquid preprocessing of .md), one Nunjucks layout, no plugins; same .md files with the front-matter key page renamed printed_page (Eleventy reserves page); stock Pagefind API, forceLanguage zh-cn as in ours.',
  ];
}

function phaseMs(run: Measured | undefined, ...names: string[]): number | undefined {
  const phases = names.map((name) => findPhase(run, name));
  return phases.every((phase) => phase !== undefined) ? phases.reduce((sum, phase) => sum + phase!.ms, 0) : undefined;
}

function sumMs(run: Measured | undefined): number | undefined {
  return run?.result.phases.reduce((sum, phase) => sum + phase.ms, 0);
}

function rate(docs: number, ms: number | undefined): string {
  return ms ? `${Math.round(docs / (ms / 1000))}` : DASH;
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? DASH : (ms / 1000).toFixed(2);
}

function secs(value: number | undefined): string {
  return value === undefined ? DASH : value.toFixed(2);
}

function kib(value: number | undefined): string {
  return value === undefined ? DASH : ((value * 1024) / MiB).toFixed(0);
}

function row(name: string, ...cells: string[]): string {
  const [a = '', b = '', c = '', d = ''] = cells;
  return `${name.padEnd(22)}${a.padStart(9)}${b.padStart(11)}   ${c.padStart(9)}${d.padStart(11)}`;
}
