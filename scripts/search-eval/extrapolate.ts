// Extrapolation: per version, lines through (documents indexed → Pagefind peak RSS, seconds) of every measured process.
import type { ScaleRuns, Variant } from './evaluate-scale.ts';
import type { IndexRun } from './run-index.ts';
import { fitLine, predict, type Line } from './stats.ts';

export interface VersionModel {
  version: string;
  /** Pagefind peak RSS (KiB) of one process indexing x documents */
  memory: Line | undefined;
  /** Pagefind process lifetime (s) for x documents */
  seconds: Line | undefined;
  points: number;
}

export interface Projection {
  version: string;
  variant: Variant;
  /** Pagefind processes (1, or one per shard, run one after another) */
  processes: number;
  documentsPerProcess: number;
  peakKiB: number;
  seconds: number;
  /** Node build process peak, alive while Pagefind runs (extrapolated from the builds); undefined if unknown */
  nodeKiB: number | undefined;
}

interface Point {
  documents: number;
  run: IndexRun;
}

/** Every successful Pagefind process of a version: the single indexes, and each shard of the sharded runs. */
function points(runs: ScaleRuns[], version: string): Point[] {
  return runs
    .filter((record) => record.version === version)
    .flatMap((record) => [
      ...record.single.map((run) => ({ documents: record.docs, run })),
      ...record.sharded.flatMap((sharded) => sharded.shards.map(({ shard, run }) => ({ documents: shard.documents, run }))),
    ])
    .filter((point) => !point.run.error && point.documents > 0);
}

export function versionModel(runs: ScaleRuns[], version: string): VersionModel {
  const measured = points(runs, version);
  return {
    version,
    memory: fitLine(measured.map((point) => ({ x: point.documents, y: point.run.maxRssKiB }))),
    seconds: fitLine(measured.map((point) => ({ x: point.documents, y: point.run.pagefindSeconds }))),
    points: measured.length,
  };
}

/**
 * Single index of `target` documents, and the sharded variant with `years` shards of target/years documents each
 * (the same span of years as the largest measured site: more documents per year, not more years).
 */
export function project(model: VersionModel, target: number, years: number, nodeKiB: number | undefined): Projection[] {
  if (!model.memory || !model.seconds) return [];
  const perShard = Math.ceil(target / years);
  const one = (variant: Variant, processes: number, documents: number): Projection => ({
    version: model.version,
    variant,
    processes,
    documentsPerProcess: documents,
    peakKiB: predict(model.memory!, documents),
    seconds: processes * predict(model.seconds!, documents),
    nodeKiB,
  });
  return [one('single', 1, target), one('sharded', years, perShard)];
}

/** Node build peak at `target` documents, from a line through the measured builds (needs two sizes). */
export function projectNode(builds: { documents: number; nodePeakKiB: number }[], target: number): number | undefined {
  const line = fitLine(builds.map((build) => ({ x: build.documents, y: build.nodePeakKiB })));
  return line ? predict(line, target) : undefined;
}

/** A predictor for the memory guard: the line through what was measured so far (or proportional, from one size). */
export function peakPredictor(runs: ScaleRuns[]): (version: string, documents: number) => number | undefined {
  return (version, documents) => {
    const measured = points(runs, version);
    if (measured.length === 0) return undefined;
    const line = fitLine(measured.map((point) => ({ x: point.documents, y: point.run.maxRssKiB })));
    if (line) return predict(line, documents);
    const largest = measured.reduce((a, b) => (a.documents >= b.documents ? a : b));
    return (largest.run.maxRssKiB / largest.documents) * documents;
  };
}
