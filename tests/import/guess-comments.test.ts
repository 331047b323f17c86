// Guess comments: what the importer guessed stays in the written files as `# 待核对：…` / `<!-- 待核对：… -->`; check
// warns at each (unchecked-guess) until an editor removes it, and the comment is never published.
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/build/load-site.ts';
import { renderDocument } from '../../src/markdown/render-document.ts';
import { guessComment, guessHtmlComment } from '../../src/content/guess-comments.ts';
import { documentFileText, issueFileText } from '../../src/import/write-issue.ts';
import { documentFile, ISSUE, makeSite, OTHER } from '../helpers/content.ts';

const TABLE = '| 序号 | 项目 |\n| --- | --- |\n| 1 | 甲 |';

async function messages(files: Record<string, string>) {
  const site = await loadSite({ cwd: makeSite(files) });
  return site.files.flatMap((file) => file.messages.map((message) => ({ file: file.path, line: message.line, column: message.column, fatal: message.fatal, ruleId: message.ruleId, reason: message.reason })));
}

describe('guess comments', () => {
  it('check warns at each guess comment in front matter and body, and nothing else changes', async () => {
    const issue = ISSUE.replace('published: 2018-02-28', `published: 2018-02-28 # ${guessComment('出版日期按刊期（月刊）推算（封面上没有）')}`);
    const document = documentFile({ page: `7 # ${guessComment('页码暂填（没有目录）')}` }, `正文第一段。\n\n${guessHtmlComment('表格按表头的 2 列重建')}\n\n${TABLE}\n\n永州市人民政府\n2018年2月1日\n`);
    const found = await messages({ 'issues/2018/02/issue.md': issue, 'issues/2018/02/yzf-2018-3.md': document, 'issues/2018/02/yzbf-2018-1.md': OTHER });
    const guesses = found.filter((message) => message.ruleId === 'unchecked-guess');
    expect(guesses.map((message) => [message.file, message.line, message.column, message.fatal])).toEqual([
      ['issues/2018/02/issue.md', 5, 23, false],
      ['issues/2018/02/yzf-2018-3.md', 9, 9, false],
      ['issues/2018/02/yzf-2018-3.md', 14, 1, false],
    ]);
    expect(guesses[0]!.reason).toBe('导入时推断的内容尚未核对（出版日期按刊期（月刊）推算（封面上没有））：请对照印刷件核对，改正后删去这条“待核对”注释');
    expect(found.filter((message) => message.fatal)).toEqual([]);
    // Removing the comments is all an editor does: then check is silent about them.
    const clean = await messages({ 'issues/2018/02/issue.md': ISSUE, 'issues/2018/02/yzf-2018-3.md': documentFile({}, `正文第一段。\n\n${TABLE}\n`), 'issues/2018/02/yzbf-2018-1.md': OTHER });
    expect(clean.filter((message) => message.ruleId === 'unchecked-guess')).toEqual([]);
  });

  it('a body comment is not published, and the sanitizer does not report it', () => {
    const output = renderDocument({ path: 'x.md', body: `段落。\n\n${guessHtmlComment('表格 -- 待核对 --> 注意')}\n\n${TABLE}\n` });
    expect(output.html).not.toContain('待核对');
    expect(output.html).not.toContain('<!--');
    expect(output.html).toContain('<table>');
    expect(output.text).not.toContain('待核对');
    expect(output.messages).toEqual([]);
    // The reason cannot end the comment early.
    expect(guessHtmlComment('a -- b --> c')).toBe('<!-- 待核对：a — b —〉 c -->');
  });

  it('the importer writes each guess as the comment at the end of its key line, in issue.md and in a document', () => {
    const issue = { year: 2018, number: 2, total_number: 2, published: '2018-02-28', sections: ['市政府文件'], contents: ['yzf-2018-3'], editorial_board: [], statements: [] };
    const issueText = issueFileText(issue, { published: '出版日期按刊期\n推算' });
    expect(issueText).toContain(`published: 2018-02-28 # ${guessComment('出版日期按刊期 推算')}\n`);
    expect(issueText.match(/待核对/g)).toHaveLength(1);
    const data = { title: '关于某事的通知', doc_number: '永政发〔2018〕3号', issuers: ['永州市人民政府'], date: '2018-02-01', type: '通知', section: '市政府文件', page: 7 };
    const text = documentFileText(data as Parameters<typeof documentFileText>[0], '正文。\n\n', { page: '页码暂填（没有目录）' });
    expect(text).toContain(`page: 7 # ${guessComment('页码暂填（没有目录）')}\n`);
    expect(text.endsWith('\n正文。\n')).toBe(true);
    expect(issueFileText(issue)).not.toContain('待核对');
  });
});
