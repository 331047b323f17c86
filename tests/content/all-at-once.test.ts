// One run shows every independent problem of a file: no rule waits for another to pass (issue #9).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/build/load-site.ts';
import { ISSUE, YONGZHOU_CONFIG, documentFile, makeSite, OTHER } from '../helpers/content.ts';

const NO_PREFIX_CONFIG = readFileSync(YONGZHOU_CONFIG, 'utf8').replace(/^registration_prefix:.*$/m, '');

async function messagesFor(files: Record<string, string | Uint8Array>) {
  const cwd = makeSite({ 'issues/2018/02/issue.md': ISSUE, 'issues/2018/02/yzbf-2018-1.md': OTHER, ...files });
  const site = await loadSite({ cwd });
  return site.files.flatMap((file) =>
    file.messages.map((message) => ({ file: file.path, line: message.line, column: message.column, ruleId: message.ruleId, fatal: message.fatal, reason: message.reason })),
  );
}

const rulesOf = (messages: Awaited<ReturnType<typeof messagesFor>>, file: string) =>
  messages.filter((message) => message.file.endsWith(file)).map((message) => message.ruleId).sort();

describe('every independent problem in one run', () => {
  it('a wrong bracket does not hide the unknown 机关代字, nor the year', async () => {
    const messages = await messagesFor({ 'issues/2018/02/yzf-2018-3.md': documentFile({ doc_number: '岳政办函[2012]165号' }) });
    expect(rulesOf(messages, 'yzf-2018-3.md')).toEqual(['doc-number', 'doc-number-issuer', 'doc-number-year']);
    expect(messages.find((message) => message.ruleId === 'doc-number-issuer')!.reason).toContain('机关代字「岳政办函」未在配置中登记');
  });

  it('a wrong bracket does not hide a file name that does not follow the 发文字号', async () => {
    const messages = await messagesFor({ 'issues/2018/02/yzf-2018-3.md': documentFile({ doc_number: '永政发[2018]7号' }) });
    expect(rulesOf(messages, 'yzf-2018-3.md')).toEqual(['doc-number', 'file-name']);
    expect(messages.find((message) => message.ruleId === 'file-name')!.reason).toContain('请改名为 yzf-2018-7.md');
  });

  it('a schema error in one field does not hide another field’s errors, nor the corpus rules on the valid fields', async () => {
    const messages = await messagesFor({
      'issues/2018/02/yzf-2018-3.md': documentFile({ page: 'seven', valid_until: '"2018-02-30"', doc_number: '永政发[2018]3号', type: '规则' }),
    });
    expect(rulesOf(messages, 'yzf-2018-3.md')).toEqual(['doc-number', 'document-schema', 'document-schema', 'type']);
  });

  it('a document with a schema error is still checked against its issue (目录, 栏目, date)', async () => {
    const messages = await messagesFor({
      'issues/2018/02/yzf-2018-3.md': documentFile({ page: 'seven' }),
      'issues/2018/02/yzf-2018-9.md': documentFile({ page: 'x', doc_number: '永政发〔2018〕9号', registration_code: null, date: '2018-03-05' }),
    });
    expect(rulesOf(messages, 'yzf-2018-9.md')).toEqual(['date', 'document-schema', 'issue-contents']);
  });

  it('an invalid issue.md does not hide its documents’ own problems', async () => {
    const messages = await messagesFor({
      'issues/2018/02/issue.md': ISSUE.replace('total_number: 103', 'total_number: many'),
      'issues/2018/02/yzf-2018-3.md': documentFile({ doc_number: '永政发[2018]3号' }),
    });
    expect(rulesOf(messages, 'issue.md')).toEqual(['issue-schema']);
    expect(rulesOf(messages, 'yzf-2018-3.md')).toEqual(['doc-number']);
  });

  it('the same 发文字号 in two bracket forms is a duplicate', async () => {
    const messages = await messagesFor({
      'issues/2018/02/yzf-2018-3.md': documentFile(),
      'issues/2018/02/yzbf-2018-1.md': documentFile({ doc_number: '永政发[2018]3号', registration_code: null }),
    });
    expect(rulesOf(messages, 'yzbf-2018-1.md')).toContain('unique-doc-number');
    expect(rulesOf(messages, 'yzf-2018-3.md')).toContain('unique-doc-number');
  });
});

describe('a gazette without a 登记号 system (no registration_prefix)', () => {
  it('a registration_code is an error at its key, saying to remove it or configure the prefix', async () => {
    const messages = await messagesFor({ 'gazette.config.yaml': NO_PREFIX_CONFIG, 'issues/2018/02/yzf-2018-3.md': documentFile() });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ file: 'issues/2018/02/yzf-2018-3.md', ruleId: 'registration-code', line: 4, column: 1, fatal: true });
    expect(messages[0]!.reason).toContain('请删去 registration_code');
    expect(messages[0]!.reason).toContain('registration_prefix');
  });

  it('no 登记号 form, year or uniqueness rule runs', async () => {
    const messages = await messagesFor({
      'gazette.config.yaml': NO_PREFIX_CONFIG,
      'issues/2018/02/yzf-2018-3.md': documentFile({ registration_code: 'nonsense' }),
      'issues/2018/02/yzbf-2018-1.md': documentFile({ doc_number: '永政办发〔2018〕1号', issuers: '[永州市人民政府办公室]', section: '市政府办文件', registration_code: 'nonsense' }),
    });
    expect(new Set(messages.map((message) => message.ruleId))).toEqual(new Set(['registration-code']));
    expect(messages).toHaveLength(2);
  });

  it('documents without a registration_code pass', async () => {
    const messages = await messagesFor({ 'gazette.config.yaml': NO_PREFIX_CONFIG, 'issues/2018/02/yzf-2018-3.md': documentFile({ registration_code: null }) });
    expect(messages).toEqual([]);
  });
});

describe('body warnings reach the report at their file line', () => {
  it('a 落款 split by blank lines is a placed signature-split warning', async () => {
    const messages = await messagesFor({ 'issues/2018/02/yzf-2018-3.md': documentFile({}, '正文第一段。\n\n永州市人民政府\n\n2018年2月1日\n') });
    expect(messages).toEqual([expect.objectContaining({ file: 'issues/2018/02/yzf-2018-3.md', line: 14, column: 1, ruleId: 'signature-split', fatal: false })]);
    expect(messages[0]!.reason).toContain('请删去空行，使其连续成行');
  });

  it('a cited 发文字号 with mojibake brackets is a placed citation-brackets warning naming the standard form', async () => {
    const messages = await messagesFor({ 'issues/2018/02/yzf-2018-3.md': documentFile({}, '根据国办发„2009‟3号精神。\n\n永州市人民政府\n2018年2月1日\n') });
    expect(messages).toEqual([expect.objectContaining({ line: 12, column: 3, ruleId: 'citation-brackets', fatal: false })]);
    expect(messages[0]!.reason).toContain('应为 国办发〔2009〕3号');
  });

  it('a document with a front-matter error still gets its body warnings in the same run', async () => {
    const messages = await messagesFor({ 'issues/2018/02/yzf-2018-3.md': documentFile({ page: 'seven' }, '根据国办发„2009‟3号精神。\n\n永州市人民政府\n\n2018年2月1日\n') });
    expect(rulesOf(messages, 'yzf-2018-3.md')).toEqual(['citation-brackets', 'document-schema', 'signature-split']);
  });
});
