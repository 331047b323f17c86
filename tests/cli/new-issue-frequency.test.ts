// `npm run new -- issue` by 刊期: the next number and 出版日期, a guessed date flagged, a first issue needs --total.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadConfig } from '../../src/content/load-config.ts';
import { loadCorpus } from '../../src/content/load-corpus.ts';
import { scaffoldIssue, ScaffoldError } from '../../src/content/scaffold.ts';
import { loadSite } from '../../src/build/load-site.ts';
import { issueText, makeGazette, runCli } from '../helpers/other-gazette.ts';

async function nextIssue(frequency: string, issues: Record<string, string>, options: Parameters<typeof scaffoldIssue>[1] = {}) {
  const cwd = makeGazette(issues, { frequency });
  const { config } = await loadConfig('gazette.config.yaml', cwd);
  const corpus = await loadCorpus('issues', config!, { cwd });
  return scaffoldIssue(corpus, options);
}

function frontMatter(text: string): Record<string, unknown> {
  return parseDocument(text.replace(/^---\n/, '').replace(/---\n$/, '')).toJSON() as Record<string, unknown>;
}

describe('npm run new -- issue, by 刊期', () => {
  const february = { 'issues/2020/03/issue.md': issueText(2020, 3, 55, '2020-02-15') };

  it.each([
    ['月刊', { year: 2020, number: 4 }, '2020-04-30'],
    ['半月刊', { year: 2020, number: 4 }, '2020-02-29'],
    ['旬刊', { year: 2020, number: 4 }, '2020-02-10'],
    ['周刊', { year: 2020, number: 4 }, '2020-02-22'],
  ])('%s: the issue after 2020年第3期 and its 出版日期', async (frequency, address, published) => {
    const created = await nextIssue(frequency, february);
    expect(created.address).toEqual(address);
    expect(frontMatter(created.text)).toMatchObject({ ...address, total_number: 56, published });
    expect(created.guesses).toEqual([`出版日期 ${published} 是按${frequency}推算的，请核对`]);
  });

  it('rolls into the next year when the year is full', async () => {
    const created = await nextIssue('月刊', { 'issues/2020/12/issue.md': issueText(2020, 12, 64, '2020-12-31') });
    expect(frontMatter(created.text)).toMatchObject({ year: 2021, number: 1, total_number: 65, published: '2021-01-31' });
  });

  it('不定期: no date is guessed; --published is asked for', async () => {
    const refused = await nextIssue('不定期', february).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ScaffoldError);
    expect((refused as ScaffoldError).message).toContain('--published');
    const created = await nextIssue('不定期', february, { published: '2020-05-06' });
    expect(frontMatter(created.text)).toMatchObject({ year: 2020, number: 4, published: '2020-05-06' });
    expect(created.guesses).toEqual([]);
  });

  it('a guessed date carries a YAML comment in issue.md and a note on stdout; the issue loads', async () => {
    const cwd = makeGazette(february, { frequency: '半月刊' });
    const result = runCli('new', cwd, ['issue']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('出版日期 2020-02-29 是按半月刊推算的，请核对');
    const written = readFileSync(path.join(cwd, 'issues/2020/04/issue.md'), 'utf8');
    expect(written).toMatch(/^published: 2020-02-29 # 待核对：出版日期按刊期推算$/m);
    expect(written).toMatch(/^total_number: 56$/m);
    const site = await loadSite({ cwd });
    expect(site.files.flatMap((file) => file.messages.filter((message) => message.fatal).map((message) => message.reason))).toEqual([]);
    // check warns at the guessed date until an editor has checked it and removed the comment
    const guesses = site.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'unchecked-guess').map((message) => `${file.path}:${message.line}`));
    const line = written.split('\n').findIndex((text) => text.startsWith('published:')) + 1;
    expect(guesses).toEqual([`issues/2020/04/issue.md:${line}`]);
  });

  it('a first issue needs --total (exit 2, nothing written); with --total and --published it writes what was asked', () => {
    const cwd = makeGazette({}, { frequency: '月刊' });
    const refused = runCli('new', cwd, ['issue', '2020-03']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--total');
    expect(existsSync(path.join(cwd, 'issues/2020/03'))).toBe(false);
    const created = runCli('new', cwd, ['issue', '2020-03', '--total', '54', '--published', '2020-03-27']);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).not.toContain('推算');
    const written = readFileSync(path.join(cwd, 'issues/2020/03/issue.md'), 'utf8');
    expect(frontMatter(written)).toMatchObject({ year: 2020, number: 3, total_number: 54, published: '2020-03-27', contents: [] });
    expect(written).not.toContain('按刊期推算');
  });

  it('refuses 2020-13 for a 月刊 (12 issues a year), and a bad --published, writing nothing', () => {
    const cwd = makeGazette({ 'issues/2020/12/issue.md': issueText(2020, 12, 64, '2020-12-31') });
    const refused = runCli('new', cwd, ['issue', '2020-13']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('月刊每年最多 12 期');
    expect(refused.stderr).toContain('2021-01');
    expect(existsSync(path.join(cwd, 'issues/2020/13'))).toBe(false);
    const badDate = runCli('new', cwd, ['issue', '2021-01', '--published', '2021-02-30']);
    expect(badDate.code).toBe(2);
    expect(existsSync(path.join(cwd, 'issues/2021/01'))).toBe(false);
  });

  it('labels with the config’s issue_unit', () => {
    const cwd = makeGazette(february, { unit: '号' });
    const result = runCli('new', cwd, ['issue']);
    expect(result.stdout).toContain('2020年第4号');
    expect(readFileSync(path.join(cwd, 'issues/2020/04/issue.md'), 'utf8')).toContain('总第55号');
  });
});
