// Formats the evaluation as plain-text tables: recall, index time and memory, extrapolation, first-query bytes.
import { SCALE_NUMBER_DOCUMENTS, type ScaleBrowsing, type ScaleRuns } from './evaluate-scale.ts';
import type { SeedEvaluation } from './evaluate-seed.ts';
import type { Projection, VersionModel } from './extrapolate.ts';
import type { FirstQueryBytes } from './first-query-bytes.ts';
import { failureLines, recallScores, TOP, type ScoredQuery } from './recall.ts';
import { formatRange, gib, KiB_PER_GiB, kilobytes, mib, range } from './stats.ts';

const DASH = '–';
/** Failures listed per row of the at-scale number recall (all of them are in results.json). */
const SHOWN_SCALE_FAILURES = 6;

/** Left-aligned columns, two spaces apart. */
export function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => width(row[column] ?? ''))));
  return rows.map((row) => row.map((cell, column) => cell + ' '.repeat(widths[column]! - width(cell))).join('  ').trimEnd());
}

/** Display width: CJK and full-width characters take two columns. */
function width(text: string): number {
  let columns = 0;
  for (const char of text) columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return columns;
}

function recallCells(scored: ScoredQuery[]): string[] {
  return recallScores(scored).flatMap((score) => [`${score.at1}/${score.queries}`, `${score.at3}/${score.queries}`]);
}

export function recallSection(evaluations: SeedEvaluation[]): string[] {
  const queries = evaluations[0]?.scored ?? [];
  const words = queries.filter((query) => query.kind === 'word').length;
  const lines = [
    `## 1. Recall on the seed site (9 documents; ${queries.length} queries: ${words} word, ${queries.length - words} number)`,
    '',
    ...table([
      ['Pagefind', 'word @1', `word @${TOP}`, 'number @1', `number @${TOP}`, 'no results', 'index s', 'peak MiB'],
      ...evaluations.map((evaluation) => [
        evaluation.version,
        ...recallCells(evaluation.scored),
        String(evaluation.scored.filter((query) => query.total === 0).length),
        evaluation.index.pagefindSeconds.toFixed(2),
        mib(evaluation.index.maxRssKiB),
      ]),
    ]),
  ];
  for (const evaluation of evaluations) {
    const failures = failureLines(evaluation.scored);
    lines.push('', `Pagefind ${evaluation.version}: ${failures.length} queries not ranked first`, ...failures.map((line) => `  ${line}`));
  }
  return lines;
}

export function scaleSection(runs: ScaleRuns[], repeat: number, yearsPerShard: number): string[] {
  const byYears = shardLabel(yearsPerShard);
  const rows = [['documents', 'Pagefind', 'variant', 'processes', 'Pagefind s', 'wall s', 'peak MiB', 'late files†', 'largest shard']];
  for (const record of runs) {
    if (record.skipped.single) rows.push([String(record.docs), record.version, 'single', DASH, 'skipped', DASH, DASH, DASH, record.skipped.single]);
    else if (record.single.length > 0) rows.push(singleRow(record));
    if (record.skipped.sharded) rows.push([String(record.docs), record.version, byYears, DASH, 'skipped', DASH, DASH, DASH, record.skipped.sharded]);
    else if (record.sharded.length > 0) rows.push(shardedRow(record, byYears));
  }
  const failed = runs.flatMap((record) => [
    ...record.single.filter((run) => run.error).map((run) => `${record.docs} ${record.version} single: ${run.error}`),
    ...record.sharded.flatMap((run) => run.errors.map((error) => `${record.docs} ${record.version} ${byYears}, shard ${error}`)),
  ]);
  return [
    `## 2. Index time and peak memory (ranges over ${repeat} runs; Pagefind s = the Pagefind process's lifetime, wall = createIndex → close)`,
    '',
    ...table(rows),
    ...(failed.length ? ['', 'Failed runs:', ...failed.map((line) => `  ${line}`)] : []),
    '',
    '† files of the bundle still empty (0 bytes) when writeFiles had returned, per run; the script waits for them before',
    '  closing Pagefind. Closing at once (as src/search/index-site.ts does) can leave them empty: a broken bundle.',
  ];
}

function singleRow(record: ScaleRuns): string[] {
  const ok = record.single.filter((run) => !run.error);
  if (ok.length === 0) return [String(record.docs), record.version, 'single', '1', 'failed', DASH, abortedPeak(record.single), DASH, 'aborted, see below'];
  return [
    String(record.docs),
    record.version,
    'single',
    '1',
    formatRange(range(ok.map((run) => run.pagefindSeconds)), (n) => n.toFixed(1)),
    formatRange(range(ok.map((run) => run.wallMs / 1000)), (n) => n.toFixed(1)),
    formatRange(range(ok.map((run) => run.maxRssKiB)), mib),
    lateCell(record.single.map((run) => run.lateFiles)),
    '',
  ];
}

/** `by year`, or `by 10 years`. */
function shardLabel(yearsPerShard: number): string {
  return yearsPerShard === 1 ? 'by year' : `by ${yearsPerShard} years`;
}

/** Late files per run, e.g. `0, 3`. */
function lateCell(counts: number[]): string {
  return counts.join(', ');
}

/** A failed run still has the RSS it reached before it died: a lower bound of what it needed. */
function abortedPeak(runs: { maxRssKiB: number }[]): string {
  return `≥ ${mib(Math.max(...runs.map((run) => run.maxRssKiB)))}`;
}

function shardedRow(record: ScaleRuns, byYears: string): string[] {
  const ok = record.sharded.filter((run) => run.errors.length === 0);
  if (ok.length === 0) return [String(record.docs), record.version, byYears, DASH, 'failed', DASH, abortedPeak(record.sharded), DASH, 'aborted, see below'];
  const first = ok[0]!;
  return [
    String(record.docs),
    record.version,
    byYears,
    String(first.shards.length),
    formatRange(range(ok.map((run) => run.pagefindSeconds)), (n) => n.toFixed(1)),
    formatRange(range(ok.map((run) => run.wallMs / 1000)), (n) => n.toFixed(1)),
    formatRange(range(ok.map((run) => run.maxRssKiB)), mib),
    lateCell(record.sharded.map((run) => run.lateFiles)),
    `${first.largestShardDocuments} documents`,
  ];
}

export function extrapolationSection(models: VersionModel[], projections: Projection[], target: number, machineGiB: number, yearsPerShard: number): string[] {
  const modelLines = models.map((model) =>
    model.memory && model.seconds
      ? `  ${model.version}: peak ≈ ${mib(model.memory.intercept)} MiB + ${(model.memory.slope / 1024).toFixed(3)} MiB/document; ` +
        `time ≈ ${model.seconds.intercept.toFixed(2)} s + ${(model.seconds.slope * 1000).toFixed(2)} s/1000 documents (${model.points} processes)`
      : `  ${model.version}: not enough sizes measured for a line`,
  );
  const rows = [['Pagefind', 'variant', 'processes × documents', 'Pagefind peak GiB', '+ Node build GiB', 'total GiB', 'Pagefind s', `fits ${machineGiB} GB?`]];
  for (const projection of projections) {
    const total = projection.peakKiB + (projection.nodeKiB ?? 0);
    rows.push([
      projection.version,
      projection.variant === 'single' ? 'single' : shardLabel(yearsPerShard),
      `${projection.processes} × ${projection.documentsPerProcess}`,
      gib(projection.peakKiB),
      projection.nodeKiB === undefined ? DASH : gib(projection.nodeKiB),
      gib(total),
      projection.seconds.toFixed(0),
      verdict(total, machineGiB),
    ]);
  }
  return [
    `## 2b. Extrapolation to ${target} documents (least-squares lines through every measured Pagefind process)`,
    '',
    ...modelLines,
    '',
    ...table(rows),
    '',
    'fits = total ≤ 75 % of the machine; tight = ≤ 100 %; no = more. Sharded keeps the measured number of shards (more documents per shard).',
  ];
}

function verdict(totalKiB: number, machineGiB: number): string {
  const share = totalKiB / (machineGiB * KiB_PER_GiB);
  return share <= 0.75 ? 'fits' : share <= 1 ? 'tight' : 'no';
}

export function bytesSection(seed: SeedEvaluation[], scale: ScaleBrowsing[]): string[] {
  const rows = [['site', 'Pagefind', 'variant', 'query', 'results', 'bytes', 'requests', 'js', 'wasm', 'entry+meta', 'index', 'fragment', 'filter']];
  for (const evaluation of seed) for (const bytes of evaluation.bytes) rows.push(bytesRow('seed (9)', evaluation.version, 'single', bytes));
  for (const row of scale) {
    const variant = variantLabel(row);
    if (row.error) rows.push([String(row.docs), row.version, variant, `FAILED: ${row.error}`]);
    for (const bytes of row.bytes) rows.push(bytesRow(String(row.docs), row.version, variant, bytes));
  }
  return [
    '## 3. Bytes of the first query (fresh page, empty cache; CDP encodedDataLength of the page and its worker; the test server sends no gzip)',
    '',
    ...table(rows),
  ];
}

function bytesRow(site: string, version: string, variant: string, bytes: FirstQueryBytes): string[] {
  const kinds = [bytes.byKind.js, bytes.byKind.wasm, bytes.byKind['entry+meta'], bytes.byKind.index, bytes.byKind.fragment, bytes.byKind.filter];
  return [site, version, variant, bytes.query, String(bytes.results), kilobytes(bytes.bytes), String(bytes.requests), ...kinds.map(kilobytes)];
}

export function scaleRecallSection(scale: ScaleBrowsing[]): string[] {
  if (scale.length === 0) return [];
  const lines = [
    `## 3b. Number queries on the generated sites (${SCALE_NUMBER_DOCUMENTS} documents spread over each site: 发文字号 standard and [] form, 登记号 when it has one)`,
    '',
    ...table([
      ['documents', 'Pagefind', 'variant', 'number @1', `number @${TOP}`],
      ...scale.filter((row) => !row.error).map((row) => {
        const [, number] = recallScores(row.numberRecall);
        return [String(row.docs), row.version, variantLabel(row), `${number!.at1}/${number!.queries}`, `${number!.at3}/${number!.queries}`];
      }),
    ]),
  ];
  for (const row of scale) {
    const failures = failureLines(row.numberRecall);
    const shown = failures.slice(0, SHOWN_SCALE_FAILURES).map((line) => `  ${line}`);
    const more = failures.length > shown.length ? [`  … ${failures.length - shown.length} more in results.json`] : [];
    if (failures.length) lines.push('', `${row.docs} documents, Pagefind ${row.version} ${variantLabel(row)}: ${failures.length} not first`, ...shown, ...more);
  }
  return lines;
}

function variantLabel(row: ScaleBrowsing): string {
  return row.variant === 'single' ? 'single' : `${row.shards} shards merged`;
}
