// What a benchmark child process reports (phase times, memory high-water marks, pages written), and its JSON file I/O.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import type { PhaseResult } from '../../src/build/phases.ts';

export interface PhaseFigure {
  name: string;
  ms: number;
  /** the child's RSS high-water mark (getrusage maxRSS, KiB) when the phase ended; cumulative, never decreases */
  peakKiB: number | undefined;
}

export interface RunResult {
  phases: PhaseFigure[];
  /** the child's RSS high-water mark over its whole life (KiB); excludes Pagefind, which is its own process */
  maxRssKiB: number;
  /** .html files in the output folder */
  htmlFiles: number;
}

/** Progress logger for `Phases`: forwards every line and notes the high-water mark when a phase's end line is logged. */
export function phaseMeter(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)) {
  const peaks = new Map<string, number>();
  return {
    log(line: string): void {
      write(line);
      const ended = /^\s+(\S+) \d/.exec(line);
      if (ended?.[1]) peaks.set(ended[1], process.resourceUsage().maxRSS);
    },
    figures(results: PhaseResult[]): PhaseFigure[] {
      return results.map((result) => ({ name: result.name, ms: result.ms, peakKiB: peaks.get(result.name) }));
    },
  };
}

export async function countHtml(dir: string): Promise<number> {
  const names = await readdir(dir, { recursive: true });
  return names.filter((name) => name.endsWith('.html')).length;
}

export async function writeResult(file: string, result: RunResult): Promise<void> {
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
}

export async function readResult(file: string): Promise<RunResult> {
  return JSON.parse(await readFile(file, 'utf8')) as RunResult;
}

/** Write the child's result file: phase figures, its own RSS high-water mark and the pages written. */
export async function finishRun(file: string, meter: ReturnType<typeof phaseMeter>, results: PhaseResult[], out: string): Promise<void> {
  await writeResult(file, { phases: meter.figures(results), maxRssKiB: process.resourceUsage().maxRSS, htmlFiles: await countHtml(out) });
}

/** Run a child's main; its exit code becomes the process's, and a crash prints its stack (bench children are for developers). */
export function runChild(main: () => Promise<number>): void {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
      process.exitCode = 1;
    },
  );
}
