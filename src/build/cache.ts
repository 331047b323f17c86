// The persistent, content-addressed build cache (.cache/gazette/): entries keyed by the hash of everything they depend
// on, written atomically (temp file + rename), checked on read, so a stale or torn entry is never served.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Where the cache lives by default, under the working folder (gitignored). */
const DEFAULT_CACHE_DIR = '.cache/gazette';

/** The disk is full: the build must fail (and leave dist/ intact) rather than go on half-cached. */
export class CacheFullError extends Error {
  constructor(readonly file: string) {
    super(`磁盘已满，无法写入构建缓存 ${file}：请腾出空间后重新构建（上一次的 dist/ 保持不变）`);
  }
}

export interface CacheOptions {
  /** the cache folder (absolute, or relative to `cwd`); `false` for no cache (`--no-cache`) */
  dir?: string | false;
  cwd?: string;
  /** (tests) when the build opened the cache, ms; default now */
  openedAt?: number;
}


const DIGEST_BYTES = 32;

/** A temp file older than this when a build opens the cache was left by a build that died: prune removes it. */
const STALE_TEMP_MS = 10 * 60 * 1000;

/** What `prune` removed. */
export interface PruneResult {
  files: number;
  bytes: number;
}

/**
 * A store of byte entries by (namespace, key). Each entry file is the SHA-256 of its payload followed by the payload:
 * a truncated or altered entry fails the check and is treated as missing (with a note), then rebuilt by the caller.
 * A cache folder that cannot be written turns the cache off with a warning; the build goes on without it.
 */
export class BuildCache {
  /** problems met (unreadable or corrupt entries, a folder that cannot be written), for the build to print as notes */
  readonly notes: string[] = [];
  /** when this build opened the cache (ms): entries written since belong to a build running beside this one */
  readonly openedAt: number;
  #enabled: boolean;
  /** `namespace/key` of every entry this build read or wrote: what `prune` keeps */
  #used = new Set<string>();

  private constructor(readonly dir: string | undefined, openedAt = Date.now()) {
    this.openedAt = openedAt;
    this.#enabled = dir !== undefined;
  }

  /** Open (and create) the cache folder; `dir: false` gives a cache that stores nothing. */
  static async open(options: CacheOptions = {}): Promise<BuildCache> {
    if (options.dir === false) return new BuildCache(undefined);
    const dir = path.resolve(options.cwd ?? process.cwd(), options.dir ?? DEFAULT_CACHE_DIR);
    const cache = new BuildCache(dir, options.openedAt);
    try {
      await mkdir(dir, { recursive: true });
      const probe = path.join(dir, `.probe-${process.pid}-${randomBytes(4).toString('hex')}`);
      await writeFile(probe, '');
      await rm(probe, { force: true });
    } catch (error) {
      cache.disable(`构建缓存文件夹 ${dir} 无法写入（${(error as NodeJS.ErrnoException).code ?? String(error)}），本次不使用缓存：可用 --cache 指定其他文件夹`);
    }
    return cache;
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  /** The entry's file: `<dir>/<namespace>/<key[0..2]>/<key>`. */
  file(namespace: string, key: string): string {
    if (!this.dir) throw new Error('cache is off');
    return path.join(this.dir, namespace, key.slice(0, 2), key);
  }

  /** Record that this build uses the entry (read it, wrote it, or linked it into the output), so `prune` keeps it. */
  use(namespace: string, key: string): void {
    this.#used.add(`${namespace}/${key}`);
  }

  /** The payload of an entry, or undefined when there is none, it cannot be read, or it fails its check (noted). */
  async get(namespace: string, key: string): Promise<Buffer | undefined> {
    if (!this.#enabled) return undefined;
    const file = this.file(namespace, key);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        this.notes.push(`缓存条目 ${file} 无法读取（${code}），已重新生成`);
        // Out of the way, so that the rebuilt entry can take its place.
        await rm(file, { recursive: true, force: true }).catch(() => {});
      }
      return undefined;
    }
    const payload = bytes.subarray(DIGEST_BYTES);
    if (bytes.length < DIGEST_BYTES || !createHash('sha256').update(payload).digest().equals(bytes.subarray(0, DIGEST_BYTES))) {
      this.notes.push(`缓存条目 ${file} 已损坏，已重新生成`);
      await rm(file, { force: true }).catch(() => {});
      return undefined;
    }
    this.use(namespace, key);
    return payload;
  }

  async getJson<T>(namespace: string, key: string): Promise<T | undefined> {
    const bytes = await this.get(namespace, key);
    return bytes ? (JSON.parse(bytes.toString('utf8')) as T) : undefined;
  }

  /**
   * Store an entry: written to a temp file beside it, then renamed, so a reader (or a second build sharing the cache)
   * sees the whole old entry or the whole new one. A full disk throws CacheFullError; any other write error turns the
   * cache off with a warning.
   */
  async put(namespace: string, key: string, payload: Uint8Array | string): Promise<void> {
    if (!this.#enabled) return;
    const file = this.file(namespace, key);
    const bytes = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
    const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temp, Buffer.concat([createHash('sha256').update(bytes).digest(), bytes]));
      await rename(temp, file);
      this.use(namespace, key);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => {});
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EDQUOT') throw new CacheFullError(file);
      this.disable(`构建缓存无法写入 ${file}（${code ?? String(error)}），本次不再使用缓存`);
    }
  }

  async putJson(namespace: string, key: string, value: unknown): Promise<void> {
    await this.put(namespace, key, JSON.stringify(value));
  }

  /**
   * Remove what this build did not use, after a whole build: every entry of a namespace the build used (a phase that
   * did not run, such as `--pdf` or search, keeps its entries) that the build neither read nor wrote, except entries
   * written or linked since it opened the cache (a build running beside it), and temp files a dead build left. So
   * the cache holds one site's entries (what CI saves stays the size of the site). A build of other content running
   * beside it may lose entries it wrote before this one opened the cache: only misses for it, rendered again (several
   * sites sharing one cache use `--keep-cache`). Bucket folders stay, so a write beside it never finds its folder
   * gone. Problems are notes, never a failed build.
   */
  async prune(): Promise<PruneResult> {
    const removed: PruneResult = { files: 0, bytes: 0 };
    if (!this.#enabled || !this.dir) return removed;
    const used = new Set([...this.#used].map((entry) => entry.slice(0, entry.indexOf('/'))));
    for (const namespace of used) {
      const root = path.join(this.dir, namespace);
      for (const bucket of await readdir(root).catch(() => [])) {
        const folder = path.join(root, bucket);
        let names: string[];
        try {
          names = await readdir(folder);
        } catch {
          continue;
        }
        for (const name of names) {
          const temp = name.endsWith('.tmp');
          if (!temp && this.#used.has(`${namespace}/${name}`)) continue;
          const file = path.join(folder, name);
          try {
            const info = await stat(file);
            // A page file is a hard link to what Eleventy wrote, so its mtime is when the page was rendered; its ctime
            // is when it was linked into the cache (or last linked out of it by a build using it).
            const changed = Math.max(info.mtimeMs, info.ctimeMs);
            if (!info.isFile() || changed >= this.openedAt - (temp ? STALE_TEMP_MS : 0)) continue;
            await rm(file);
            removed.files++;
            removed.bytes += info.size;
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            if (code !== 'ENOENT') this.notes.push(`清理构建缓存时无法删除 ${file}（${code ?? String(error)}）`);
          }
        }
      }
    }
    return removed;
  }

  private disable(note: string): void {
    this.#enabled = false;
    this.notes.push(note);
  }
}
