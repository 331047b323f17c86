// Cache pruning: a whole build removes the entries it did not use, keeps what a build beside it wrote, and stays warm.
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, type BuildOptions } from '../../src/build/build-site.ts';
import { BuildCache } from '../../src/build/cache.ts';
import { forgetRenders } from '../../src/markdown/render-memo.ts';
import { formatReport } from '../../src/report/format-report.ts';
import { makeSite, YONGZHOU_ISSUES } from '../helpers/content.ts';

const temp = () => mkdtempSync(path.join(tmpdir(), 'gazette-prune-'));

/** Entry files of a namespace (temp files included). */
function entries(cacheDir: string, namespace: string): string[] {
  const root = path.join(cacheDir, namespace);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
}

/** Set a file's times `seconds` into the past. */
function age(file: string, seconds: number): void {
  const when = new Date(Date.now() - seconds * 1000);
  utimesSync(file, when, when);
}

describe('BuildCache.prune', () => {
  it('removes the entries of a used namespace that this build neither read nor wrote', async () => {
    const dir = temp();
    const before = await BuildCache.open({ dir });
    await before.put('render', 'aa01', 'kept: read again');
    await before.put('render', 'bb02', 'stale: an older body');
    await before.put('pdf', 'cc03', 'a namespace the next build does not touch');
    for (const [namespace, key] of [['render', 'aa01'], ['render', 'bb02'], ['pdf', 'cc03']] as const) age(before.file(namespace, key), 60);

    const cache = await BuildCache.open({ dir });
    expect((await cache.get('render', 'aa01'))?.toString()).toBe('kept: read again');
    await cache.put('render', 'dd04', 'written by this build');
    const pruned = await cache.prune();

    expect(pruned).toEqual({ files: 1, bytes: 32 + Buffer.byteLength('stale: an older body') });
    expect(entries(dir, 'render')).toEqual(['aa01', 'dd04']);
    expect(entries(dir, 'pdf')).toEqual(['cc03']);
    // The emptied bucket folder stays: a build writing beside this one may have just made it.
    expect(existsSync(path.join(dir, 'render', 'bb'))).toBe(true);
  });

  it('keeps what a build beside it wrote since it opened the cache, and removes only stale temp files', async () => {
    const dir = temp();
    const cache = await BuildCache.open({ dir });
    await cache.put('render', 'aa01', 'this build');
    const beside = await BuildCache.open({ dir });
    await beside.put('render', 'ee05', 'a build running beside this one');
    const bucket = path.join(dir, 'render', 'aa');
    writeFileSync(path.join(bucket, 'aa98.456-ef01.tmp'), 'being written beside this build');
    expect((await cache.prune()).files).toBe(0);
    expect(entries(dir, 'render')).toEqual(['aa01', 'aa98.456-ef01.tmp', 'ee05']);

    // A build that opens the cache eleven minutes later finds that temp file left by a build that died.
    const later = await BuildCache.open({ dir, openedAt: Date.now() + 11 * 60 * 1000 });
    for (const key of ['aa01', 'ee05']) await later.get('render', key);
    expect((await later.prune()).files).toBe(1);
    expect(entries(dir, 'render')).toEqual(['aa01', 'ee05']);
  });

  it('keeps a page file linked into the cache since it opened, though the page was rendered before', async () => {
    const dir = temp();
    const cache = await BuildCache.open({ dir });
    // Rendered a minute ago by a build beside this one, linked into the cache just now (ctime: now).
    const rendered = path.join(temp(), 'index.html');
    writeFileSync(rendered, '<p>a page</p>');
    age(rendered, 60);
    mkdirSync(path.join(dir, 'pages-raw', 'ff'), { recursive: true });
    linkSync(rendered, path.join(dir, 'pages-raw', 'ff', 'ff01'));
    await cache.put('pages-raw', 'ee01', 'a page this build used');
    expect((await cache.prune()).files).toBe(0);
    expect(entries(dir, 'pages-raw')).toEqual(['ee01', 'ff01']);
  });

  it('does nothing without a cache', async () => {
    expect(await (await BuildCache.open({ dir: false })).prune()).toEqual({ files: 0, bytes: 0 });
  });
});

describe('npm run build prunes the cache', () => {
  const DOCUMENT = 'issues/2018/02/yzf-2018-3.md';

  async function build(cwd: string, cacheDir: string, options: Partial<BuildOptions> = {}): Promise<string[]> {
    forgetRenders(); // each build reads the persistent cache, as the `npm run build` process does
    const lines: string[] = [];
    const result = await buildSite({ cwd, out: path.join(temp(), 'dist'), cacheDir, search: false, today: '2020-01-01', log: (line) => lines.push(line), pruneCache: true, ...options });
    if (result.failed) throw new Error(`build failed:\n${formatReport(result.files)}`);
    return lines;
  }

  it('holds one site after an edit, as a cold build of it would, and the next build is still warm', async () => {
    const cwd = makeSite({}, { from: YONGZHOU_ISSUES });
    const cacheDir = temp();
    await build(cwd, cacheDir);
    const file = path.join(cwd, DOCUMENT);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n本意见自印发之日起施行。\n`);

    const lines = await build(cwd, cacheDir);
    // The edited document's old render, its pages and its issue's pages, and the pages manifest of the old site.
    const removed = Number(/删除 (\d+) 个本次未用的条目/.exec(lines.join('\n'))?.[1]);
    expect(removed).toBeGreaterThanOrEqual(4);

    const cold = temp();
    await build(cwd, cold);
    for (const namespace of ['render', 'render-summaries', 'pages-raw', 'pages-manifest', 'downloads']) {
      expect(entries(cacheDir, namespace), namespace).toHaveLength(entries(cold, namespace).length);
    }
    const again = (await build(cwd, cacheDir)).join('\n');
    expect(again).toMatch(/0 篇渲染，\d+ 篇取自缓存/);
    expect(again).toMatch(/0 个页面重新生成/);
    expect(again).toMatch(/删除 0 个本次未用的条目/);
  });

  it('keeps a phase’s entries when the phase did not run, and everything with pruneCache off', async () => {
    const cwd = makeSite({}, { from: YONGZHOU_ISSUES });
    const cacheDir = temp();
    mkdirSync(path.join(cacheDir, 'search-shard', 'ab'), { recursive: true });
    writeFileSync(path.join(cacheDir, 'search-shard', 'ab', 'abcdef'), 'a shard of an earlier build with search');
    age(path.join(cacheDir, 'search-shard', 'ab', 'abcdef'), 60);
    await build(cwd, cacheDir);
    expect(entries(cacheDir, 'search-shard')).toEqual(['abcdef']);

    const renders = entries(cacheDir, 'render');
    const file = path.join(cwd, DOCUMENT);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n本意见自印发之日起施行。\n`);
    await build(cwd, cacheDir, { pruneCache: false });
    expect(entries(cacheDir, 'render')).toEqual(expect.arrayContaining(renders));
    expect(entries(cacheDir, 'render')).toHaveLength(renders.length + 1);
  });
});
