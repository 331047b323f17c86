// The build's last step before publish: write the manifest of the staged site, its Ed25519 signature when a key is given, and the public key.
import type { WrittenPages } from '../site/page-cache.ts';
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { KeyObject } from 'node:crypto';
import type { SiteModel } from '../site/site-model.ts';
import { buildManifest, manifestBytes } from './manifest.ts';
import { KEYS_PATH, MANIFEST_PATH, PUBLIC_KEY_PATH, SIGNATURE_PATH } from './manifest-format.ts';
import { fingerprint, publicKeyFrom, publicKeyPem, signBytes } from './signing-key.ts';

export interface SignResult {
  /** fingerprint of the signing key; null: the manifest is unsigned */
  fingerprint: string | null;
  files: number;
}

/** Write api/manifest.json (and, with a key, api/manifest.json.sig and api/signing-key.pem) into the staged site. */
export async function signSite(
  model: SiteModel,
  siteDir: string,
  options: { key?: KeyObject; cwd: string; configDir: string; known?: WrittenPages },
): Promise<SignResult> {
  const keyPrint = options.key ? fingerprint(options.key) : null;
  const keys = await publishedKeys(model, options.key && keyPrint ? { key: options.key, fingerprint: keyPrint } : undefined, options.configDir);
  const manifest = await buildManifest(model, siteDir, { commit: await contentCommit(options.cwd), signingKey: keyPrint, known: options.known });
  const bytes = manifestBytes(manifest);
  await mkdir(path.join(siteDir, path.dirname(MANIFEST_PATH)), { recursive: true });
  await writeFile(path.join(siteDir, MANIFEST_PATH), bytes);
  if (options.key && keys.current) {
    await writeFile(path.join(siteDir, SIGNATURE_PATH), `${signBytes(bytes, options.key)}\n`);
    await writeFile(path.join(siteDir, PUBLIC_KEY_PATH), keys.current.pem);
  }
  if (keys.current || keys.former.length) await writeFile(path.join(siteDir, KEYS_PATH), `${JSON.stringify(keys, null, 2)}\n`);
  return { fingerprint: keyPrint, files: manifest.files.length };
}

/** The commit the content was built from: GITHUB_SHA in GitHub Actions, else `git rev-parse HEAD` in `cwd`, else null. */
async function contentCommit(cwd: string): Promise<string | null> {
  if (process.env.GITHUB_SHA && /^[0-9a-f]{40}$/.test(process.env.GITHUB_SHA)) return process.env.GITHUB_SHA;
  try {
    const { stdout } = await promisify(execFile)('git', ['rev-parse', 'HEAD'], { cwd });
    const commit = stdout.trim();
    return /^[0-9a-f]{40}$/.test(commit) ? commit : null;
  } catch {
    return null;
  }
}

/** api/signing-keys.json: the key signing this build, and the former keys (config `former_signing_keys`) with the periods they signed in. */
export interface PublishedKeys {
  current: { fingerprint: string; pem: string } | null;
  former: { fingerprint: string; from: string; until: string; pem: string }[];
}

async function publishedKeys(model: SiteModel, current: { key: KeyObject; fingerprint: string } | undefined, configDir: string): Promise<PublishedKeys> {
  const former = [];
  for (const entry of model.config.former_signing_keys) {
    const file = path.resolve(configDir, entry.key);
    const pem = await readFile(file, 'utf8').catch(() => {
      throw new Error(`former_signing_keys：读不到公钥文件 ${entry.key}（相对于站点配置所在的文件夹）`);
    });
    const publicKey = publicKeyFrom(pem, `former_signing_keys 中的 ${entry.key}`);
    former.push({ fingerprint: fingerprint(publicKey), from: entry.from, until: entry.until, pem: publicKeyPem(publicKey) });
  }
  return { current: current ? { fingerprint: current.fingerprint, pem: publicKeyPem(current.key) } : null, former };
}
