// Runs a benchmark child (a TypeScript file under Node + tsx) with prefixed progress output, timing it from spawn to exit.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { REPO } from './seed-corpus.ts';

export interface ChildRun {
  code: number;
  /** spawn → exit, including Node and tsx start-up */
  wallMs: number;
}

/** Start `node --import tsx <script> <args>` in the repository, echoing its output as `  <label> │ line`. */
export function runChild(script: string, args: string[], options: { label: string; env?: Record<string, string> }): Promise<ChildRun> {
  const start = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: REPO,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  echo(child.stdout, options.label);
  echo(child.stderr, options.label);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, wallMs: performance.now() - start }));
  });
}

function echo(stream: Readable, label: string): void {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => process.stdout.write(`  ${label} │ ${line}\n`));
}
