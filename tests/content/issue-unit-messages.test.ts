// Messages about issues speak the gazette's own issue unit: a 第N号 gazette is never told about 第N期.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/build/load-site.ts';
import { REPO, makeSite } from '../helpers/content.ts';

const SECOND = path.join(REPO, 'tests/fixtures/second-gazette');
const ISSUE_2 = readFileSync(path.join(SECOND, 'issues/2020/02/issue.md'), 'utf8');

describe('issue messages in the unit of the gazette (号)', () => {
  it('a gap in 总号数 names the number 总号数, the issues 第N号 and counts the missing ones in 号', async () => {
    const cwd = makeSite({ 'issues/2020/02/issue.md': ISSUE_2.replace('total_number: 55', 'total_number: 57') }, { from: path.join(SECOND, 'issues'), config: path.join(SECOND, 'gazette.config.yaml') });
    const reasons = (await loadSite({ cwd })).files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'issue-sequence').map((message) => message.reason));
    expect(reasons).toEqual(['总号数从 总第54号（2020年第1号）跳到 总第57号：中间缺 2 号，如属实可忽略']);
  });

  it('a 总期号 that goes back names the previous issue 第N号', async () => {
    const cwd = makeSite({ 'issues/2020/02/issue.md': ISSUE_2.replace('total_number: 55', 'total_number: 54') }, { from: path.join(SECOND, 'issues'), config: path.join(SECOND, 'gazette.config.yaml') });
    const reasons = (await loadSite({ cwd })).files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'issue-sequence').map((message) => message.reason));
    expect(reasons.join('\n')).toContain('不大于前一期（2020年第1号）');
    expect(reasons.join('\n')).not.toMatch(/第\d+期/);
  });

  const fromSecond = (files: Record<string, string>) => makeSite(files, { from: path.join(SECOND, 'issues'), config: path.join(SECOND, 'gazette.config.yaml') });
  const messagesOf = async (cwd: string, file: string) => (await loadSite({ cwd })).files.find((candidate) => candidate.path === file)?.messages ?? [];

  it('a number the 刊期 has not (第25号 of a 半月刊) is an error at number, with the fix, in 号', async () => {
    const cwd = fromSecond({ 'issues/2020/25/issue.md': ISSUE_2.replace('number: 2', 'number: 25').replace('total_number: 55', 'total_number: 56').replace(/contents:[\s\S]*?(?=\n[a-z_]+:|\n---)/, 'contents: []') });
    const messages = await messagesOf(cwd, 'issues/2020/25/issue.md');
    const rule = messages.filter((message) => message.ruleId === 'issue-number');
    expect(rule.map((message) => message.reason)).toEqual(['号数 25 与刊期不符：半月刊每年最多 24 号，2020 年没有第 25 号：下一年的第 1 号是 2021-01；如果本刊的刊期不是半月刊，请修改配置中的 frequency']);
    expect(rule[0]!.fatal).toBe(true);
    expect(rule[0]!.line).toBe(ISSUE_2.split('\n').findIndex((line) => line.startsWith('number:')) + 1);
    expect(messages.filter((message) => message.ruleId === 'issue-folder')).toEqual([]);
  });

  it('number 25 left in folder 2020/01: both problems, and only the fix that gives an issue of the 刊期', async () => {
    const ISSUE_1 = readFileSync(path.join(SECOND, 'issues/2020/01/issue.md'), 'utf8');
    const cwd = fromSecond({ 'issues/2020/01/issue.md': ISSUE_1.replace('number: 1', 'number: 25') });
    const reasons = (await messagesOf(cwd, 'issues/2020/01/issue.md')).map((message) => `${message.ruleId} ${message.reason}`);
    expect(reasons).toContain('issue-number 号数 25 与刊期不符：半月刊每年最多 24 号，2020 年没有第 25 号：下一年的第 1 号是 2021-01；如果本刊的刊期不是半月刊，请修改配置中的 frequency');
    expect(reasons).toContain('issue-folder 期刊文件夹 2020/01 与年份 2020、号数 25 不符：如文件夹无误，请把 number 改为 1');
    expect(reasons.join('\n')).not.toContain('2020/25');
  });

  it('a number that fits, in the wrong folder: both fixes', async () => {
    const ISSUE_1 = readFileSync(path.join(SECOND, 'issues/2020/01/issue.md'), 'utf8');
    const cwd = fromSecond({ 'issues/2020/01/issue.md': ISSUE_1.replace('number: 1', 'number: 3') });
    const reasons = (await messagesOf(cwd, 'issues/2020/01/issue.md')).filter((message) => message.ruleId === 'issue-folder').map((message) => message.reason);
    expect(reasons).toEqual(['期刊文件夹 2020/01 与年份 2020、号数 3 不符：如文件夹无误，请把 number 改为 1；如号数无误，请把本期移到 2020/03/']);
  });

  it('schema messages call number 号数 and total_number 总号数', async () => {
    const cwd = fromSecond({ 'issues/2020/02/issue.md': ISSUE_2.replace('number: 2', 'number: two').replace('total_number: 55', 'total_number: many') });
    const reasons = (await messagesOf(cwd, 'issues/2020/02/issue.md')).filter((message) => message.ruleId === 'issue-schema').map((message) => message.reason);
    expect(reasons.join('\n')).toContain('number（号数） 的值有误：应为整数');
    expect(reasons.join('\n')).toContain('total_number（总号数） 的值有误：应为整数');
    expect(reasons.join('\n')).not.toContain('期号');
  });
});
