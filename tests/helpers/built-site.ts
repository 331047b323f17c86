// Test helper: build a content folder into a temp dir once per test file, and read its pages as hast trees.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'hast';
import { buildSite, type BuildOptions, type BuildResult } from '../../src/build/build-site.ts';
import { formatReport } from '../../src/report/format-report.ts';

export interface BuiltSite {
  dir: string;
  result: BuildResult;
  read(sitePath: string): string;
  html(sitePath: string): Root;
  json<T = unknown>(sitePath: string): T;
}

/** Build into a fresh temp folder; throws with the report if the content has errors. */
export async function buildInto(options: BuildOptions = {}): Promise<BuiltSite> {
  const dir = options.out ?? path.join(mkdtempSync(path.join(tmpdir(), 'gazette-site-')), 'dist');
  const result = await buildSite({ ...options, out: dir });
  if (result.failed) throw new Error(`build failed:\n${formatReport(result.files)}`);
  const read = (sitePath: string) => {
    const file = sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath;
    return readFileSync(path.join(dir, file), 'utf8');
  };
  return { dir, result, read, html: (sitePath) => fromHtml(read(sitePath)), json: (sitePath) => JSON.parse(read(sitePath)) };
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
