// `npm run import`: exit codes, placed messages, no overwriting without --force, and output checked by the validator.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, YONGZHOU_CONFIG, YONGZHOU_ISSUES } from '../helpers/content.ts';
import { encodeGbk } from './helpers/encode-gbk.ts';

const SEED = path.join(REPO, 'tests/fixtures/source/yongzhou-zhengbao-2018-02.txt');

function site(): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'gazette-import-'));
  cpSync(YONGZHOU_CONFIG, path.join(cwd, 'gazette.config.yaml'));
  return cwd;
}

function runImport(cwd: string, args: string[]) {
  const result = spawnSync(path.join(REPO, 'node_modules/.bin/tsx'), [path.join(REPO, 'src/cli/import.ts'), ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const MINIMAL = (contents: string, body: string) =>
  ['永州政报', '', '2018年第4期', '(总第105期)', '', '目 录', '', '【市政府文件】', '', contents, '', '出版日期:2018年4月30日', '', body].join('\n');

const DOCUMENT = ['永州市人民政府关于加强测试工作的通知', '', '永政发〔2018〕9号', '', '各县区人民政府：', '', '请认真做好测试工作。', '', '永州市人民政府', '2018年4月2日', ''].join('\n');

describe('npm run import', () => {
  it('prints its usage with --help, and refuses bad usage with exit 2', () => {
    const cwd = site();
    const help = runImport(cwd, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('用法：npm run import -- <原文.txt> --out <内容文件夹>/<年份>/<期号>');
    expect(runImport(cwd, []).code).toBe(2);
    expect(runImport(cwd, [SEED]).code).toBe(2);
    expect(runImport(cwd, [SEED, '--out', 'somewhere']).code).toBe(2);
  });

  it('imports the seed: prints the 目录 table and the review, writes a valid issue, and exits 0', () => {
    const cwd = site();
    cpSync(SEED, path.join(cwd, 'raw.txt'));
    const run = runImport(cwd, ['raw.txt', '--out', 'issues/2018/02']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('目录  9 条，3 个栏目：市政府文件、市政府办文件、人事任免');
    expect(run.stdout).toMatch(/ {2}40 +104 +3 +- +市政府文件 +yzf-2018-1 +永政发〔2018〕1号/);
    expect(run.stdout).toMatch(/ {2}56 +1064 +31 +15 +市政府办文件 +yzbf-2018-2 +永政办发〔2018〕2号/);
    expect(run.stdout).toContain('raw.txt:759:1  warning  这组编号是双栏排版按行交错抽取的');
    expect(run.stdout).toContain('raw.txt:1189:1  warning  表格有');
    expect(run.stdout).toContain('✔ 已写入 issues/2018/02');
    expect(readdirSync(path.join(cwd, 'issues/2018/02')).sort()).toEqual(readdirSync(path.join(YONGZHOU_ISSUES, '2018/02')).sort());
    expect(readFileSync(path.join(cwd, 'issues/2018/02/yzf-2018-1.md'), 'utf8')).toBe(readFileSync(path.join(YONGZHOU_ISSUES, '2018/02/yzf-2018-1.md'), 'utf8'));
    const check = spawnSync(path.join(REPO, 'node_modules/.bin/tsx'), [path.join(REPO, 'src/cli/check.ts')], { cwd, encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    // Routine repairs are listed only on request.
    expect(run.stdout).not.toContain('跨页接合：');
    expect(runImport(cwd, ['raw.txt', '--out', 'elsewhere/2018/02', '--verbose']).stdout).toContain('跨页接合：');
  });

  it('never overwrites a non-empty folder without --force', () => {
    const cwd = site();
    cpSync(SEED, path.join(cwd, 'raw.txt'));
    mkdirSync(path.join(cwd, 'issues/2018/02'), { recursive: true });
    writeFileSync(path.join(cwd, 'issues/2018/02/old.md'), 'keep me');
    const refused = runImport(cwd, ['raw.txt', '--out', 'issues/2018/02']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/raw\.txt:1:1 {2}error {2}输出文件夹 issues\/2018\/02 已存在且不为空.*import-output/);
    expect(readFileSync(path.join(cwd, 'issues/2018/02/old.md'), 'utf8')).toBe('keep me');
    const forced = runImport(cwd, ['raw.txt', '--out', 'issues/2018/02', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(existsSync(path.join(cwd, 'issues/2018/02/old.md'))).toBe(false);
    expect(existsSync(path.join(cwd, 'issues/2018/02/yzr-2018-1.md'))).toBe(true);
  });

  it('reads a GBK or GB18030 file, says so, and writes UTF-8', () => {
    const cwd = site();
    const text = MINIMAL('永州市人民政府关于加强测试工作的通知\t(永政发[2018]9号)\t(3)', DOCUMENT);
    writeFileSync(path.join(cwd, 'raw.txt'), encodeGbk(text));
    const run = runImport(cwd, ['raw.txt', '--out', 'issues/2018/04']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('编码  原文是 GBK 编码');
    expect(readFileSync(path.join(cwd, 'issues/2018/04/yzf-2018-9.md'), 'utf8')).toContain('title: 永州市人民政府关于加强测试工作的通知');
  });

  it('stops with a placed message naming the encoding when the input is neither UTF-8 nor GBK/GB18030, and writes nothing', () => {
    const cwd = site();
    writeFileSync(path.join(cwd, 'raw.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('永州政报\n2018年第4期\n', 'utf16le')]));
    const wide = runImport(cwd, ['raw.txt', '--out', 'issues/2018/02']);
    expect(wide.code).toBe(1);
    expect(wide.stderr).toMatch(/raw\.txt:1:1 {2}error {2}原文是 UTF-16LE 编码.*import-input/);
    // UTF-8 with bytes of another encoding in it: placed where UTF-8 stops.
    writeFileSync(path.join(cwd, 'raw.txt'), Buffer.concat([Buffer.from('永州政报\n\n', 'utf8'), Buffer.from([0xff, 0xfe, 0xfd, 0x0a])]));
    const run = runImport(cwd, ['raw.txt', '--out', 'issues/2018/02']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/raw\.txt:3:1 {2}error {2}原文既不是 UTF-8，也不是 GBK\/GB18030 编码.*import-input/);
    expect(existsSync(path.join(cwd, 'issues'))).toBe(false);
  });

  it('refuses a text that is not a gazette, and writes nothing', () => {
    const cwd = site();
    writeFileSync(path.join(cwd, 'raw.txt'), '关于春游的几点说明\n\n明天上午八点在学校门口集合。\n\n永政发〔2018〕9号\n\n请带好午餐和饮用水。\n');
    const run = runImport(cwd, ['raw.txt', '--out', 'issues/2018/04']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/raw\.txt:1:1 {2}error {2}这不像一期政报的全文.*import-input/);
    expect(run.stderr).toContain('没有写入任何文件');
    expect(existsSync(path.join(cwd, 'issues'))).toBe(false);
  });

  it('refuses an --out that is a file', () => {
    const cwd = site();
    writeFileSync(path.join(cwd, 'raw.txt'), MINIMAL('永州市人民政府关于加强测试工作的通知\t(永政发[2018]9号)\t(3)', DOCUMENT));
    mkdirSync(path.join(cwd, 'issues/2018'), { recursive: true });
    writeFileSync(path.join(cwd, 'issues/2018/04'), 'not a folder');
    const run = runImport(cwd, ['raw.txt', '--out', 'issues/2018/04', '--force']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--out issues\/2018\/04 是一个文件.*import-output/);
    expect(readFileSync(path.join(cwd, 'issues/2018/04'), 'utf8')).toBe('not a folder');
  });

  it('stops when no document is found', () => {
    const cwd = site();
    writeFileSync(path.join(cwd, 'raw.txt'), '永州政报\n\n2018年第4期\n\n这里只有封面，没有任何文件。\n');
    const run = runImport(cwd, ['raw.txt', '--out', 'issues/2018/04']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/raw\.txt:1:1 {2}error {2}没有找到任何文件.*import-input/);
    expect(existsSync(path.join(cwd, 'issues'))).toBe(false);
  });

  it('stops when the 目录 and the documents cannot be paired', () => {
    const cwd = site();
    const contents = ['永州市人民政府关于甲的通知\t(永政发[2018]1号)\t(3)', '永州市人民政府关于乙的通知\t(永政发[2018]2号)\t(5)'].join('\n');
    writeFileSync(path.join(cwd, 'raw.txt'), MINIMAL(contents, DOCUMENT));
    const run = runImport(cwd, ['raw.txt', '--out', 'issues/2018/04']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/raw\.txt:6:1 {2}error {2}目录与正文对不上：目录 2 条，正文 1 篇，只有 0 篇的发文字号一致.*import-contents/);
    expect(run.stdout).toMatch(/raw\.txt:10:1 {2}warning {2}目录列出 永政发〔2018〕1号/);
    expect(existsSync(path.join(cwd, 'issues'))).toBe(false);
  });

  it('stops when the cover and --out disagree on the issue', () => {
    const cwd = site();
    writeFileSync(path.join(cwd, 'raw.txt'), MINIMAL('永州市人民政府关于加强测试工作的通知\t(永政发[2018]9号)\t(3)', DOCUMENT));
    const run = runImport(cwd, ['raw.txt', '--out', 'issues/2018/05']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/raw\.txt:3:1 {2}error {2}封面为 2018年第4期，但 --out 指向 2018\/05/);
    expect(runImport(cwd, ['raw.txt', '--out', 'issues/2018/04']).code).toBe(0);
  });

  it('checks what it wrote: an issue the validator rejects exits 1 with the validator’s placed messages', () => {
    const cwd = site();
    // A 栏目 the config does not know: the import warns, writes, and the check fails on the issue file.
    writeFileSync(path.join(cwd, 'raw.txt'), MINIMAL('永州市人民政府关于加强测试工作的通知\t(永政发[2018]9号)\t(3)', DOCUMENT).replace('【市政府文件】', '【专题文件】'));
    const run = runImport(cwd, ['raw.txt', '--out', 'issues/2018/04']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/raw\.txt:8:1 {2}warning {2}栏目「专题文件」未在配置中登记/);
    expect(run.stdout).toMatch(/issues\/2018\/04\/issue\.md:\d+:\d+ {2}error {2}栏目「专题文件」未在配置中登记.*section/);
    expect(run.stderr).toContain('校验未通过');
  });
  it('leaves its guesses in the files as 待核对 comments, which npm run check warns about until they are removed', () => {
    const layout = path.join(import.meta.dirname, 'layouts', 'title-only-contents');
    const cwd = mkdtempSync(path.join(tmpdir(), 'gazette-import-'));
    cpSync(path.join(layout, 'gazette.config.yaml'), path.join(cwd, 'gazette.config.yaml'));
    cpSync(path.join(layout, 'input.txt'), path.join(cwd, 'raw.txt'));
    const run = runImport(cwd, ['raw.txt', '--out', 'issues/2020/04']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/raw\.txt:1:1 {2}warning {2}封面和目录页上没有找到“出版日期”/);
    expect(run.stdout).toMatch(/issues\/2020\/04\/issue\.md:5:\d+ {2}warning {2}导入时推断的内容尚未核对（出版日期按刊期（半月刊）推算（封面上没有））.*unchecked-guess/);
    const issue = readFileSync(path.join(cwd, 'issues/2020/04/issue.md'), 'utf8');
    expect(issue).toContain('published: 2020-02-29 # 待核对：出版日期按刊期（半月刊）推算（封面上没有）');
    const check = () => spawnSync(path.join(REPO, 'node_modules/.bin/tsx'), [path.join(REPO, 'src/cli/check.ts')], { cwd, encoding: 'utf8' });
    const before = check();
    expect(before.status, before.stderr).toBe(0);
    const guesses = `${before.stdout}${before.stderr}`.match(/unchecked-guess/g)?.length ?? 0;
    expect(guesses).toBe(6); // 出版日期 and five pages the 目录 does not print
    // The editor checks each value against the print and deletes the comments: check is silent about them.
    for (const name of readdirSync(path.join(cwd, 'issues/2020/04'))) {
      const file = path.join(cwd, 'issues/2020/04', name);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/ # 待核对：.*$/gm, ''));
    }
    const after = check();
    expect(after.status).toBe(0);
    expect(`${after.stdout}${after.stderr}`).not.toContain('unchecked-guess');
  });
});
