// The command line speaks the gazette's issue unit: check counts 号, new's help and messages take the config's unit and examples.
import { describe, expect, it } from 'vitest';
import { SECOND_GAZETTE } from '../helpers/content.ts';
import { issueText, makeGazette, runCli } from '../helpers/other-gazette.ts';

describe('the command line of a 号 gazette', () => {
  it('npm run check on the second gazette counts 2 号、8 篇文件', () => {
    const checked = runCli('check', SECOND_GAZETTE, []);
    expect(checked.stderr).toBe('');
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain('✔ 内容无错误：2 号、8 篇文件');
  });

  it('new --help shows the config’s unit and the content’s newest issue and 发文字号, not the seed’s', () => {
    const help = runCli('new', SECOND_GAZETTE, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('下一年第 1 号');
    expect(help.stdout).toContain('issues/<年份>/<号数>/issue.md');
    expect(help.stdout).toContain('npm run new -- issue [2020-03]');
    expect(help.stdout).toMatch(/npm run new -- doc 2020-02 --number 江\S*〔2020〕\d+号 --title /);
    expect(help.stdout).not.toMatch(/2018|永|第 1 期/);
  });

  it('new --help without a config is neutral', () => {
    const help = runCli('new', makeGazette({}, { config: null }), ['--help']);
    expect(help.stdout).toContain('某政发〔');
    expect(help.stdout).not.toMatch(/2018|永|江州/);
  });

  it('new -- issue refuses a number the 刊期 has not, in 号', () => {
    const cwd = makeGazette({ 'issues/2020/24/issue.md': issueText(2020, 24, 80, '2020-12-31') }, { unit: '号', frequency: '半月刊' });
    const refused = runCli('new', cwd, ['issue', '2020-25']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('半月刊每年最多 24 号，2020 年没有第 25 号：下一年的第 1 号是 2021-01');
    expect(refused.stderr).not.toContain('期，');
  });

  it('new -- doc 2020-3 is the issue 2020/03 (a one-digit number is read, never turned into a folder 2020/3)', () => {
    const cwd = makeGazette({ 'issues/2020/03/issue.md': issueText(2020, 3, 56, '2020-02-15') }, { unit: '号', frequency: '半月刊' });
    const created = runCli('new', cwd, ['doc', '2020-3', '--number', '江政发〔2020〕7号', '--title', '江州市人民政府关于测试的通知']);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('issues/2020/03/jzf-2020-7.md');
    const missing = runCli('new', cwd, ['doc', '2020-4', '--number', '江政发〔2020〕8号', '--title', '江州市人民政府关于测试的通知']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('没有 2020年第4号（2020/04）：请先运行 npm run new -- issue 2020-04');
  });
});
