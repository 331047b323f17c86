// The signed manifest: sign → verify passes; a changed byte, a missing or an unlisted file, a wrong key and a malformed manifest fail by name; rebuilds are byte-identical.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync, mkdirSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInto, type BuiltSite } from '../helpers/built-site.ts';
import { makeSite, REPO, SMALL, SMALL_CONTENT } from '../helpers/content.ts';
import { fingerprint } from '../../src/sign/signing-key.ts';
import type { PublishedKeys } from '../../src/sign/sign-site.ts';
import { serveStatic, type StaticServer } from '../../src/build/static-server.ts';
import { isListable, parseManifest } from '../../src/sign/manifest.ts';
import type { Manifest } from '../../src/sign/manifest-format.ts';

const TSX = path.join(REPO, 'node_modules/.bin/tsx');
const PAGE = '2018/02/yzf-2018-3/index.html';

/** Run `npm run verify` (the CLI) with `args`. */
function verify(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, [path.join(REPO, 'src/cli/verify.ts'), ...args], { env: { ...process.env, FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const keys = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
let site: BuiltSite;
let work: string;
const publicPem = (pair: typeof keys) => pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** A copy of the signed site to tamper with. */
function copy(): string {
  const dir = path.join(mkdtempSync(path.join(work, 'copy-')), 'dist');
  cpSync(site.dir, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  site = await buildInto({ ...SMALL, search: false, today: '2020-01-01', signingKey: keys.privateKey, cacheDir: false });
  work = mkdtempSync(path.join(tmpdir(), 'gazette-verify-'));
  writeFileSync(path.join(work, 'other.pem'), publicPem(other));
  writeFileSync(path.join(work, 'right.pem'), publicPem(keys));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the manifest', () => {
  it('lists every document page and JSON, the open data and the zip, sorted, each with sha256 and bytes', () => {
    const manifest = parseManifest(readFileSync(path.join(site.dir, 'api/manifest.json')), 'manifest');
    const model = site.result.model!;
    const paths = manifest.files.map((entry) => entry.path);
    expect(paths).toEqual([...paths].sort());
    for (const document of model.documents) {
      expect(paths).toContain(`${document.url.slice(1)}index.html`);
      expect(paths).toContain(`api/documents/${document.issue.key}/${document.slug}.json`);
    }
    expect(paths).toEqual(expect.arrayContaining(['api/gazette.zip', 'api/documents.json', 'api/documents.csv', 'api/issues.json']));
    expect(paths).toHaveLength(model.documents.length * 2 + 4);
    const page = manifest.files.find((entry) => entry.path === PAGE)!;
    expect(page).toMatchObject({ kind: 'page', bytes: readFileSync(path.join(site.dir, PAGE)).length, issue: '2018年第2期' });
    expect(page.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest).toMatchObject({ gazette: '永州政报', built: '2020-01-01', site: 'https://zhengbao.yzcity.gov.cn/' } satisfies Partial<Manifest>);
    expect(manifest.signing_key).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    expect(readFileSync(path.join(site.dir, 'api/signing-key.pem'), 'utf8')).toBe(publicPem(keys));
  });

  it('is byte-identical across two builds of the same content', async () => {
    const again = await buildInto({ ...SMALL, search: false, today: '2020-01-01', signingKey: keys.privateKey, cacheDir: false });
    for (const file of ['api/manifest.json', 'api/manifest.json.sig']) expect(readFileSync(path.join(again.dir, file)), file).toEqual(readFileSync(path.join(site.dir, file)));
  });

  it('is the same when its page digests come from the page cache, cold and warm', async () => {
    const cacheDir = mkdtempSync(path.join(work, 'cache-'));
    const options = { ...SMALL, search: false, today: '2020-01-01', signingKey: keys.privateKey, cacheDir } as const;
    const manifest = (built: BuiltSite) => readFileSync(path.join(built.dir, 'api/manifest.json'));
    const cold = await buildInto(options);
    const warm = await buildInto(options);
    expect(manifest(cold)).toEqual(manifest(site));
    expect(manifest(warm)).toEqual(manifest(site));
  });

  it('publishes the current key and the former ones (config former_signing_keys) with their periods', async () => {
    const cwd = makeSite({}, { from: SMALL_CONTENT });
    mkdirSync(path.join(cwd, 'keys'));
    writeFileSync(path.join(cwd, 'keys/2019.pem'), publicPem(other));
    appendFileSync(path.join(cwd, 'gazette.config.yaml'), '\nformer_signing_keys:\n  - { key: keys/2019.pem, from: 2019-01-01, until: 2019-12-31 }\n');
    const rotated = await buildInto({ cwd, content: 'issues', search: false, today: '2020-01-01', signingKey: keys.privateKey, cacheDir: false });
    const published = rotated.json<PublishedKeys>('api/signing-keys.json');
    expect(published.current).toEqual({ fingerprint: fingerprint(keys.publicKey), pem: publicPem(keys) });
    expect(published.former).toEqual([{ fingerprint: fingerprint(other.publicKey), from: '2019-01-01', until: '2019-12-31', pem: publicPem(other) }]);
  });

  it('is written unsigned, with a warning, when the build has no key', async () => {
    const lines: string[] = [];
    const unsigned = await buildInto({ ...SMALL, search: false, today: '2020-01-01', cacheDir: false, log: (line) => lines.push(line) });
    expect(parseManifest(readFileSync(path.join(unsigned.dir, 'api/manifest.json')), 'manifest').signing_key).toBeNull();
    expect(() => readFileSync(path.join(unsigned.dir, 'api/manifest.json.sig'))).toThrow();
    expect(lines.join('\n')).toContain('未签名');
  });
});

describe('npm run verify', () => {
  it('passes an untouched site folder, with its own key and with --key', async () => {
    const own = await verify([site.dir]);
    expect(own.code, own.stdout + own.stderr).toBe(0);
    expect(own.stdout).toContain('验证通过');
    const given = await verify([site.dir, '--key', path.join(work, 'right.pem')]);
    expect(given.code).toBe(0);
  });

  it('names a changed byte, a missing file and an unlisted file, and exits 1', async () => {
    const dir = copy();
    const page = path.join(dir, PAGE);
    const bytes = readFileSync(page);
    bytes[Math.floor(bytes.length / 2)]! ^= 1; // one bit of one byte
    writeFileSync(page, bytes);
    rmSync(path.join(dir, 'api/documents.csv'));
    mkdirSync(path.join(dir, '2018/02/yzf-2018-99'), { recursive: true });
    writeFileSync(path.join(dir, '2018/02/yzf-2018-99/index.html'), '<p>伪造</p>');
    const result = await verify([dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`已改动：${PAGE}`);
    expect(result.stdout).toContain('缺失：api/documents.csv');
    expect(result.stdout).toContain('未列入清单：2018/02/yzf-2018-99/index.html');
  });

  it('says 签名无效 for a wrong key, and for a manifest changed after signing', async () => {
    const wrong = await verify([site.dir, '--key', path.join(work, 'other.pem')]);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('签名无效');
    const dir = copy();
    appendFileSync(path.join(dir, 'api/manifest.json'), ' ');
    const changed = await verify([dir]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('签名无效');
  });

  it('gives a clear error, not a stack trace, for a malformed manifest and an unreachable URL', async () => {
    const dir = copy();
    writeFileSync(path.join(dir, 'api/manifest.json'), '{"format": "gazette-manifest/1", "files": [{"path": "../etc/passwd"}]}');
    const malformed = await verify([dir]);
    expect(malformed.code).toBe(1);
    expect(malformed.stdout).toContain('格式不对');
    const unreachable = await verify(['http://127.0.0.1:9/']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stdout).toContain('无法访问');
    for (const result of [malformed, unreachable]) expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  });

  it('checks a published site over http, and one downloaded file against it', async () => {
    let server: StaticServer | undefined;
    try {
      server = await serveStatic(site.dir);
      const whole = await verify([server.url]);
      expect(whole.code, whole.stdout + whole.stderr).toBe(0);
      const download = path.join(work, '下载.html');
      cpSync(path.join(site.dir, PAGE), download);
      const one = await verify([download, '--site', server.url]);
      expect(one.code).toBe(0);
      expect(one.stdout).toContain(`验证通过：${site.result.model!.documents.find((document) => document.url === `/${PAGE.replace('index.html', '')}`)!.title}（2018年第2期）`);
      appendFileSync(download, '<!-- -->');
      const tampered = await verify([download, '--site', server.url]);
      expect(tampered.code).toBe(1);
      expect(tampered.stdout).toContain('验证失败');
    } finally {
      await server?.close();
    }
  });

  it('checks one file inside a site folder by its path', async () => {
    const dir = copy();
    expect((await verify([path.join(dir, PAGE)])).code).toBe(0);
    appendFileSync(path.join(dir, PAGE), ' ');
    const changed = await verify([path.join(dir, PAGE)]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain(`${PAGE} 已被改动`);
  });
});

describe('isListable', () => {
  it('knows a document page by its issue folder and file name, whatever its 机关代字 slug, and nothing else in an issue folder', () => {
    expect(isListable('2018/02/yzf-2018-3/index.html')).toBe(true);
    expect(isListable('2020/01/jz-ban-fa-2020-12/index.html')).toBe(true); // a slug with hyphens
    expect(isListable('2018/02/print/index.html')).toBe(false);
    expect(isListable('2018/02/index.html')).toBe(false);
    expect(isListable('2018/2/yzf-2018-3/index.html')).toBe(false);
    expect(['api/documents.json', 'api/issues.json', 'api/documents.csv', 'api/gazette.zip', 'api/documents/2018-02/yzf-2018-3.json', '2018/02/issue-2018-02.pdf'].every(isListable)).toBe(true);
    expect(['api/manifest.json', 'search/lookup/1.json', 'feed.xml'].some(isListable)).toBe(false);
  });
});
