// The render pipeline's version: a hash of PIPELINE_VERSION, the lockfile and every source file a render runs, read once per process.
import { PACKAGE_ROOT, sourcesVersion } from '../runtime/sources-version.ts';

/**
 * Bump to invalidate every cached render by hand. Rarely needed: any change to a file of PIPELINE_SOURCES (the plugins,
 * the domain layer, a dependency) gives another version by itself.
 */
export const PIPELINE_VERSION = '11';

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
  return sourcesVersion(root, PIPELINE_SOURCES, PIPELINE_VERSION);
}
