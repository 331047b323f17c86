// Every schema message is Chinese, placed at the key or value, and states the fix with an example (issue #9).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/build/load-site.ts';
import { ISSUE, YONGZHOU_CONFIG, documentFile, makeSite, OTHER } from '../helpers/content.ts';

const CONFIG = readFileSync(YONGZHOU_CONFIG, 'utf8');
const DOC = 'issues/2018/02/yzf-2018-3.md';

/** English words zod would print untranslated. */
const ENGLISH = /\b(?:Invalid|expected|received|Too (?:small|big)|Unrecognized|input|option|string|number|object|array)\b/;

type Case = [name: string, files: Record<string, string>, ruleId: string, contains?: string];

const cases: Case[] = [
  ['object where text (title)', { [DOC]: documentFile({ title: '{ a: 1 }' }) }, 'document-schema', '应为文字'],
  ['list where text (doc_number)', { [DOC]: documentFile({ doc_number: '[永政发〔2018〕3号]' }) }, 'document-schema'],
  ['text where a list (issuers)', { [DOC]: documentFile({ issuers: '永州市人民政府' }) }, 'document-schema', '如 issuers: [永州市人民政府]'],
  ['empty list (issuers)', { [DOC]: documentFile({ issuers: '[]' }) }, 'document-schema', '至少写一个发文机关'],
  ['empty text (title)', { [DOC]: documentFile({ title: '""' }) }, 'document-schema', '不能为空'],
  ['a date in the wrong form', { [DOC]: documentFile({ date: '2018/02/01' }) }, 'document-schema', 'YYYY-MM-DD'],
  ['a date that does not exist', { [DOC]: documentFile({ date: '2018-02-30' }) }, 'document-schema', '不存在'],
  ['a boolean where a date (valid_until)', { [DOC]: documentFile({ valid_until: 'true' }) }, 'document-schema'],
  ['text where a number (page)', { [DOC]: documentFile({ page: 'seven' }) }, 'document-schema', '如 page: '],
  ['a fraction where an integer (page)', { [DOC]: documentFile({ page: '2.5' }) }, 'document-schema'],
  ['text where a list (amended_by)', { [DOC]: documentFile({ amended_by: '永政发〔2019〕1号' }) }, 'document-schema', '如 amended_by: ['],
  ['an unknown key', { [DOC]: documentFile({ registration_code: null, registraton_code: 'YZCR-2018-00001' }) }, 'document-schema', '是不是 registration_code'],
  ['front matter that is not key: value', { [DOC]: '---\nhello\n---\n正文。\n' }, 'document-schema', '应为键值'],
  ['text where an integer (issue year)', { 'issues/2018/02/issue.md': ISSUE.replace('year: 2018', 'year: abc') }, 'issue-schema', 'year（年份） 的值有误：应为整数'],
  ['a year out of range', { 'issues/2018/02/issue.md': ISSUE.replace('year: 2018', 'year: 1800') }, 'issue-schema', '应不小于 1949'],
  ['text where a list (sections)', { 'issues/2018/02/issue.md': ISSUE.replace('sections: [市政府文件, 市政府办文件]', 'sections: 市政府文件') }, 'issue-schema', '如 sections: ['],
  ['a file name that is not a slug (contents)', { 'issues/2018/02/issue.md': ISSUE.replace('contents: [yzf-2018-3,', 'contents: [YZF-2018-3,') }, 'issue-schema', '小写字母'],
  ['an unknown nested key (editorial_board)', { 'issues/2018/02/issue.md': ISSUE.replace('---\n\n', '').replace(/---\n$/, 'editorial_board: [{ role: 主编, member: [张三] }]\n---\n') }, 'issue-schema', '是不是 members'],
  ['a bad enum value (issue_unit: 册)', { 'gazette.config.yaml': CONFIG.replace(/^issue_unit:.*$/m, 'issue_unit: 册') }, 'config-schema', '期 或 号'],
  ['a bad enum value (frequency)', { 'gazette.config.yaml': CONFIG.replace(/^frequency:.*$/m, 'frequency: 年刊') }, 'config-schema', '月刊'],
  ['not a URL (base_url)', { 'gazette.config.yaml': CONFIG.replace(/^base_url:.*$/m, 'base_url: zhengbao') }, 'config-schema', '如 base_url: https://'],
  ['lower case (registration_prefix)', { 'gazette.config.yaml': CONFIG.replace(/^registration_prefix:.*$/m, 'registration_prefix: abcr') }, 'config-schema', '大写字母'],
  ['text where an integer (search_shard_size)', { 'gazette.config.yaml': `${CONFIG}\nsearch_shard_size: many\n` }, 'config-schema', '应为数字，实际是文字「many」'],
  ['text where a list (config sections)', { 'gazette.config.yaml': CONFIG.replace(/^sections:\n(?:\s+-.*\n)+/m, 'sections: 市政府文件\n') }, 'config-schema', '如 sections: [{ name:'],
  ['an unknown config key', { 'gazette.config.yaml': `${CONFIG}\nnmae: 某市政报\n` }, 'config-schema', '是不是 name'],
];

describe('schema messages', () => {
  it.each(cases)('%s: Chinese, placed, with the fix and an example', async (_, files, ruleId, contains) => {
    const cwd = makeSite({ 'issues/2018/02/issue.md': ISSUE, 'issues/2018/02/yzbf-2018-1.md': OTHER, [DOC]: documentFile(), ...files });
    const site = await loadSite({ cwd });
    const messages = site.files.flatMap((file) => file.messages).filter((message) => message.ruleId === ruleId);
    expect(messages.length, JSON.stringify(files)).toBeGreaterThan(0);
    for (const message of messages) {
      const reason = message.reason;
      expect(reason).toMatch(/\p{Script=Han}/u);
      expect(reason).not.toMatch(ENGLISH);
      expect(message.line, reason).toBeGreaterThan(0);
      expect(message.column, reason).toBeGreaterThan(0);
      expect(message.fatal).toBe(true);
      // The fix: 应 (what it should be) and 如 key: value (an example of this gazette or a generic one).
      expect(reason).toMatch(/应/);
      expect(reason).toMatch(/如 [a-z_]+: \S/);
      expect(reason).not.toMatch(/如 (?:yzf|YZCR)\b/);
    }
    if (contains) expect(messages.map((message) => message.reason).join('\n')).toContain(contains);
  });
});
