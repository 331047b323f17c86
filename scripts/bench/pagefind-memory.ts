// Measures the Pagefind binary's own peak RSS: points the Pagefind Node API at a wrapper that runs it under GNU time.
import { existsSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const GNU_TIME = '/usr/bin/time';

export interface PagefindFigures {
  /** peak RSS of the Pagefind process itself (KiB), as reported by GNU time */
  maxRssKiB: number;
  /** the Pagefind process's lifetime (s) */
  seconds: number;
}

export interface PagefindProbe {
  /** environment for the child whose Pagefind should be measured */
  env: Record<string, string>;
  /** the figures once the Pagefind process has exited (it outlives pagefind.close() by a moment); undefined if none came */
  read(): Promise<PagefindFigures | undefined>;
}

/** A probe writing into `dir`, or undefined when GNU time or the Pagefind binary cannot be found. */
export async function pagefindProbe(dir: string, name: string): Promise<PagefindProbe | undefined> {
  const real = pagefindBinary();
  if (!real || !existsSync(GNU_TIME)) return undefined;
  const stats = path.join(dir, `pagefind-${name}.time`);
  const wrapper = path.join(dir, `pagefind-${name}.sh`);
  await writeFile(wrapper, wrapperScript(real, stats));
  await chmod(wrapper, 0o755);
  return { env: { PAGEFIND_EXTENDED_BINARY_PATH: wrapper }, read: () => readStats(stats) };
}

function pagefindBinary(): string | undefined {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  try {
    return createRequire(import.meta.url).resolve(`@pagefind/${platform}-${arch()}/bin/pagefind_extended`);
  } catch {
    return undefined;
  }
}

/**
 * The Node API stops its service with stdin EOF plus SIGTERM. SIGTERM would kill `time` before it reports,
 * so the wrapper ignores it (Pagefind then exits on EOF, as it does anyway) and `time` appends `<KiB> <seconds>`:
 * one line per Pagefind process (a sharded index runs one per shard).
 */
function wrapperScript(real: string, stats: string): string {
  return `#!/bin/sh\ntrap '' TERM\nexec ${GNU_TIME} -a -f '%M %e' -o ${quote(stats)} ${quote(real)} "$@"\n`;
}

function quote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** The largest peak over every Pagefind process of the build, and their summed lifetimes. */
async function readStats(file: string, timeoutMs = 10_000): Promise<PagefindFigures | undefined> {
  for (let waited = 0; waited <= timeoutMs; waited += 50) {
    const text = existsSync(file) ? await readFile(file, 'utf8') : '';
    const runs = [...text.matchAll(/^(\d+) ([\d.]+)\s*$/gm)].map((match) => ({ kib: Number(match[1]), seconds: Number(match[2]) }));
    if (runs.length > 0) {
      return { maxRssKiB: Math.max(...runs.map((run) => run.kib)), seconds: runs.reduce((sum, run) => sum + run.seconds, 0) };
    }
    await sleep(50);
  }
  return undefined;
}
