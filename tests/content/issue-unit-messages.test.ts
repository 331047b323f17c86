// Messages about issues speak the gazette's own issue unit: a 第N号 gazette is never told about 第N期.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/build/load-site.ts';
import { REPO, makeSite } from '../helpers/content.ts';

const SECOND = path.join(REPO, 'tests/fixtures/second-gazette');
const ISSUE_2 = readFileSync(path.join(SECOND, 'issues/2020/02/issue.md'), 'utf8');

describe('issue messages in the unit of the gazette (号)', () => {
  it('a gap in 总期号 names the issues 第N号 and counts the missing ones in 号', async () => {
    const cwd = makeSite({ 'issues/2020/02/issue.md': ISSUE_2.replace('total_number: 55', 'total_number: 57') }, { from: path.join(SECOND, 'issues'), config: path.join(SECOND, 'gazette.config.yaml') });
    const reasons = (await loadSite({ cwd })).files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'issue-sequence').map((message) => message.reason));
    expect(reasons).toEqual(['总期号从 总第54号（2020年第1号）跳到 总第57号：中间缺 2 号，如属实可忽略']);
  });

  it('a 总期号 that goes back names the previous issue 第N号', async () => {
    const cwd = makeSite({ 'issues/2020/02/issue.md': ISSUE_2.replace('total_number: 55', 'total_number: 54') }, { from: path.join(SECOND, 'issues'), config: path.join(SECOND, 'gazette.config.yaml') });
    const reasons = (await loadSite({ cwd })).files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'issue-sequence').map((message) => message.reason));
    expect(reasons.join('\n')).toContain('不大于前一期（2020年第1号）');
    expect(reasons.join('\n')).not.toMatch(/第\d+期/);
  });
});
