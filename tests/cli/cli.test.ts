// The commands as an editor runs them: exit codes, placed messages on stderr, no stack traces, --help everywhere.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, documentFile, makeSite, SMALL_CONTENT, YONGZHOU_ISSUES } from '../helpers/content.ts';

const TSX = path.join(REPO, 'node_modules/.bin/tsx');

/** Run a command in `cwd`: by default a fresh copy of the 永州 seed fixture, never the repository's own content. */
function run(command: string, args: string[], cwd = makeSite({}, { from: YONGZHOU_ISSUES })) {
  const result = spawnSync(TSX, [path.join(REPO, 'src/cli', `${command}.ts`), ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('commands', () => {
  for (const command of ['build', 'check', 'dev', 'serve', 'new', 'verify']) {
    it(`${command} --help prints usage and exits 0`, () => {
      const result = run(command, ['--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`npm run ${command}`);
    });
  }

  it('check exits 0 on the seed content', () => {
    const result = run('check', []);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 期、9 篇文件');
  });

  it('check exits 1 with every placed message and no stack trace', () => {
    const cwd = makeSite({
      'issues/2018/02/yzf-2018-3.md': documentFile({ doc_number: '永政发[2018]3号', date: '2018-02-30' }),
    }, { from: SMALL_CONTENT });
    const result = run('check', [], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^issues\/2018\/02\/yzf-2018-3\.md:5:7 {2}error {2}date（成文日期） 的值有误：日期 2018-02-30 不存在/m);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('check --format json prints the messages as JSON', () => {
    const cwd = makeSite({ 'issues/2018/02/yzf-2018-3.md': documentFile({ doc_number: '永政发[2018]3号' }) }, { from: SMALL_CONTENT });
    const result = run('check', ['--format', 'json'], cwd);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      expect.objectContaining({ file: 'issues/2018/02/yzf-2018-3.md', line: 3, column: 13, severity: 'error', ruleId: 'doc-number' }),
    ]);
  });

  it('build with a content error exits 1 and writes nothing', () => {
    const cwd = makeSite({ 'issues/2018/02/yzf-2018-3.md': documentFile({ page: 'x' }) }, { from: SMALL_CONTENT });
    const result = run('build', ['--out', 'site'], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('document-schema');
    expect(existsSync(path.join(cwd, 'site'))).toBe(false);
  });

  it('build prints per-phase timings', () => {
    const cwd = makeSite({}, { from: SMALL_CONTENT });
    const result = run('build', ['--no-search'], cwd);
    expect(result.code).toBe(0);
    // A phase over a second is written in seconds (a loaded machine): the test is of the phases, not of their speed.
    const time = String.raw`(?:\d+ ms|\d+\.\d\d s)`;
    expect(result.stdout).toMatch(new RegExp(['load', 'validate', 'render', 'pages', 'downloads', 'sign', 'publish', 'cache'].map((phase) => `${phase} ${time}`).join(' · ')));
    expect(result.stdout).not.toContain('[11ty]'); // our phases report progress; Eleventy's own lines would repeat them
    expect(existsSync(path.join(cwd, 'dist/index.html'))).toBe(true);
  });

  it('build --threads renders in a worker even when run from outside the repository', () => {
    const cwd = makeSite({}, { from: SMALL_CONTENT }); // a temp folder: tsx must be found from the code, not the cwd
    const result = run('build', ['--no-search', '--threads', '1'], cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('用 1 个工作线程渲染');
  });

  it.each([
    ['build', ['--threads', 'two'], '--threads 应为不小于 0 的整数，收到 two'],
    ['build', ['--threads', '1e3'], '--threads 应为不小于 0 的整数'],
    ['dev', ['--port', 'abc'], '--port 应为 0 到 65535 之间的整数'],
    ['build', ['--path-prefix', 'zhengbao'], '--path-prefix 应以 / 开头和结尾'],
    ['build', ['--path-prefix', '/../'], '--path-prefix 应以 / 开头和结尾'],
    ['build', ['--path-prefix', '/zheng bao/'], '--path-prefix 应以 / 开头和结尾'],
    ['serve', ['--port', '70000'], '--port 应为 0 到 65535 之间的整数'],
    ['serve', ['--path-prefix', '/a//'], '--path-prefix 应以 / 开头和结尾'],
  ])('%s %s is refused with exit 2 and the rule', (command, args, message) => {
    const result = run(command, args, makeSite({}, { from: SMALL_CONTENT }));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it.each([
    [['--content', 'no-such-folder'], 'no-such-folder:1:1  error  找不到内容文件夹 no-such-folder：请用 --content 指定'],
    [['--config', 'no-such.yaml'], 'no-such.yaml:1:1  error  找不到文件 no-such.yaml：请检查路径'],
    [['--content', 'gazette.config.yaml'], 'gazette.config.yaml:1:1  error  找不到内容文件夹'],
    [['--content', 'empty'], 'empty:1:1  error  内容文件夹中还没有任何期刊'],
  ])('check %s: a missing or empty content path is a placed error with the fix, not a stack trace', (args, message) => {
    const result = run('check', args, makeSite({ 'empty/.gitkeep': '' }, { from: SMALL_CONTENT }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/ENOENT|\n\s+at /);
  });

  it('build --quiet prints nothing when all is well', () => {
    const cwd = makeSite({}, { from: SMALL_CONTENT });
    const result = run('build', ['--no-search', '--quiet'], cwd);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
});
