// The version of some source files: one hash of their paths and bytes, so a change to any of them is a new version.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashOf } from './hash.ts';

/** The package root (where package-lock.json is). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The hash of `salt` and of every file of `sources` (paths relative to `root`: files, or folders taken whole), each
 * file by its `/`-separated path and its bytes, in path order. A source that does not exist counts as absent.
 */
export function sourcesVersion(root: string, sources: readonly string[], salt = ''): string {
  const parts: (string | Uint8Array)[] = [salt];
  for (const source of sources) {
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
