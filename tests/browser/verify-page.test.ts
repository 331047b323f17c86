// The /verify/ page in real Chromium: a downloaded page, the issue PDF and the zip pass against the signed manifest, a tampered one fails, an unsigned site says so; axe clean at 1280 and 360 px.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser } from '../helpers/browser.ts';
import { buildInto, type BuiltSite } from '../helpers/built-site.ts';
import { SMALL } from '../helpers/content.ts';
import { serveStatic, type StaticServer } from '../../src/build/static-server.ts';
import { fingerprint } from '../../src/sign/signing-key.ts';

const PAGE = '2018/02/yzf-2018-3/index.html';
const keys = generateKeyPairSync('ed25519');
let browser: Browser;
let signed: BuiltSite;
let unsigned: BuiltSite;
let servers: StaticServer[] = [];
let work: string;

beforeAll(async () => {
  [signed, unsigned] = await Promise.all([
    buildInto({ ...SMALL, search: false, today: '2020-01-01', signingKey: keys.privateKey, cacheDir: false, pdf: true }),
    buildInto({ ...SMALL, search: false, today: '2020-01-01', cacheDir: false }),
  ]);
  servers = await Promise.all([serveStatic(signed.dir), serveStatic(unsigned.dir)]);
  browser = await launchBrowser();
  work = mkdtempSync(path.join(tmpdir(), 'gazette-verify-page-'));
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => server.close()));
});

async function pick(server: StaticServer, file: string, width = 1280): Promise<{ page: Page; text: string; state: string | null }> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  await page.goto(`${server.url}verify/`);
  await page.waitForSelector('#verify-file:not([disabled])');
  await page.setInputFiles('#verify-file', file);
  const result = page.locator('[data-verify-result]');
  await page.waitForFunction(() => ['pass', 'fail'].includes(document.querySelector<HTMLElement>('[data-verify-result]')?.dataset.state ?? ''));
  return { page, text: (await result.textContent()) ?? '', state: await result.getAttribute('data-state') };
}

describe('/verify/', () => {
  it('passes a downloaded document page and names it, at 1280 and 360 px, axe clean', async () => {
    const download = path.join(work, '下载的网页.html');
    cpSync(path.join(signed.dir, PAGE), download);
    const title = signed.result.model!.documents.find((document) => document.url === '/2018/02/yzf-2018-3/')!.title;
    for (const width of [1280, 360]) {
      const { page, text, state } = await pick(servers[0]!, download, width);
      expect(state).toBe('pass');
      expect(text).toContain(`验证通过：${title}（2018年第2期）`);
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.close();
    }
  });

  it('passes the real issue PDF and names its issue', async () => {
    const { page, text, state } = await pick(servers[0]!, path.join(signed.dir, '2018/02/issue-2018-02.pdf'));
    expect(state).toBe('pass');
    expect(text).toContain('验证通过：永州政报全刊 PDF（2018年第2期）');
    await page.close();
  });

  it('passes the source zip, and fails a page changed by one byte', async () => {
    const zip = await pick(servers[0]!, path.join(signed.dir, 'api/gazette.zip'));
    expect(zip.state).toBe('pass');
    await zip.page.close();
    const tampered = path.join(work, 'tampered.html');
    const bytes = readFileSync(path.join(signed.dir, PAGE));
    bytes[Math.floor(bytes.length / 2)]! ^= 1;
    writeFileSync(tampered, bytes);
    const { page, text, state } = await pick(servers[0]!, tampered);
    expect(state).toBe('fail');
    expect(text).toContain('验证失败');
    await page.close();
  });

  it('shows the signing key fingerprint, and is linked from the footer', async () => {
    const page = await browser.newPage();
    await page.goto(`${servers[0]!.url}2018/02/`);
    await page.click('.site-footer a[href="/verify/"]');
    await page.waitForURL(/\/verify\/$/);
    expect(await page.locator('.fingerprint').textContent()).toContain(fingerprint(keys.publicKey));
    await page.close();
  });

  it('says an unsigned site cannot prove anything', async () => {
    const { page, text, state } = await pick(servers[1]!, path.join(unsigned.dir, PAGE));
    expect(state).toBe('fail');
    expect(text).toContain('未签名');
    await page.close();
  });
});
