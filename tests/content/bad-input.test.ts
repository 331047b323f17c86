// The bad-input suite: each case is one editor mistake, asserting the exact rule id, file, line and exit code.
import { symlinkSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/build/load-site.ts';
import { ISSUE, documentFile, makeSite, OTHER } from '../helpers/content.ts';

const DOC = 'issues/2018/02/yzf-2018-3.md';
const OTHER_PATH = 'issues/2018/02/yzbf-2018-1.md';
const ISSUE_PATH = 'issues/2018/02/issue.md';

interface Case {
  name: string;
  files: Record<string, string | Uint8Array>;
  /** [file, line, ruleId] of the first message expected */
  expect: [string, number, string];
  exit: 0 | 1;
}

const doc = (overrides: Record<string, string | null>, body?: string) => ({ [DOC]: documentFile(overrides, body) });
const issue = (from: string, to: string) => ({ [ISSUE_PATH]: ISSUE.replace(from, to) });

const cases: Case[] = [
  // files
  { name: 'GBK-encoded file', files: { [DOC]: Uint8Array.from([0x2d, 0x2d, 0x2d, 0x0a, 0xd3, 0xc0, 0x0a]) }, expect: [DOC, 1, 'file-encoding'], exit: 1 },
  { name: 'empty file', files: { [DOC]: '' }, expect: [DOC, 1, 'file-empty'], exit: 1 },
  { name: 'whitespace-only file', files: { [DOC]: ' \n\n' }, expect: [DOC, 1, 'file-empty'], exit: 1 },
  { name: 'document outside an issue folder', files: { 'issues/2018/yzf-2018-5.md': documentFile() }, expect: ['issues/2018/yzf-2018-5.md', 1, 'file-location'], exit: 1 },
  { name: 'issue folder not zero-padded (2018/4)', files: { 'issues/2018/4/issue.md': ISSUE }, expect: ['issues/2018/4', 1, 'file-location'], exit: 1 },
  { name: 'document saved as .MD', files: { 'issues/2018/02/yzf-2018-5.MD': documentFile() }, expect: ['issues/2018/02/yzf-2018-5.MD', 1, 'file-location'], exit: 1 },
  { name: 'document saved as .markdown', files: { 'issues/2018/02/yzf-2018-5.markdown': documentFile() }, expect: ['issues/2018/02/yzf-2018-5.markdown', 1, 'file-location'], exit: 1 },
  { name: 'stray non-Markdown file in an issue folder (a warning)', files: { 'issues/2018/02/scan.pdf': 'x' }, expect: ['issues/2018/02/scan.pdf', 1, 'file-location'], exit: 0 },
  { name: 'file over the size limit', files: { [DOC]: documentFile({}, `${'正文。'.repeat(800_000)}\n`) }, expect: [DOC, 1, 'file-size'], exit: 1 },
  // front matter
  { name: 'no front matter', files: { [DOC]: '正文。\n' }, expect: [DOC, 1, 'front-matter-missing'], exit: 1 },
  { name: 'unclosed front matter', files: { [DOC]: '---\ntitle: 标题\n\n正文。\n' }, expect: [DOC, 1, 'front-matter-unclosed'], exit: 1 },
  { name: 'unclosed quote', files: doc({ type: '"通知' }), expect: [DOC, 9, 'front-matter-yaml'], exit: 1 },
  { name: 'tab indentation', files: { [DOC]: documentFile().replace('issuers: [永州市人民政府]', 'issuers:\n\t- 永州市人民政府') }, expect: [DOC, 7, 'front-matter-yaml'], exit: 1 },
  { name: 'duplicate key', files: { [DOC]: documentFile().replace('type: 意见', 'type: 意见\ntype: 通知') }, expect: [DOC, 9, 'front-matter-yaml'], exit: 1 },
  { name: 'YAML alias bomb', files: { [DOC]: documentFile().replace('type: 意见', 'a: &a ["x","x"]\nb: &b [*a,*a,*a,*a]\nc: [*b,*b,*b,*b]\ntype: 意见') }, expect: [DOC, 1, 'front-matter-yaml'], exit: 1 },
  // schema
  { name: 'missing title', files: doc({ title: null }), expect: [DOC, 1, 'document-schema'], exit: 1 },
  { name: 'missing doc_number', files: doc({ doc_number: null }), expect: [DOC, 1, 'document-schema'], exit: 1 },
  { name: 'page is not a number', files: doc({ page: 'seven' }), expect: [DOC, 9, 'document-schema'], exit: 1 },
  { name: 'page is zero', files: doc({ page: '0' }), expect: [DOC, 9, 'document-schema'], exit: 1 },
  { name: 'issuers is a string', files: doc({ issuers: '永州市人民政府' }), expect: [DOC, 6, 'document-schema'], exit: 1 },
  { name: 'impossible date', files: doc({ date: '2018-02-30' }), expect: [DOC, 5, 'document-schema'], exit: 1 },
  { name: 'date in Chinese form', files: doc({ date: '2018年2月1日' }), expect: [DOC, 5, 'document-schema'], exit: 1 },
  { name: 'misspelt key', files: doc({ registration_code: null, registration_cod: 'YZCR-2018-00001' }), expect: [DOC, 9, 'document-schema'], exit: 1 },
  { name: 'issue: 期号 not a number', files: issue('number: 2', 'number: 二'), expect: [ISSUE_PATH, 3, 'issue-schema'], exit: 1 },
  { name: 'issue: impossible 出版日期', files: issue('published: 2018-02-28', 'published: 2018-02-29'), expect: [ISSUE_PATH, 5, 'issue-schema'], exit: 1 },
  // 发文字号
  { name: '发文字号 with [2018]', files: doc({ doc_number: '永政发[2018]3号' }), expect: [DOC, 3, 'doc-number'], exit: 1 },
  { name: '发文字号 with ［2018］', files: doc({ doc_number: '永政发［2018］3号' }), expect: [DOC, 3, 'doc-number'], exit: 1 },
  { name: '发文字号 with (2018)', files: doc({ doc_number: '永政发(2018)3号' }), expect: [DOC, 3, 'doc-number'], exit: 1 },
  { name: '发文字号 with 〈2018〉', files: doc({ doc_number: '永政发〈2018〉3号' }), expect: [DOC, 3, 'doc-number'], exit: 1 },
  { name: '发文字号 with „2018‟', files: doc({ doc_number: '永政发„2018‟3号' }), expect: [DOC, 3, 'doc-number'], exit: 1 },
  { name: '发文字号 with a leading zero', files: doc({ doc_number: '永政发〔2018〕03号' }), expect: [DOC, 3, 'doc-number'], exit: 1 },
  { name: 'repealed_by with [2018]', files: doc({ repealed_by: '永政发[2020]8号' }), expect: [DOC, 10, 'doc-number'], exit: 1 },
  { name: 'unknown 机关代字', files: doc({ doc_number: '湘政发〔2018〕3号' }), expect: [DOC, 3, 'doc-number-issuer'], exit: 1 },
  { name: '机关代字 of another organ', files: doc({ issuers: '[永州市人民政府办公室]' }), expect: [DOC, 6, 'doc-number-issuer'], exit: 1 },
  { name: '发文字号 year differs from 成文日期', files: doc({ date: '2017-12-30' }), expect: [DOC, 3, 'doc-number-year'], exit: 1 },
  { name: 'file name does not follow the 发文字号', files: { 'issues/2018/02/yzf-2018-3.md': documentFile({ doc_number: '永政发〔2018〕7号' }) }, expect: [DOC, 1, 'file-name'], exit: 1 },
  { name: 'unknown 发文机关', files: doc({ issuers: '[永州市人民政府, 永州市教育局]' }), expect: [DOC, 6, 'issuer'], exit: 1 },
  // 登记号
  { name: '登记号 in lower case', files: doc({ registration_code: 'yzcr-2018-00001' }), expect: [DOC, 4, 'registration-code'], exit: 1 },
  { name: '登记号 with four digits', files: doc({ registration_code: 'YZCR-2018-0001' }), expect: [DOC, 4, 'registration-code'], exit: 1 },
  { name: '登记号 year differs', files: doc({ registration_code: 'YZCR-2017-00001' }), expect: [DOC, 4, 'registration-code'], exit: 1 },
  {
    name: '登记号 used twice',
    files: { ...doc({}), [OTHER_PATH]: OTHER.replace('type: 通知', 'type: 通知\nregistration_code: YZCR-2018-00001') },
    expect: [OTHER_PATH, 8, 'unique-registration-code'],
    exit: 1,
  },
  { name: '文种 not in the config', files: doc({ type: '便函' }), expect: [DOC, 8, 'type'], exit: 1 },
  { name: 'empty body (a warning)', files: { [DOC]: documentFile({}, '\n') }, expect: [DOC, 1, 'body-empty'], exit: 0 },
  { name: 'issue folder without issue.md', files: { 'issues/2018/03/yzf-2018-9.md': documentFile({ doc_number: '永政发〔2018〕9号' }) }, expect: ['issues/2018/03/issue.md', 1, 'issue-missing'], exit: 1 },
  { name: 'config that is not YAML', files: { 'gazette.config.yaml': 'name: 永州政报\nissuers: [\n' }, expect: ['gazette.config.yaml', 3, 'config-yaml'], exit: 1 },
  { name: 'duplicate 总期号', files: { 'issues/2018/03/issue.md': '---\nyear: 2018\nnumber: 3\ntotal_number: 103\npublished: 2018-03-31\nsections: [市政府文件]\ncontents: []\n---\n' }, expect: ['issues/2018/03/issue.md', 4, 'issue-sequence'], exit: 1 },
  { name: '总期号 going down', files: { 'issues/2018/03/issue.md': '---\nyear: 2018\nnumber: 3\ntotal_number: 90\npublished: 2018-03-31\nsections: [市政府文件]\ncontents: []\n---\n' }, expect: ['issues/2018/03/issue.md', 4, 'issue-sequence'], exit: 1 },
  // uniqueness and issues
  { name: 'same 发文字号 in two files', files: { ...doc({}), [OTHER_PATH]: documentFile({ registration_code: null, section: '市政府办文件' }) }, expect: [OTHER_PATH, 1, 'file-name'], exit: 1 },
  { name: '成文日期 after 出版日期', files: doc({ date: '2018-03-01' }), expect: [DOC, 5, 'date'], exit: 1 },
  { name: '有效期至 before 成文日期', files: doc({ valid_until: '2017-01-01' }), expect: [DOC, 10, 'date'], exit: 1 },
  { name: '栏目 not in the issue', files: doc({ section: '人事任免' }), expect: [DOC, 7, 'section'], exit: 1 },
  { name: '目录 lists a missing file', files: { ...doc({}), ...issue('contents: [yzf-2018-3, yzbf-2018-1]', 'contents: [yzf-2018-3, yzbf-2018-1, yzf-2018-9]') }, expect: [ISSUE_PATH, 7, 'issue-contents'], exit: 1 },
  { name: 'pages descend in 目录 order', files: doc({ page: '30' }), expect: [OTHER_PATH, 8, 'page-order'], exit: 1 },
  { name: 'issue folder does not match 期号', files: { ...doc({}), ...issue('number: 2', 'number: 3') }, expect: [ISSUE_PATH, 3, 'issue-folder'], exit: 1 },
  { name: 'raw script in the body is a warning', files: doc({}, '正文。\n\n<script>alert(1)</script>\n'), expect: [DOC, 14, 'unsafe-html'], exit: 0 },
];

describe('bad input', () => {
  it('has at least 30 cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));

  for (const testCase of cases) {
    it(testCase.name, async () => {
      const cwd = makeSite({ [ISSUE_PATH]: ISSUE, [OTHER_PATH]: OTHER, [DOC]: documentFile(), ...testCase.files });
      const site = await loadSite({ cwd });
      const messages = site.files.flatMap((file) => file.messages.map((message) => [file.path, message.line, message.ruleId]));
      const [file, line, ruleId] = testCase.expect;
      expect(messages).toContainEqual([file, line, ruleId]);
      expect(site.failed ? 1 : 0).toBe(testCase.exit);
    });
  }

  it('a symlink that leaves the content folder is refused', async () => {
    const cwd = makeSite({ [ISSUE_PATH]: ISSUE, [OTHER_PATH]: OTHER });
    const outside = path.join(tmpdir(), `outside-${process.pid}.md`);
    writeFileSync(outside, documentFile());
    mkdirSync(path.join(cwd, 'issues/2018/02'), { recursive: true });
    symlinkSync(outside, path.join(cwd, DOC));
    const site = await loadSite({ cwd });
    const messages = site.files.flatMap((file) => file.messages.map((message) => [file.path, message.line, message.ruleId]));
    expect(messages).toContainEqual([DOC, 1, 'file-symlink']);
    expect(site.failed).toBe(true);
  });

  it('a symlinked issue folder that leaves the content folder is refused, and nothing in it is read', async () => {
    const cwd = makeSite({ [ISSUE_PATH]: ISSUE, [OTHER_PATH]: OTHER, [DOC]: documentFile() });
    const outside = path.join(tmpdir(), `outside-issue-${process.pid}`);
    mkdirSync(outside, { recursive: true });
    writeFileSync(path.join(outside, 'issue.md'), ISSUE);
    symlinkSync(outside, path.join(cwd, 'issues/2018/03'));
    const site = await loadSite({ cwd });
    const messages = site.files.flatMap((file) => file.messages.map((message) => [file.path, message.line, message.ruleId]));
    expect(messages).toContainEqual(['issues/2018/03', 1, 'file-symlink']);
    expect(site.files.map((file) => file.path)).not.toContain('issues/2018/03/issue.md');
    expect(site.failed).toBe(true);
  });

  it('a linked scan outside the content only warns (it is never read); a dangling link says so', async () => {
    const cwd = makeSite({ [ISSUE_PATH]: ISSUE, [OTHER_PATH]: OTHER, [DOC]: documentFile() });
    const scan = path.join(tmpdir(), `scan-${process.pid}.pdf`);
    writeFileSync(scan, 'x');
    symlinkSync(scan, path.join(cwd, 'issues/2018/02/scan.pdf'));
    symlinkSync(path.join(cwd, 'nowhere.md'), path.join(cwd, 'issues/2018/02/gone.md'));
    const site = await loadSite({ cwd });
    const messages = site.files.flatMap((file) => file.messages.map((message) => [file.path, message.ruleId, message.fatal, message.reason.split('：')[0]]));
    expect(messages).toContainEqual(['issues/2018/02/scan.pdf', 'file-symlink', false, '符号链接指向内容文件夹之外']);
    expect(messages).toContainEqual(['issues/2018/02/gone.md', 'file-symlink', true, '符号链接指向的文件或文件夹不存在']);
  });

  it('a README and dot files in the content folder are left alone', async () => {
    const cwd = makeSite({
      [ISSUE_PATH]: ISSUE, [OTHER_PATH]: OTHER, [DOC]: documentFile(), 'issues/README.md': '# 内容说明\n', 'issues/2018/.DS_Store': 'x',
      'issues/2018/02/._yzf-2018-3.md': Uint8Array.from([0x00, 0x05, 0x16, 0x07, 0xff]), // macOS resource fork
    });
    const site = await loadSite({ cwd });
    expect(site.files.flatMap((file) => file.messages.map((message) => `${file.path} ${message.ruleId}`))).toEqual([]);
    expect(site.failed).toBe(false);
  });

  it('one 发文字号 in two files is reported in both files, each naming the other', async () => {
    const twin = 'issues/2018/02/yzf-2018-3-copy.md';
    const cwd = makeSite({ [ISSUE_PATH]: ISSUE, [OTHER_PATH]: OTHER, [DOC]: documentFile(), [twin]: documentFile({ registration_code: null }) });
    const site = await loadSite({ cwd });
    const unique = site.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'unique-doc-number').map((message) => [file.path, message.line, message.reason]));
    expect(unique).toEqual([
      [twin, 3, expect.stringContaining(`另见 ${DOC}`)],
      [DOC, 3, expect.stringContaining(`另见 ${twin}`)],
    ]);
    expect(site.failed).toBe(true);
  });

  it('a gap in 总期号 is a warning, not an error', async () => {
    const cwd = makeSite({
      [ISSUE_PATH]: ISSUE, [OTHER_PATH]: OTHER, [DOC]: documentFile(),
      'issues/2018/05/issue.md': '---\nyear: 2018\nnumber: 5\ntotal_number: 106\npublished: 2018-05-31\nsections: [市政府文件]\ncontents: []\n---\n',
    });
    const site = await loadSite({ cwd });
    const messages = site.files.flatMap((file) => file.messages.map((message) => [file.path, message.line, message.ruleId, message.fatal]));
    expect(messages).toContainEqual(['issues/2018/05/issue.md', 4, 'issue-sequence', false]);
    expect(site.failed).toBe(false);
  });
});
