// Runs one Pagefind indexing (Node API, forceLanguage zh-cn, as src/search/index-site.ts) with its binary under GNU time.
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Candidate } from './candidates.ts';

export const GNU_TIME = '/usr/bin/time';

export interface IndexJob {
  /** the built site (the folder Pagefind's addDirectory is pointed at) */
  siteDir: string;
  /** where the bundle goes, e.g. `<site>/_eval/1.6.0/pagefind` */
  outputPath: string;
  /** only pages matching this glob (relative to siteDir); default all HTML */
  glob?: string;
}

export interface IndexRun {
  pages: number;
  /** createIndex → close, as seen from Node */
  wallMs: number;
  /** peak RSS of the Pagefind process (GNU time %M) */
  maxRssKiB: number;
  /** lifetime of the Pagefind process (GNU time %e) */
  pagefindSeconds: number;
  /** user + system CPU seconds of the Pagefind process */
  cpuSeconds: number;
  /** files of the bundle still empty when writeFiles had returned (waited for before close; see settleOutput) */
  lateFiles: number;
  /** set when Pagefind failed, e.g. killed by the memory guard, or left empty files behind */
  error?: string;
}

export interface IndexGuard {
  /** folder for the wrapper scripts and GNU time outputs */
  scratchDir: string;
  /** address-space limit (ulimit -v) of the Pagefind process, so a runaway run aborts instead of exhausting the machine */
  memoryLimitGiB: number;
}

let runCounter = 0;

/** The line GNU time writes with -f '%M %e %U %S' when the process has ended. */
const TIME_LINE = /(\d+) ([\d.]+) ([\d.]+) ([\d.]+)\s*$/;

/** Index `job` with `candidate`; every call starts (and closes) its own Pagefind process. */
export async function runIndex(candidate: Candidate, job: IndexJob, guard: IndexGuard): Promise<IndexRun> {
  runCounter += 1;
  const stats = path.join(guard.scratchDir, `pagefind-${candidate.version}-${process.pid}-${runCounter}.time`);
  const wrapper = await writeWrapper(candidate.binary, stats, guard);
  const previous = process.env.PAGEFIND_EXTENDED_BINARY_PATH;
  process.env.PAGEFIND_EXTENDED_BINARY_PATH = wrapper; // read by the Node API when it starts its service
  const start = performance.now();
  let pages = 0;
  let lateFiles = 0;
  let error: string | undefined;
  const watch = new AbortController();
  try {
    pages = await Promise.race([indexAndWrite(candidate, job), processEnded(stats, watch.signal)]);
    lateFiles = (await emptyFiles(job.outputPath)).length;
    if (lateFiles > 0) await settleOutput(job.outputPath);
  } catch (caught) {
    error = (caught as Error).message ?? String(caught);
  } finally {
    watch.abort();
    await candidate.api.close().catch(() => null);
    restoreEnv(previous);
  }
  const wallMs = performance.now() - start;
  const figures = await readTimeOutput(stats);
  if (!figures) throw new Error(`no GNU time output in ${stats}`);
  const empty = error ? [] : await emptyFiles(job.outputPath);
  if (empty.length > 0) error = `incomplete bundle: ${empty.length} empty files after close, e.g. ${empty[0]}`;
  return { pages, wallMs, ...figures, lateFiles, ...(error ? { error } : {}) };
}

/** Zero-byte files of a written bundle (relative paths); a complete Pagefind bundle has none. */
async function emptyFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true });
  const empty: string[] = [];
  for (const name of names) {
    const info = await stat(path.join(dir, name));
    if (info.isFile() && info.size === 0) empty.push(name);
  }
  return empty;
}

/**
 * Pagefind's writeFiles can answer before every file has its content: seen as zero-byte pagefind-entry.json and
 * wasm files when the process is closed right away (1.5.2, a few shards in 38). Wait (≤ 10 s) until none is empty.
 */
async function settleOutput(dir: string, timeoutMs = 10_000): Promise<void> {
  for (let waited = 0; waited < timeoutMs; waited += 100) {
    if ((await emptyFiles(dir)).length === 0) return;
    await sleep(100);
  }
}

async function indexAndWrite(candidate: Candidate, job: IndexJob): Promise<number> {
  const { index, errors } = await candidate.api.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(`Pagefind did not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: job.siteDir, ...(job.glob ? { glob: job.glob } : {}) });
  if (added.errors.length > 0) throw new Error(`addDirectory: ${added.errors.join('; ')}`);
  await mkdir(job.outputPath, { recursive: true });
  const written = await index.writeFiles({ outputPath: job.outputPath });
  if (written.errors.length > 0) throw new Error(`writeFiles: ${written.errors.join('; ')}`);
  return added.page_count;
}

/**
 * Rejects when GNU time reports before the work is done, i.e. Pagefind died (e.g. allocation failure at the guard).
 * Without it the API's promises never settle and, the service being unref'd, Node would just exit silently.
 */
function processEnded(stats: string, signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const timer = setInterval(() => {
      const text = existsSync(stats) ? readFileSync(stats, 'utf8') : ''; // GNU time creates the file at start, fills it at exit
      if (!TIME_LINE.test(text)) return;
      clearInterval(timer);
      reject(new Error(`the Pagefind process ended early: ${text.trim().split('\n')[0]}`));
    }, 250);
    signal.addEventListener('abort', () => clearInterval(timer));
  });
}

function restoreEnv(previous: string | undefined): void {
  if (previous === undefined) delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
  else process.env.PAGEFIND_EXTENDED_BINARY_PATH = previous;
}

/**
 * The Node API stops its service with stdin EOF plus SIGTERM; SIGTERM would kill `time` before it reports, so the
 * wrapper ignores it (Pagefind exits on EOF). Same technique as scripts/bench/pagefind-memory.ts, plus the address-space
 * guard (ulimit -v) and no core dump of an aborted multi-GiB process.
 */
async function writeWrapper(binary: string, stats: string, guard: IndexGuard): Promise<string> {
  await mkdir(guard.scratchDir, { recursive: true });
  const wrapper = stats.replace(/\.time$/, '.sh');
  const limitKiB = Math.round(guard.memoryLimitGiB * 1024 * 1024);
  const script = [
    '#!/bin/sh',
    "trap '' TERM",
    `ulimit -v ${limitKiB}`,
    'ulimit -c 0',
    `exec ${GNU_TIME} -f '%M %e %U %S' -o ${quote(stats)} ${quote(binary)} "$@"`,
    '',
  ].join('\n');
  await writeFile(wrapper, script);
  await chmod(wrapper, 0o755);
  return wrapper;
}

function quote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** The last line GNU time wrote (`<KiB> <elapsed> <user> <sys>`); it may be preceded by "Command terminated by signal …". */
async function readTimeOutput(file: string, timeoutMs = 15_000): Promise<Pick<IndexRun, 'maxRssKiB' | 'pagefindSeconds' | 'cpuSeconds'> | undefined> {
  for (let waited = 0; waited <= timeoutMs; waited += 50) {
    const text = existsSync(file) ? await readFile(file, 'utf8') : '';
    const match = TIME_LINE.exec(text);
    if (match) {
      const [, rss, elapsed, user, system] = match.map(Number) as [number, number, number, number, number];
      return { maxRssKiB: rss, pagefindSeconds: elapsed, cpuSeconds: user + system };
    }
    await sleep(50);
  }
  return undefined;
}
