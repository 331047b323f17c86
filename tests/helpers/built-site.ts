// Test helper: build a content folder into a temp dir (or take a fixture site global setup built), and read its pages as hast trees.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'hast';
import { inject } from 'vitest';
import { buildSite, type BuildOptions, type BuildResult } from '../../src/build/build-site.ts';
import { loadSite, type LoadedSite } from '../../src/build/load-site.ts';
import { formatReport } from '../../src/report/format-report.ts';
import { SECOND_GAZETTE, SHARED_SEED_BUILD } from './content.ts';

/** A built site folder and what loading its content gave. */
export interface SiteFolder {
  dir: string;
  result: LoadedSite;
  read(sitePath: string): string;
  html(sitePath: string): Root;
  json<T = unknown>(sitePath: string): T;
}

/** A site this test file built itself: the full build result. */
export interface BuiltSite extends SiteFolder {
  result: BuildResult;
}

function reader(dir: string): Omit<SiteFolder, 'result' | 'dir'> {
  const read = (sitePath: string) => {
    const file = sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath;
    return readFileSync(path.join(dir, file), 'utf8');
  };
  return { read, html: (sitePath) => fromHtml(read(sitePath)), json: (sitePath) => JSON.parse(read(sitePath)) };
}

/** Build into a fresh temp folder; throws with the report if the content has errors. */
export async function buildInto(options: BuildOptions = {}): Promise<BuiltSite> {
  const dir = options.out ?? path.join(mkdtempSync(path.join(tmpdir(), 'gazette-site-')), 'dist');
  // A fresh cache beside the output unless the test names one: never .cache/ in the working folder, which for the
  // seed fixture is inside the repository, and never a cache an earlier run left warm.
  const cacheDir = options.cacheDir ?? path.join(path.dirname(dir), `cache-${path.basename(dir)}`);
  const result = await buildSite({ ...options, out: dir, cacheDir });
  if (result.failed) throw new Error(`build failed:\n${formatReport(result.files)}`);
  return { dir, result, ...reader(dir) };
}

/**
 * The 永州 seed site, built once per test run by global setup with `SHARED_SEED_BUILD`; its model is loaded here with
 * the same options. Other test files read the same folder: never write into it (a test that must, builds its own).
 */
export async function sharedSeedSite(): Promise<SiteFolder> {
  const dir = inject('seedSite');
  const result = await loadSite(SHARED_SEED_BUILD);
  if (result.failed) throw new Error(`seed fixture failed to load:\n${formatReport(result.files)}`);
  return { dir, result, ...reader(dir) };
}

/**
 * The second gazette's site, built once per test run by global setup with `npm run build` in its folder; its model is
 * loaded here from the same folder. Never write into it.
 */
export async function sharedSecondSite(): Promise<SiteFolder & { log: string }> {
  const dir = inject('secondSite');
  const result = await loadSite({ cwd: SECOND_GAZETTE });
  if (result.failed) throw new Error(`second gazette failed to load:\n${formatReport(result.files)}`);
  return { dir, result, log: inject('secondSiteLog'), ...reader(dir) };
}

/** Build with the process time zone set to `zone` (dates must not depend on it), restoring it afterwards. */
export async function buildInZone(zone: string, options: BuildOptions): Promise<BuiltSite> {
  const previous = process.env.TZ;
  try {
    process.env.TZ = zone;
    return await buildInto(options);
  } finally {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  }
}
