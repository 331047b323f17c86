// Warm builds: after an edit, a build that reuses the cache writes a dist/ byte-identical to a cold build of the same content; a template change invalidates the cached pages.
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, type BuildOptions } from '../../src/build/build-site.ts';
import { formatReport } from '../../src/report/format-report.ts';
import { makeSite, YONGZHOU_ISSUES } from '../helpers/content.ts';

/** Every file under `dir` (relative paths, sorted). */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

function expectSameTree(actual: string, expected: string): void {
  const names = files(expected);
  expect(files(actual)).toEqual(names);
  const differing = names.filter((name) => !readFileSync(path.join(actual, name)).equals(readFileSync(path.join(expected, name))));
  expect(differing).toEqual([]);
}

/** Build the site in `cwd` into `out` with `cache`; returns the page-cache progress line, if any. */
async function build(cwd: string, out: string, cacheDir: string, options: Partial<BuildOptions> = {}): Promise<string> {
  const lines: string[] = [];
  const result = await buildSite({ cwd, out, cacheDir, search: false, today: '2020-01-01', log: (line) => lines.push(line), ...options });
  if (result.failed) throw new Error(`build failed:\n${formatReport(result.files)}`);
  return lines.find((line) => line.includes('个页面重新生成')) ?? '';
}

const temp = () => mkdtempSync(path.join(tmpdir(), 'gazette-warm-'));
const DOCUMENT = 'issues/2018/02/yzf-2018-3.md';
const CITING = 'issues/2018/02/yzbf-2018-1.md';

/** The seed, with one document citing another (so a title edit reaches a second document's page). */
function seedSite(): string {
  const cwd = makeSite({}, { from: YONGZHOU_ISSUES });
  appendFileSync(path.join(cwd, CITING), '\n参照《永州市人民政府关于做好当前和今后一段时期就业创业工作的实施意见》（永政发〔2018〕3号）执行。\n');
  return cwd;
}

describe('warm build', () => {
  const edits: [string, (text: string) => string][] = [
    ['a document body', (text) => `${text}\n本意见自印发之日起施行。\n`],
    ['the title of a cited document', (text) => text.replace(/^title: .*$/m, 'title: 永州市人民政府关于进一步做好就业创业工作的实施意见')],
  ];

  it.each(edits)('after editing %s, dist/ is byte-identical to a cold build of the edited content', async (_, edit) => {
    const cwd = seedSite();
    const [warmCache, coldCache, outs] = [temp(), temp(), temp()];
    await build(cwd, path.join(outs, 'before'), warmCache);
    writeFileSync(path.join(cwd, DOCUMENT), edit(readFileSync(path.join(cwd, DOCUMENT), 'utf8')));

    const progress = await build(cwd, path.join(outs, 'warm'), warmCache);
    await build(cwd, path.join(outs, 'cold'), coldCache);

    expectSameTree(path.join(outs, 'warm'), path.join(outs, 'cold'));
    // Most pages came from the cache, and the edited ones were rendered again.
    const [rendered, cached] = progress.match(/\d+/g)!.map(Number) as [number, number];
    expect(cached).toBeGreaterThan(rendered);
    expect(rendered).toBeGreaterThan(0);
    expect(readFileSync(path.join(outs, 'warm/2018/02/yzf-2018-3/index.html'), 'utf8')).not.toEqual(readFileSync(path.join(outs, 'before/2018/02/yzf-2018-3/index.html'), 'utf8'));
  });

  it('a template change invalidates every cached page', async () => {
    const cwd = seedSite();
    const [cache, outs] = [temp(), temp()];
    expect(await build(cwd, path.join(outs, 'a'), cache, { templatesVersion: 'one' })).toBe('');
    expect(await build(cwd, path.join(outs, 'b'), cache, { templatesVersion: 'one' })).toMatch(/^\s*0 个页面重新生成，\d+ 个取自缓存$/);
    // A new templates version finds nothing cached: every page is rendered (no progress line), and the output is the same.
    expect(await build(cwd, path.join(outs, 'c'), cache, { templatesVersion: 'two' })).toBe('');
    expectSameTree(path.join(outs, 'c'), path.join(outs, 'a'));
  });

  it('without a cache, the same content gives the same dist/', async () => {
    const cwd = seedSite();
    const [cache, outs] = [temp(), temp()];
    await build(cwd, path.join(outs, 'cached'), cache);
    await build(cwd, path.join(outs, 'warm'), cache);
    await build(cwd, path.join(outs, 'none'), cache, { cacheDir: false });
    expectSameTree(path.join(outs, 'warm'), path.join(outs, 'none'));
    expectSameTree(path.join(outs, 'cached'), path.join(outs, 'none'));
  });
});
