// `--pdf`: every issue's print view as an A4 PDF with every title as text, a bookmark per document, the 目录 in the PDF's own page numbers, fonts embedded and metadata set; cached; listed in issues.json and the manifest.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInto, type BuiltSite } from '../helpers/built-site.ts';
import { makeSite, REPO, SMALL, SMALL_CONTENT } from '../helpers/content.ts';
import { readBookmarks } from '../../src/pdf/pdf-outline.ts';
import { parseManifest } from '../../src/sign/manifest.ts';

const PDF = '2018/02/issue-2018-02.pdf';
let site: BuiltSite;
let cacheDir: string;
const squash = (text: string) => text.replace(/\s+/g, '');
const pdfPath = (built: BuiltSite, sitePath = PDF) => path.join(built.dir, sitePath);

beforeAll(async () => {
  cacheDir = mkdtempSync(path.join(tmpdir(), 'gazette-pdf-cache-'));
  site = await buildInto({ ...SMALL, search: false, today: '2020-01-01', pdf: true, cacheDir });
}, 120_000);

describe('issue PDFs', () => {
  it('are A4, tagged, with every title as text and the fonts embedded', () => {
    const model = site.result.model!;
    for (const issue of model.issues) {
      const file = pdfPath(site, issue.pdf!.slice(1));
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
      expect(info).toMatch(/Tagged:\s+yes/);
      const text = squash(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
      for (const document of issue.documents) expect(text, document.title).toContain(squash(document.title));
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) expect(font.split(/\s+/).at(-5), font).toBe('yes'); // the emb column
    }
  });

  it('carry Title, Author (主办) and Subject (刊名 and 期号)', () => {
    const info = execFileSync('pdfinfo', [pdfPath(site)], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+永州政报 2018年第2期（总第103期）/);
    expect(info).toMatch(/Author:\s+永州市人民政府办公室/);
    expect(info).toMatch(/Subject:\s+永州政报 2018年第2期/);
  });

  it('have one bookmark per document, and the 目录 gives the page each document starts on in the PDF', async () => {
    const issue = site.result.model!.issues.find((candidate) => candidate.key === '2018-02')!;
    const marks = await readBookmarks(readFileSync(pdfPath(site)));
    const pages = execFileSync('pdftotext', ['-layout', pdfPath(site), '-'], { encoding: 'utf8' }).split('\f');
    const toc = pages.find((page) => page.includes('目') && page.includes('录'))!;
    for (const document of issue.documents) {
      const mark = marks.find((candidate) => squash(candidate.title) === squash(document.title));
      expect(mark, document.title).toBeDefined();
      // the title is on the page the bookmark opens, and the 目录 line of the document ends with that number
      expect(squash(pages[mark!.page - 1]!)).toContain(squash(document.title).slice(0, 12));
      const line = toc.split('\n').find((candidate) => squash(document.title).endsWith(squash(candidate.replace(/\s+\d+\s*$/, ''))) && /\d+\s*$/.test(candidate));
      expect(Number(/(\d+)\s*$/.exec(line ?? '')?.[1]), document.title).toBe(mark!.page);
    }
  });

  it('are linked from the issue page and listed in issues.json and the manifest', () => {
    expect(site.read('/2018/02/')).toContain(`href="/${PDF}"`);
    expect(site.read('/2018/02/yzf-2018-3/')).toContain(`href="/${PDF}"`); // 引用本文
    const issues = site.json<{ issue: string; pdf: string | null }[]>('/api/issues.json');
    expect(issues.find((issue) => issue.issue === '2018-02')?.pdf).toBe(`https://zhengbao.yzcity.gov.cn/${PDF}`);
    const manifest = parseManifest(readFileSync(path.join(site.dir, 'api/manifest.json')), 'manifest');
    const entry = manifest.files.find((file) => file.path === PDF);
    expect(entry).toMatchObject({ kind: 'pdf', issue: '2018年第2期', bytes: readFileSync(pdfPath(site)).length });
  });

  it('link into themselves (目录 → document) or at the published site, never at the local server they were rendered from', () => {
    const raw = readFileSync(pdfPath(site)).toString('latin1');
    expect(raw).not.toContain('127.0.0.1');
    for (const uri of raw.match(/\/URI \([^)]*\)/g) ?? []) expect(uri).toMatch(/^\/URI \(https:\/\/zhengbao\.yzcity\.gov\.cn\//);
    const internal = raw.match(/\/Dest\b/g)?.length ?? 0;
    expect(internal).toBeGreaterThanOrEqual(site.result.model!.issues.find((issue) => issue.key === '2018-02')!.documents.length);
  });

  it('are byte-identical when rendered again without the cache', async () => {
    const fresh = await buildInto({ ...SMALL, search: false, today: '2020-01-01', pdf: true, cacheDir: false });
    expect(readFileSync(pdfPath(fresh)).equals(readFileSync(pdfPath(site)))).toBe(true);
  }, 120_000);

  it('come from the cache when the print view has not changed', async () => {
    const lines: string[] = [];
    const again = await buildInto({ ...SMALL, search: false, today: '2020-01-02', pdf: true, cacheDir, log: (line) => lines.push(line) });
    expect(lines.join('\n')).toContain('2 个 PDF 取自缓存，0 个重新生成');
    expect(readFileSync(pdfPath(again))).toEqual(readFileSync(pdfPath(site)));
  }, 120_000);

  it('are not built without --pdf: no file, no link, pdf null in issues.json', async () => {
    const plain = await buildInto({ ...SMALL, search: false, today: '2020-01-01', cacheDir: false });
    expect(existsSync(pdfPath(plain))).toBe(false);
    expect(plain.read('/2018/02/')).not.toContain('.pdf');
    expect(plain.json<{ pdf: string | null }[]>('/api/issues.json').map((issue) => issue.pdf)).toEqual([null, null]);
  });
});

describe('--pdf without Chromium', () => {
  it('fails with the install command and leaves the previous dist/ as it was', () => {
    const cwd = makeSite({}, { from: SMALL_CONTENT });
    const tsx = path.join(REPO, 'node_modules/.bin/tsx');
    const build = (args: string[], env: NodeJS.ProcessEnv = {}) => spawnSync(tsx, [path.join(REPO, 'src/cli/build.ts'), '--no-search', '--no-cache', ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
    expect(build([]).status).toBe(0);
    const before = readFileSync(path.join(cwd, 'dist/index.html'));
    const result = build(['--pdf'], { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('apt-get install chromium');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(cwd, 'dist/index.html'))).toEqual(before);
    expect(existsSync(path.join(cwd, 'dist', PDF))).toBe(false);
  });
});
