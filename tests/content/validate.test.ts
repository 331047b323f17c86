// Bad input gets placed messages: schema problems, YAML errors, impossible dates, 发文字号 rules, corpus cross-checks.
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/build/load-site.ts';
import { formatReport } from '../../src/report/format-report.ts';
import { ISSUE, documentFile, makeSite, SEED, SMALL, OTHER } from '../helpers/content.ts';

async function messagesFor(files: Record<string, string | Uint8Array>) {
  const cwd = makeSite({ 'issues/2018/02/issue.md': ISSUE, 'issues/2018/02/yzbf-2018-1.md': OTHER, ...files });
  const site = await loadSite({ cwd });
  return {
    site,
    messages: site.files.flatMap((file) =>
      file.messages.map((message) => ({ file: file.path, line: message.line, column: message.column, ruleId: message.ruleId, fatal: message.fatal, reason: message.reason })),
    ),
  };
}

describe('valid content', () => {
  it('the small fixture corpus has no messages', async () => {
    const site = await loadSite({ ...SMALL });
    expect(formatReport(site.files)).toBe('');
    expect(site.failed).toBe(false);
    expect(site.model?.documents.map((document) => document.slug)).toEqual(['yzbh-2018-20', 'yzf-2018-3', 'yzbf-2018-1']);
  });

  it('the seed issue has no messages', async () => {
    const site = await loadSite({ ...SEED });
    expect(formatReport(site.files)).toBe('');
    expect(site.model?.documents).toHaveLength(9);
  });
});

describe('bad input', () => {
  it('an unknown 时效性 value is a placed error that lists the allowed ones', async () => {
    const { messages, site } = await messagesFor({ 'issues/2018/02/yzf-2018-3.md': documentFile({ status: '现行有效' }) });
    expect(site.failed).toBe(true);
    const message = messages.find((candidate) => candidate.file === 'issues/2018/02/yzf-2018-3.md' && candidate.fatal);
    expect(message).toMatchObject({ line: 10, ruleId: 'document-schema' });
    expect(message!.reason).toContain('有效、失效、废止、已修改');
  });

  it('invalid YAML is reported at its line', async () => {
    const { messages, site } = await messagesFor({ 'issues/2018/02/yzf-2018-3.md': documentFile({ type: '"通知' }) });
    expect(site.failed).toBe(true);
    expect(messages).toContainEqual(expect.objectContaining({ file: 'issues/2018/02/yzf-2018-3.md', ruleId: 'front-matter-yaml', fatal: true }));
    expect(messages.find((message) => message.ruleId === 'front-matter-yaml')!.line).toBeGreaterThanOrEqual(8);
  });

  it('a missing required field is named, with an example of the fix', async () => {
    const { messages } = await messagesFor({ 'issues/2018/02/yzf-2018-3.md': documentFile({ date: null }) });
    const message = messages.find((entry) => entry.ruleId === 'document-schema')!;
    expect(message.reason).toContain('缺少必填字段 date（成文日期）');
    expect(message.reason).toContain('date: 2018-02-06');
    expect(message.line).toBe(1);
  });

  it('a wrong type is reported on the value’s line and column', async () => {
    const { messages } = await messagesFor({ 'issues/2018/02/yzf-2018-3.md': documentFile({ page: 'seven' }) });
    expect(messages).toContainEqual(expect.objectContaining({ ruleId: 'document-schema', line: 9, column: 7, fatal: true }));
  });

  it('an impossible date is an error at its place', async () => {
    const { messages } = await messagesFor({ 'issues/2018/02/yzf-2018-3.md': documentFile({ date: '2018-02-30' }) });
    const message = messages.find((entry) => entry.ruleId === 'document-schema')!;
    expect(message).toMatchObject({ line: 5, column: 7 });
    expect(message.reason).toContain('2018-02-30 不存在');
  });

  it('an unknown key suggests the known one (a misspelt registration_code is not silently dropped)', async () => {
    const { messages } = await messagesFor({
      'issues/2018/02/yzf-2018-3.md': documentFile({ registration_code: null, registraton_code: 'YZCR-2018-00001' }),
    });
    const message = messages.find((entry) => entry.ruleId === 'document-schema')!;
    expect(message.reason).toContain('是不是 registration_code');
    expect(message.line).toBe(9);
  });

  it('a 发文字号 with square brackets is reported with the corrected form', async () => {
    const { messages } = await messagesFor({ 'issues/2018/02/yzf-2018-3.md': documentFile({ doc_number: '永政发[2018]3号' }) });
    const message = messages.find((entry) => entry.ruleId === 'doc-number')!;
    expect(message).toMatchObject({ line: 3, column: 13, fatal: true });
    expect(message.reason).toContain('应为 永政发〔2018〕3号');
  });

  it('every error is found in one run, across files', async () => {
    const { messages } = await messagesFor({
      'issues/2018/02/yzf-2018-3.md': documentFile({ date: '2018-13-01', page: '"x"' }),
      'issues/2018/02/yzbf-2018-1.md': documentFile({ doc_number: '永政办发〔2018〕01号', issuers: '[永州市人民政府办公室]', registration_code: null, section: '市政府办文件' }),
    });
    const rules = new Set(messages.map((message) => `${message.file}:${message.ruleId}`));
    expect(rules).toEqual(
      new Set(['issues/2018/02/yzf-2018-3.md:document-schema', 'issues/2018/02/yzbf-2018-1.md:doc-number']),
    );
    expect(messages.filter((message) => message.file.endsWith('yzf-2018-3.md'))).toHaveLength(2);
  });

  it('a document not listed in the 目录 and a 目录 entry without a file are both reported', async () => {
    const { messages } = await messagesFor({
      'issues/2018/02/yzf-2018-3.md': documentFile(),
      'issues/2018/02/yzf-2018-4.md': documentFile({ doc_number: '永政发〔2018〕4号', registration_code: null }),
      'issues/2018/02/issue.md': ISSUE.replace('contents: [yzf-2018-3, yzbf-2018-1]', 'contents: [yzf-2018-3, yzbf-2018-1, yzf-2018-5]'),
    });
    expect(messages).toContainEqual(expect.objectContaining({ file: 'issues/2018/02/yzf-2018-4.md', ruleId: 'issue-contents' }));
    expect(messages).toContainEqual(expect.objectContaining({ file: 'issues/2018/02/issue.md', ruleId: 'issue-contents', line: 7 }));
  });

  it('a file that is not UTF-8 is refused with the encoding fix', async () => {
    const gbk = Uint8Array.from([0x2d, 0x2d, 0x2d, 0x0a, 0xd3, 0xc0, 0xd6, 0xdd, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]);
    const { messages } = await messagesFor({ 'issues/2018/02/yzf-2018-3.md': gbk });
    expect(messages).toContainEqual(expect.objectContaining({ ruleId: 'file-encoding', fatal: true }));
    expect(messages.find((entry) => entry.ruleId === 'file-encoding')!.reason).toContain('UTF-8');
  });

  it('BOM and CRLF line endings are accepted', async () => {
    const text = `\uFEFF${documentFile().replace(/\n/g, '\r\n')}`;
    const { messages, site } = await messagesFor({ 'issues/2018/02/yzf-2018-3.md': text });
    expect(messages).toEqual([]);
    expect(site.model?.documents[0]?.html).toContain('<p class="signature">');
  });

  it('the report is one line per message: path:line:col  severity  message  rule', async () => {
    const { site } = await messagesFor({ 'issues/2018/02/yzf-2018-3.md': documentFile({ doc_number: '永政发[2018]3号' }) });
    const report = formatReport(site.files);
    expect(report).toMatch(/^issues\/2018\/02\/yzf-2018-3\.md:3:13 {2}error {2}发文字号 永政发\[2018\]3号 .*应为 永政发〔2018〕3号 {2}doc-number$/m);
    expect(report).toContain('✖ 1 个错误');
  });
});
