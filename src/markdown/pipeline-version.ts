// The render pipeline's version: a hash of PIPELINE_VERSION, the lockfile and every source file a render runs, read once per process.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashOf } from '../build/cache.ts';

/**
 * Bump to invalidate every cached render by hand. Rarely needed: any change to a file of PIPELINE_SOURCES (the plugins,
 * the domain layer, a dependency) gives another version by itself.
 */
export const PIPELINE_VERSION = '11';

/** The package root (where package-lock.json is). */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * What a render depends on besides its input: the dependencies (package-lock.json), the plugins (src/markdown), the
 * domain layer they use (src/gazette) and the message helper (src/content/rules.ts). A file missing is hashed as absent.
 */
export const PIPELINE_SOURCES = ['package-lock.json', 'src/markdown', 'src/gazette', 'src/content/rules.ts'];

let current: string | undefined;

/** This process's pipeline version (computed on first use). */
export function pipelineVersion(): string {
  return (current ??= computePipelineVersion(PACKAGE_ROOT));
}

/** The pipeline version of the package at `root`: any change to a file of PIPELINE_SOURCES gives another version. */
export function computePipelineVersion(root: string): string {
  const parts: (string | Uint8Array)[] = [PIPELINE_VERSION];
  for (const source of PIPELINE_SOURCES) {
    for (const file of filesUnder(path.join(root, source))) {
      parts.push(path.relative(root, file).split(path.sep).join('/'), readFileSync(file));
    }
  }
  return hashOf(...parts);
}

/** The file itself, or every file under a folder, sorted by path; nothing when it does not exist. */
function filesUnder(target: string): string[] {
  let entries;
  try {
    entries = readdirSync(target, { withFileTypes: true, recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return [target];
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}
