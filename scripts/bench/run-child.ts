// Runs a benchmark child (a TypeScript file under Node + tsx, or any command) with prefixed output, timing it from spawn
// to exit and sampling the peak memory of its whole process tree.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { watchTree } from './process-tree.ts';
import { REPO } from './seed-corpus.ts';

export interface ChildRun {
  code: number;
  /** spawn → exit, including Node and tsx start-up */
  wallMs: number;
  /** peak of the summed RSS of the child and all its descendants (worker threads included), sampled (KiB) */
  treePeakKiB: number;
}

export interface ChildOptions {
  /** prefix of the echoed lines */
  label: string;
  env?: Record<string, string>;
  /** working folder (default: the repository) */
  cwd?: string;
  /** echo only the last lines, and only when the child fails (for chatty children such as `check`) */
  quiet?: boolean;
}

/** Start `node --import tsx <script> <args>` in the repository, echoing its output as `  <label> │ line`. */
export function runChild(script: string, args: string[], options: ChildOptions): Promise<ChildRun> {
  return runCommand(process.execPath, ['--import', 'tsx', script, ...args], options);
}

/** Start any command the same way: timed, its process tree watched, its output echoed with the label. */
export function runCommand(command: string, args: string[], options: ChildOptions): Promise<ChildRun> {
  const start = performance.now();
  const child = spawn(command, args, {
    cwd: options.cwd ?? REPO,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const watch = child.pid === undefined ? undefined : watchTree(child.pid);
  const held: string[] = [];
  const onLine = options.quiet
    ? (line: string) => void (held.push(line) > 20 && held.shift())
    : (line: string) => process.stdout.write(`  ${options.label} │ ${line}\n`);
  echo(child.stdout, onLine);
  echo(child.stderr, onLine);
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      watch?.stop();
      reject(error);
    });
    child.on('close', (code) => {
      const treePeakKiB = watch?.stop() ?? 0;
      if (code !== 0) for (const line of held) process.stdout.write(`  ${options.label} │ ${line}\n`);
      resolve({ code: code ?? 1, wallMs: performance.now() - start, treePeakKiB });
    });
  });
}

function echo(stream: Readable, onLine: (line: string) => void): void {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
}
