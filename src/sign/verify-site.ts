// Verify a published site, a built folder or one downloaded file against the signed manifest: the signature first, then every listed file's SHA-256.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { isListable, parseManifest } from './manifest.ts';
import { entryWithHash, MANIFEST_PATH, PUBLIC_KEY_PATH, SIGNATURE_PATH, type Manifest, type ManifestEntry } from './manifest-format.ts';
import { fingerprint, publicKeyFrom, verifyBytes } from './signing-key.ts';
import { inParallel } from '../runtime/in-parallel.ts';
import { sha256Hex } from '../runtime/hash.ts';

/** A problem that stops verification before any file is compared (unreachable site, no or malformed manifest). */
export class VerifyError extends Error {}

/** Where the site's files are read from: a folder, or a published site over http(s). */
export interface SiteSource {
  /** how the user named it */
  name: string;
  /** the bytes at a site path, or null when there is no such file */
  read(sitePath: string): Promise<Uint8Array | null>;
  /** every file's site path (a folder only) */
  list?(): Promise<string[]>;
}

/** A site by its address (`https://…`) or its folder. */
export function siteSource(target: string): SiteSource {
  return /^https?:\/\//i.test(target) ? urlSource(target) : folderSource(target);
}

export function folderSource(dir: string): SiteSource {
  return {
    name: dir,
    read: async (sitePath) => readFile(path.join(dir, sitePath)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'EISDIR' || error.code === 'ENOTDIR') return null;
      throw error;
    }),
    list: async () => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')),
  };
}

export function urlSource(site: string): SiteSource {
  const base = site.endsWith('/') ? site : `${site}/`;
  return {
    name: base,
    read: async (sitePath) => {
      let response: Response;
      try {
        response = await fetch(new URL(sitePath, base));
      } catch (error) {
        throw new VerifyError(`无法访问 ${new URL(sitePath, base).href}：${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}`);
      }
      if (response.status === 404) return null;
      if (!response.ok) throw new VerifyError(`${new URL(sitePath, base).href} 返回 HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}

export interface SignatureCheck {
  manifest: Manifest;
  /** the fingerprint of the key the signature was checked with */
  fingerprint: string;
  /** where that key came from: the --key file, or the site's own api/signing-key.pem */
  keySource: string;
}

/** Read the manifest and check its signature with `key` (else the site's published key); throws VerifyError on any failure, 签名无效 included. */
export async function checkSignature(source: SiteSource, key?: { key: KeyObject; source: string }): Promise<SignatureCheck> {
  const bytes = await source.read(MANIFEST_PATH);
  if (!bytes) throw new VerifyError(`${source.name} 中没有清单 ${MANIFEST_PATH}：这不是本系统构建的站点，或构建时没有生成清单`);
  let manifest: Manifest;
  try {
    manifest = parseManifest(bytes, MANIFEST_PATH);
  } catch (error) {
    throw new VerifyError((error as Error).message);
  }
  const signature = await source.read(SIGNATURE_PATH);
  if (!signature) throw new VerifyError(`清单未签名（没有 ${SIGNATURE_PATH}）：无法证明文件出自本刊`);
  let publicKey = key;
  if (!publicKey) {
    const pem = await source.read(PUBLIC_KEY_PATH);
    if (!pem) throw new VerifyError(`没有公钥：请用 --key 给出本刊公布的公钥（PEM），站点上也没有 ${PUBLIC_KEY_PATH}`);
    try {
      publicKey = { key: publicKeyFrom(new TextDecoder().decode(pem), PUBLIC_KEY_PATH), source: `${source.name.replace(/\/?$/, '/')}${PUBLIC_KEY_PATH}` };
    } catch (error) {
      throw new VerifyError((error as Error).message);
    }
  }
  if (!verifyBytes(bytes, new TextDecoder().decode(signature), publicKey.key)) {
    throw new VerifyError(`签名无效：${MANIFEST_PATH} 不是密钥 ${fingerprint(publicKey.key)}（${publicKey.source}）签发的，或清单已被改动`);
  }
  return { manifest, fingerprint: fingerprint(publicKey.key), keySource: publicKey.source };
}

export interface SiteReport {
  checked: number;
  changed: string[];
  missing: string[];
  /** files of a listed kind that the manifest does not list (a folder only) */
  unlisted: string[];
}

/** Compare every listed file with its hash; in a folder, also find files of a listed kind that the manifest does not list. */
export async function compareFiles(source: SiteSource, manifest: Manifest, onProgress?: (done: number, total: number) => void): Promise<SiteReport> {
  const report: SiteReport = { checked: 0, changed: [], missing: [], unlisted: [] };
  let done = 0;
  await inParallel(manifest.files, async (entry) => {
    const bytes = await source.read(entry.path);
    if (!bytes) report.missing.push(entry.path);
    else if (bytes.length !== entry.bytes || sha256Hex(bytes) !== entry.sha256) report.changed.push(entry.path);
    report.checked += 1;
    onProgress?.(++done, manifest.files.length);
  }, 8);
  if (source.list) {
    const listed = new Set(manifest.files.map((entry) => entry.path));
    report.unlisted = (await source.list()).filter((sitePath) => isListable(sitePath) && !listed.has(sitePath));
  }
  for (const list of [report.changed, report.missing, report.unlisted]) list.sort();
  return report;
}

/** The manifest entry a downloaded file is: by its SHA-256 (a file keeps its hash wherever it is saved). */
export function entryOfBytes(manifest: Manifest, bytes: Uint8Array): ManifestEntry | undefined {
  return entryWithHash(manifest, sha256Hex(bytes), bytes.length);
}

/** The site folder a file lies in: the nearest parent holding api/manifest.json, or undefined. */
export async function siteFolderOf(file: string): Promise<string | undefined> {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    if (await stat(path.join(dir, MANIFEST_PATH)).then(() => true, () => false)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
