// Build tests on the small fixture corpus: every page exists, open data is right, output is safe and failures keep dist/.
import { existsSync, lstatSync, mkdirSync, readFileSync, writeFileSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { buildSite } from '../../src/build/build-site.ts';
import { buildDate } from '../../src/build/load-site.ts';
import { buildInto, type BuiltSite } from '../helpers/built-site.ts';
import { documentFile, makeSite, SMALL, SMALL_CONTENT } from '../helpers/content.ts';

let site: BuiltSite;

beforeAll(async () => {
  site = await buildInto({ ...SMALL });
});

describe('pages', () => {
  it('writes home, issue pages, document pages, search, 404 and the open data', () => {
    for (const sitePath of [
      '/', '/2018/02/', '/2018/03/', '/2018/02/yzf-2018-3/', '/2018/02/yzbf-2018-1/', '/2018/03/yzbh-2018-20/',
      '/search/', '404.html', 'api/documents.json', 'api/issues.json', 'assets/style.css', 'assets/print.css', 'pagefind/pagefind.js',
    ]) {
      expect(() => site.read(sitePath), sitePath).not.toThrow();
    }
  });

  it('keeps Pagefind\'s runtime and index but not its stock UIs, which the search page does not use', () => {
    // The whole bundle, pinned: a stock UI file a new Pagefind adds would show here.
    const bundle = readdirSync(path.join(site.dir, 'pagefind')).filter((name) => !name.endsWith('.pf_meta')).sort();
    // Pagefind's fragments are replaced by the smaller result snippets (src/search/snippets.ts).
    expect(bundle).toEqual(['filter', 'index', 'pagefind-entry.json', 'pagefind-worker.js', 'pagefind.js', 'snippet', 'wasm.unknown.pagefind']);
  });

  it('every page is zh-CN and has one h1', () => {
    for (const sitePath of ['/', '/2018/02/', '/2018/02/yzf-2018-3/', '/search/', '404.html']) {
      const tree = site.html(sitePath);
      expect(select('html', tree)?.properties.lang).toBe('zh-CN');
      expect(selectAll('h1', tree)).toHaveLength(1);
    }
  });

  it('home shows the latest issue first, once, then the earlier issues', () => {
    const tree = site.html('/');
    expect(toText(select('#latest-heading', tree)!)).toContain('2018年第3期');
    expect(selectAll('#issues li a', tree).map((a) => a.properties.href)).toEqual(['/2018/02/']);
  });

  it('the issue page has the cover facts and the 目录 grouped by 栏目 with print pages', () => {
    const tree = site.html('/2018/02/');
    const cover = toText(select('.cover', tree)!);
    for (const fact of ['永州政报', '2018年第2期', '总第103期', '2018年2月28日', '永州市人民政府', '永州市人民政府办公室']) expect(cover).toContain(fact);
    const sections = selectAll('.toc__section', tree).map((section) => ({
      name: toText(select('.toc__heading', section)!),
      entries: selectAll('.toc__entry', section).map((entry) => [select('a', entry)!.properties.href, toText(select('.toc__page', entry)!)]),
    }));
    expect(sections).toEqual([
      { name: '市政府文件', entries: [['/2018/02/yzf-2018-3/', '7']] },
      { name: '市政府办文件', entries: [['/2018/02/yzbf-2018-1/', '26']] },
    ]);
  });

  it('a document page has title, metadata block, indexed body and neighbours', () => {
    const tree = site.html('/2018/02/yzf-2018-3/');
    expect(toText(select('h1', tree)!)).toBe('永州市人民政府关于做好当前和今后一段时期就业创业工作的实施意见');
    const metadata = Object.fromEntries(
      selectAll('.metadata div', tree).map((row) => [toText(select('dt', row)!), toText(select('dd', row)!).replace(/\s+/g, ' ').trim()]),
    );
    expect(metadata).toMatchObject({
      发文字号: '永政发〔2018〕3号',
      登记号: 'YZCR-2018-00001',
      发文机关: '永州市人民政府',
      成文日期: '2018年2月1日',
      栏目: '市政府文件',
      所在期: '2018年第2期（总第103期）第 7 页',
    });
    const body = select('[data-pagefind-body]', tree)!;
    expect(select('.document-body', body)).toBeTruthy();
    expect(select('.pager', body)).toBeFalsy();
    expect(select('a[rel=next]', tree)?.properties.href).toBe('/2018/02/yzbf-2018-1/');
    expect(select('a[rel=prev]', tree)).toBeFalsy();
  });

  it('a line break inside a Chinese paragraph does not become a space', () => {
    const tree = site.html('/2018/03/yzbh-2018-20/');
    const paragraphs = selectAll('.document-body p', tree).map((p) => toText(p));
    expect(paragraphs).toContain('这是构建测试用的文件，换行不应变成空格。');
  });
});

describe('open data', () => {
  it('issues.json lists issues newest first with their documents', () => {
    const issues = site.json<{ issue: string; total_number: number; documents: string[] }[]>('api/issues.json');
    expect(issues.map((issue) => [issue.issue, issue.total_number, issue.documents.length])).toEqual([
      ['2018-03', 104, 1],
      ['2018-02', 103, 2],
    ]);
  });
});

describe('safety', () => {
  it('raw HTML is sanitized and template syntax in content is printed literally', async () => {
    const cwd = makeSite({
      'issues/2018/02/issue.md': '---\nyear: 2018\nnumber: 2\ntotal_number: 103\npublished: 2018-02-28\nsections: [市政府文件]\ncontents: [yzf-2018-3]\n---\n',
      'issues/2018/02/yzf-2018-3.md': documentFile({}, '正文 {{ gazette.config.name }} 与 {% raw %} 原样。\n\n<script>alert(1)</script><img src=x onerror="alert(2)">\n'),
    });
    const built = await buildInto({ cwd, search: false });
    const html = built.read('/2018/02/yzf-2018-3/');
    expect(html).toContain('正文 {{ gazette.config.name }} 与 {% raw %} 原样。');
    expect(html).not.toMatch(/<script>alert|onerror/);
  });

  it('a failed build leaves the previous output byte-for-byte intact and exits without writing', async () => {
    const cwd = makeSite({}, { from: SMALL_CONTENT });
    const out = path.join(cwd, 'dist');
    const first = await buildSite({ cwd, out, search: false });
    expect(first.failed).toBe(false);
    const before = snapshot(out);
    writeFileSync(path.join(cwd, 'issues/2018/02/yzf-2018-3.md'), documentFile({ date: '2018-02-30' }));
    const second = await buildSite({ cwd, out, search: false });
    expect(second.failed).toBe(true);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(cwd).filter((name) => name.includes('staging'))).toEqual([]);
  });

  it('a failure after validation (a source gone mid-build) also leaves the previous output intact, and no staging', async () => {
    const cwd = makeSite({}, { from: SMALL_CONTENT });
    const out = path.join(cwd, 'dist');
    await buildSite({ cwd, out, search: false });
    const before = snapshot(out);
    // The file disappears once the pages phase starts: the zip then cannot be made, and the build must fail whole.
    const log = (line: string) => {
      if (line.startsWith('▸ pages')) rmSync(path.join(cwd, 'issues/2018/03/yzbh-2018-20.md'));
    };
    await expect(buildSite({ cwd, out, search: false, log })).rejects.toThrow(/找不到 1 个源文件/);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(cwd).filter((name) => name.includes('staging'))).toEqual([]);
  });

  it.each([
    ['the content folder', 'issues', '就是内容文件夹'],
    ['the working folder, which holds the content', '.', '包含内容文件夹'],
    ['a folder inside the content', 'issues/site', '位于内容文件夹'],
    ['a folder that is not a site build', 'notes', '不像已构建的站点'],
    ['a file', 'notes/keep.txt', '是一个文件，不是文件夹'],
  ])('refuses --out set to %s, touching nothing', async (_, out, reason) => {
    const cwd = makeSite({ 'notes/keep.txt': '编辑部的笔记' }, { from: SMALL_CONTENT });
    await expect(buildSite({ cwd, out, search: false })).rejects.toThrow(reason);
    expect(readFileSync(path.join(cwd, 'notes/keep.txt'), 'utf8')).toBe('编辑部的笔记');
    expect(existsSync(path.join(cwd, 'issues/2018/02/yzf-2018-3.md'))).toBe(true);
    expect(existsSync(path.join(cwd, 'gazette.config.yaml'))).toBe(true);
  });

  it('SOURCE_DATE_EPOCH fixes the build date, in China time (a reproducible build on any day)', async () => {
    const previous = process.env.SOURCE_DATE_EPOCH;
    try {
      process.env.SOURCE_DATE_EPOCH = '1519837200'; // 2018-02-28 17:00 UTC = 2018-03-01 01:00 in China
      expect(buildDate()).toBe('2018-03-01');
      const site = await buildInto({ ...SMALL, search: false });
      expect(site.read('/register/')).toContain('截至 2018年3月1日');
      process.env.SOURCE_DATE_EPOCH = '2018-03-01';
      expect(() => buildDate()).toThrow('SOURCE_DATE_EPOCH 应为 Unix 时间戳（秒）');
    } finally {
      if (previous === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = previous;
    }
  });

  it('a symlinked output folder is replaced where it points', async () => {
    const cwd = makeSite({}, { from: SMALL_CONTENT });
    const target = path.join(mkdtempSync(path.join(tmpdir(), 'www-')), 'site');
    mkdirSync(target);
    symlinkSync(target, path.join(cwd, 'dist'));
    await buildSite({ cwd, out: 'dist', search: false });
    expect(lstatSync(path.join(cwd, 'dist')).isSymbolicLink()).toBe(true);
    expect(existsSync(path.join(target, 'index.html'))).toBe(true);
  });

  it('two builds of the same content are byte-identical', async () => {
    const cwd = makeSite({}, { from: SMALL_CONTENT });
    const a = await buildInto({ cwd, out: path.join(mkdtempSync(path.join(tmpdir(), 'a-')), 'dist') });
    const b = await buildInto({ cwd, out: path.join(mkdtempSync(path.join(tmpdir(), 'b-')), 'dist') });
    expect(snapshot(b.dir)).toEqual(snapshot(a.dir));
  });
});

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(dir, full)] = readFileSync(full).toString('base64');
    }
  };
  if (existsSync(dir)) walk(dir);
  return files;
}
