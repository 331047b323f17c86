// Pagefind candidates under test: a package folder each (its Node API module, its version and its extended binary).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type PagefindApi = typeof import('pagefind');

export interface Candidate {
  /** e.g. `1.6.0` */
  version: string;
  /** the `pagefind` package folder */
  packageDir: string;
  /** the `pagefind_extended` binary the Node API of this package would start */
  binary: string;
  /** this package's Node API (loaded by file URL, so two versions can live in one process) */
  api: PagefindApi;
}

/** The package folder of the repository's own Pagefind (node_modules/pagefind; its exports hide package.json). */
export function repoPagefindDir(): string {
  const entry = fileURLToPath(import.meta.resolve('pagefind')); // <dir>/lib/index.js
  return path.dirname(path.dirname(entry));
}

/** Load the candidate in `packageDir` (a folder holding package.json with name `pagefind`). */
export async function loadCandidate(packageDir: string): Promise<Candidate> {
  const dir = path.resolve(packageDir);
  const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string; main?: string };
  if (manifest.name !== 'pagefind' || !manifest.version) throw new Error(`${dir} is not a pagefind package folder`);
  const api = (await import(pathToFileURL(path.join(dir, manifest.main ?? 'lib/index.js')).href)) as PagefindApi;
  return { version: manifest.version, packageDir: dir, binary: extendedBinary(dir), api };
}

/** Resolved from the package folder exactly as its lib/resolveBinary.js does (the @pagefind/<platform>-<arch> package). */
function extendedBinary(packageDir: string): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const require = createRequire(path.join(packageDir, 'lib', 'resolveBinary.js'));
  return require.resolve(`@pagefind/${platform}-${arch()}/bin/pagefind_extended`);
}
