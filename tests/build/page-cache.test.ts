// The page cache's own guarantees: a corrupt or truncated page file (e.g. one edited in place through its hard link in dist/) is never served; it is rendered again, with a note.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.ts';
import { formatReport } from '../../src/report/format-report.ts';
import { makeSite, YONGZHOU_ISSUES } from '../helpers/content.ts';

const temp = () => mkdtempSync(path.join(tmpdir(), 'gazette-page-cache-'));

/** Every file under `dir` (relative paths, sorted). */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

async function build(cwd: string, out: string, cacheDir: string | false): Promise<string[]> {
  const lines: string[] = [];
  const result = await buildSite({ cwd, out, cacheDir, search: false, today: '2020-01-01', log: (line) => lines.push(line) });
  if (result.failed) throw new Error(`build failed:\n${formatReport(result.files)}`);
  return lines;
}

describe('page cache', () => {
  it('rebuilds corrupt and truncated page entries with a note, and the output stays the same', async () => {
    const cwd = makeSite({}, { from: YONGZHOU_ISSUES });
    const [cache, outs] = [temp(), temp()];
    await build(cwd, path.join(outs, 'cold'), cache);
    await build(cwd, path.join(outs, 'none'), false);
    // Cached pages are hard-linked into dist/: an edit in place there reaches the cache too (the cold output changes
    // with it, so the reference is the build without a cache).
    const entries = files(path.join(cache, 'pages-raw')).map((name) => path.join(cache, 'pages-raw', name));
    expect(entries.length).toBeGreaterThan(2);
    // One entry altered in its last byte, one cut short.
    const [altered, truncated] = entries.filter((file) => statSync(file).size > 64) as [string, string];
    const bytes = readFileSync(altered);
    bytes[bytes.length - 1] = bytes.at(-1)! ^ 1;
    writeFileSync(altered, bytes);
    writeFileSync(truncated, readFileSync(truncated).subarray(0, 40));

    const lines = await build(cwd, path.join(outs, 'warm'), cache);
    expect(lines.filter((line) => line.includes('已损坏'))).toHaveLength(2);
    expect(lines.find((line) => line.includes('个页面重新生成'))).toMatch(/^\s*2 个页面重新生成/);
    const names = files(path.join(outs, 'none'));
    expect(files(path.join(outs, 'warm'))).toEqual(names);
    expect(names.filter((name) => !readFileSync(path.join(outs, 'warm', name)).equals(readFileSync(path.join(outs, 'none', name))))).toEqual([]);
    // The rebuilt entries are whole again: a third build takes every page from the cache.
    const again = await build(cwd, path.join(outs, 'again'), cache);
    expect(again.find((line) => line.includes('个页面重新生成'))).toMatch(/^\s*0 个页面重新生成/);
  });
});
