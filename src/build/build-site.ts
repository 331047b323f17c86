// The whole build, phase by phase: load → validate → render → pages (Eleventy) → search (Pagefind) → pdf (Chromium, --pdf) → sign → publish → cache (prune).
import path from 'node:path';
import { loadSite, type LoadedSite, type SiteSource } from './load-site.ts';
import { Phases, type PhasesOptions } from './phases.ts';
import { assertSafeOutDir, createStaging, discard, publish, resolveOnDisk } from './publish.ts';
import { DEFAULT_CONFIG_FILE } from '../content/load-config.ts';
import { TEMPLATES_DIR } from '../site/eleventy-config.ts';
import { buildSearch } from '../search/build-search.ts';
import { writeGazetteZip } from '../site/downloads.ts';
import { writePages } from '../site/write-pages.ts';
import { BuildCache } from './cache.ts';
import { ownsShard, type Slice } from './slice.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import type { KeyObject } from 'node:crypto';
import { signSite } from '../sign/sign-site.ts';
import { fingerprint } from '../sign/signing-key.ts';
import { writeIssuePdfs } from '../pdf/issue-pdf.ts';
import { tmpdir } from 'node:os';

export interface BuildOptions extends SiteSource {
  /** output folder, default `dist` */
  out?: string;
  /** skip the Pagefind stage (tests of pages only) */
  search?: boolean;
  /** the build cache folder (default `.cache/gazette` in `cwd`); `false` for none (`--no-cache`) */
  cacheDir?: string | false;
  log?: (line: string) => void;
  /** (tests) stands for the hash of templates/ and src/site/ in the page cache keys: a new value is a template change */
  templatesVersion?: string;
  /** where long phases show their progress (a TTY outside CI: `progressTerminal()`); none by default */
  terminal?: PhasesOptions['terminal'];
  /** the Ed25519 private key that signs api/manifest.json (`--sign-key`, GAZETTE_SIGNING_KEY); unsigned without one */
  signingKey?: KeyObject;
  /** (tests) most per-item pages per Eleventy run (write-pages.ts) */
  itemsPerRun?: number;
  /**
   * After publishing, remove the cache entries this build did not use (BuildCache.prune), so the cache holds one
   * site's worth. `npm run build` does unless `--keep-cache`; the API and the dev server do not.
   */
  pruneCache?: boolean;
}

/** How many search shards came from the cache, and how many Pagefind indexed. */
function shardNote(shards: readonly { cached: boolean }[]): string {
  const cached = shards.filter((shard) => shard.cached).length;
  return `${cached} 个检索分片取自缓存，${shards.length - cached} 个重新索引`;
}

/**
 * `npm run build -- --shard K/N`: render and index one slice of the corpus into the cache, and write no pages. N such
 * jobs, their caches merged, let one assembling build find every render and every search shard in the cache.
 */
export async function buildSlice(options: BuildOptions & { slice: Slice }): Promise<BuildResult & { shards: number }> {
  const cwd = options.cwd ?? process.cwd();
  const phases = new Phases(options.log, { terminal: options.terminal });
  const cache = options.cache ?? (await BuildCache.open({ dir: options.cacheDir, cwd }));
  if (!cache.enabled) throw new Error(`分片构建 --shard ${options.slice.index}/${options.slice.count} 的结果只写入构建缓存：请不要用 --no-cache，并确认缓存文件夹可写`);
  const site = await loadSite({ ...options, cache }, phases);
  const outDir = path.resolve(cwd, options.out ?? 'dist');
  if (site.failed || !site.model) return { ...site, phases, outDir, shards: 0 };
  let shards = 0;
  if (options.search !== false) {
    // Pagefind writes each owned shard's bundle here on its way into the cache; nothing of it is published.
    const scratch = await mkdtemp(path.join(tmpdir(), 'gazette-slice-'));
    try {
      const owns = (shard: number) => ownsShard(options.slice, shard);
      const results = await phases.run('search', () => buildSearch(site.model!, scratch, { cache, progress: phases.progress, owns }));
      phases.note(shardNote(results));
      shards = results.length;
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
  for (const note of cache.notes) phases.note(`⚠ ${note}`);
  return { ...site, phases, outDir, shards };
}

export interface BuildResult extends LoadedSite {
  phases: Phases;
  outDir: string;
}

/** Build the site into `out`. On content errors nothing is written and the previous output stays as it was. */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const outDir = await resolveOnDisk(path.resolve(cwd, options.out ?? 'dist'));
  const kept = [
    { label: '内容文件夹', path: path.resolve(cwd, options.content ?? 'issues'), within: true },
    { label: '站点配置', path: path.resolve(cwd, options.config ?? DEFAULT_CONFIG_FILE) },
    { label: '模板文件夹', path: TEMPLATES_DIR },
    { label: '工作文件夹', path: cwd },
  ];
  await assertSafeOutDir(outDir, await Promise.all(kept.map(async (entry) => ({ ...entry, path: await resolveOnDisk(entry.path) }))));
  const phases = new Phases(options.log, { terminal: options.terminal });
  const cache = options.cache ?? (await BuildCache.open({ dir: options.cacheDir, cwd }));
  const site = await loadSite({ ...options, cache }, phases);
  if (site.failed || !site.model) return { ...site, phases, outDir };

  const staging = await createStaging(outDir);
  try {
    // The /verify/ page names the key that will sign this build.
    const model = { ...site.model, signingKey: options.signingKey ? fingerprint(options.signingKey) : null };
    const written = await phases.run('pages', () => writePages(model, staging, { cache, templatesVersion: options.templatesVersion, itemsPerRun: options.itemsPerRun, note: (line) => phases.note(line) }));
    // The bulk download reads back the open-data files just written. A source gone since it was read fails the build
    // (MissingSourceError): a site whose zip link is broken must not replace the published one.
    await phases.run('downloads', () => writeGazetteZip(model, staging, { cache }));
    if (options.search !== false) {
      const shards = await phases.run('search', () => buildSearch(model, staging, { cache, progress: phases.progress }));
      if (cache.enabled) phases.note(shardNote(shards));
    }
    const pdfs = options.pdf ? await phases.run('pdf', () => writeIssuePdfs(model, staging, { cache, progress: phases.progress })) : [];
    if (options.pdf && cache.enabled) phases.note(`${pdfs.filter((pdf) => pdf.cached).length} 个 PDF 取自缓存，${pdfs.filter((pdf) => !pdf.cached).length} 个重新生成`);
    const signed = await phases.run('sign', () => signSite(model, staging, { key: options.signingKey, cwd, known: written, configDir: path.dirname(path.resolve(cwd, options.config ?? DEFAULT_CONFIG_FILE)) }));
    phases.note(
      signed.fingerprint
        ? `清单 api/manifest.json 列出 ${signed.files} 个文件，已用密钥 ${signed.fingerprint} 签名`
        : `⚠ 清单 api/manifest.json 未签名：没有签名密钥（--sign-key 文件 或 GAZETTE_SIGNING_KEY 环境变量，见 docs/authenticity.md）`,
    );
    await phases.run('publish', () => publish(staging, outDir));
    if (options.pruneCache && cache.enabled) {
      const pruned = await phases.run('cache', () => cache.prune());
      phases.note(`构建缓存：删除 ${pruned.files} 个本次未用的条目（${(pruned.bytes / 2 ** 20).toFixed(1)} MB）`);
    }
  } catch (error) {
    await discard(staging);
    throw error;
  } finally {
    for (const note of cache.notes) phases.note(`⚠ ${note}`);
  }
  return { ...site, phases, outDir };
}
