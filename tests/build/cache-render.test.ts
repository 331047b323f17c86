// The render cache's safety: a corrupt entry is rebuilt with a note, an unwritable folder warns, a full disk fails the build, two builds share it.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.ts';
import { BuildCache, CacheFullError } from '../../src/build/cache.ts';
import { loadSite } from '../../src/build/load-site.ts';
import { Phases } from '../../src/build/phases.ts';
import { RENDER_NAMESPACE, SUMMARY_NAMESPACE } from '../../src/build/render-cache.ts';
import { forgetRenders } from '../../src/markdown/render-document.ts';
import { REPO, SMALL_CONTENT, makeSite } from '../helpers/content.ts';

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the small content (three documents) with its own cache folder. */
function site(): { dir: string; cacheDir: string } {
  const dir = makeSite({}, { from: SMALL_CONTENT });
  temps.push(dir);
  return { dir, cacheDir: path.join(dir, '.cache/gazette') };
}

/** Load as the build does (a new process: no memo), with the build's log. */
async function load(dir: string, cache: BuildCache, options: { messagesOnly?: boolean } = {}) {
  forgetRenders();
  const lines: string[] = [];
  const site = await loadSite({ cwd: dir, cache, ...options }, new Phases((line) => lines.push(line)));
  return { site, log: lines.join('\n') };
}

function entries(cacheDir: string, namespace: string): string[] {
  const root = path.join(cacheDir, namespace);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('the render cache', () => {
  it('rebuilds a corrupt or unreadable entry with a note in the build output', async () => {
    const { dir, cacheDir } = site();
    const cold = await load(dir, await BuildCache.open({ dir: cacheDir }));
    expect(cold.site.rendered).toHaveLength(3);
    const [torn, unreadable] = entries(cacheDir, RENDER_NAMESPACE);
    writeFileSync(torn!, readFileSync(torn!).subarray(0, 40)); // a torn write
    rmSync(unreadable!);
    mkdirSync(unreadable!); // reading it fails with EISDIR
    const warm = await load(dir, await BuildCache.open({ dir: cacheDir }));
    expect(warm.site.rendered).toHaveLength(2);
    expect(warm.log).toMatch(/⚠ 缓存条目 .+ 已损坏，已重新生成/);
    expect(warm.log).toMatch(/⚠ 缓存条目 .+ 无法读取（EISDIR），已重新生成/);
    expect(warm.site.failed).toBe(false);
    // The corrupt summary manifest too, for check.
    writeFileSync(entries(cacheDir, SUMMARY_NAMESPACE)[0]!, 'not an entry');
    const check = await load(dir, await BuildCache.open({ dir: cacheDir }), { messagesOnly: true });
    expect(check.log).toMatch(/⚠ 缓存条目 .+ 已损坏，已重新生成/);
    expect(check.site.rendered).toEqual([]); // the whole entries were still there
  });

  it('warns when its folder cannot be written, and the build goes on without it', async () => {
    const { dir } = site();
    writeFileSync(path.join(dir, 'not-a-folder'), '');
    const cache = await BuildCache.open({ dir: 'not-a-folder/cache', cwd: dir });
    const { site: loaded, log } = await load(dir, cache);
    expect(log).toMatch(/⚠ 构建缓存文件夹 .+ 无法写入（ENOTDIR），本次不使用缓存/);
    expect(loaded.rendered).toHaveLength(3);
    expect(loaded.failed).toBe(false);
    expect(loaded.model?.documents).toHaveLength(3);
  });

  it('fails the build on a full disk and leaves dist/ as it was', async () => {
    const { dir, cacheDir } = site();
    const dist = path.join(dir, 'dist');
    mkdirSync(dist);
    writeFileSync(path.join(dist, 'index.html'), 'the published site');
    const cache = await BuildCache.open({ dir: cacheDir });
    cache.put = async (namespace, key) => {
      throw new CacheFullError(cache.file(namespace, key));
    };
    forgetRenders();
    await expect(buildSite({ cwd: dir, cache, search: false })).rejects.toThrow(CacheFullError);
    expect(readdirSync(dist)).toEqual(['index.html']);
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe('the published site');
  });

  it('is shared by two checks running at once without a torn entry', async () => {
    const { dir, cacheDir } = site();
    const run = () =>
      promisify(execFile)(path.join(REPO, 'node_modules/.bin/tsx'), [path.join(REPO, 'src/cli/check.ts'), '--cache', cacheDir], { cwd: dir });
    const results = await Promise.all([run(), run()]);
    for (const { stderr } of results) expect(stderr).not.toContain('缓存');
    const files = [...entries(cacheDir, RENDER_NAMESPACE), ...entries(cacheDir, SUMMARY_NAMESPACE)];
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
    expect(files).toHaveLength(4); // three documents and one manifest
    const cache = await BuildCache.open({ dir: cacheDir });
    for (const file of files) expect(await cache.get(path.basename(path.dirname(path.dirname(file))), path.basename(file))).toBeDefined();
    expect(cache.notes).toEqual([]);
    const warm = await load(dir, cache, { messagesOnly: true });
    expect(warm.site.rendered).toEqual([]);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });
});
