// Body warnings of the gazette plugins: a 落款 split by blank lines (signature-split), a cited 发文字号 in a non-standard
// form (citation-brackets) — each placed, stating the fix, and the text rendered as written.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/markdown/render-document.ts';

const root = path.join(import.meta.dirname, 'fixtures');
const render = (body: string) => renderDocument({ path: 'input.md', body });
const fixture = (name: string) => render(readFileSync(path.join(root, name, 'input.md'), 'utf8'));
const placed = (output: ReturnType<typeof render>) => output.messages.map((message) => [message.line, message.column, message.ruleId, message.fatal]);

describe('signature-split', () => {
  it('warns at the organ line, says to remove the blank line, and still renders one 落款', () => {
    const output = fixture('signature-split');
    expect(placed(output)).toEqual([[3, 1, 'signature-split', false]]);
    expect(output.messages[0]!.reason).toContain('落款的发文机关和成文日期之间不应有空行');
    expect(output.messages[0]!.reason).toContain('请删去空行，使其连续成行');
    expect(output.html).toContain('<p class="signature">永州市人民政府<br>\n2018年2月1日</p>');
  });

  it('a joint 落款 split into organ / organ / date is one warning and one 落款; the line before it is left alone', () => {
    const output = fixture('signature-split-joint');
    expect(placed(output)).toEqual([[3, 1, 'signature-split', false]]);
    expect(output.messages[0]!.reason).toContain('永州市人民政府 / 永州军分区 / 2018年2月6日');
    expect(output.html).toContain('<p>特此通知</p>');
  });

  it('a 落款 without blank lines, and a lone date, are not warned about', () => {
    expect(fixture('signature').messages).toEqual([]);
    expect(fixture('joint-signature').messages).toEqual([]);
    expect(render('请于下列日期前报送。\n\n2018年2月6日\n').messages).toEqual([]);
    expect(render('特此通知\n\n2018年2月6日\n').messages).toEqual([]);
  });
});

describe('citation-brackets', () => {
  it('warns at each non-standard citation, naming the standard 发文字号, and keeps the text as written', () => {
    const output = fixture('citation-brackets');
    expect(placed(output)).toEqual([
      [1, 25, 'citation-brackets', false],
      [1, 38, 'citation-brackets', false],
      [1, 50, 'citation-brackets', false],
      [2, 3, 'citation-brackets', false],
      [2, 15, 'citation-brackets', false],
      [2, 27, 'citation-brackets', false],
    ]);
    expect(output.messages[0]!.reason).toBe('引用的发文字号「国办发„2009‟3号」括号不规范（年份应使用六角括号〔〕）：应为 国办发〔2009〕3号，请在原文中改正');
    expect(output.messages[5]!.reason).toContain('「国办发〔2009〕03号」不符合 GB/T 9704');
    expect(output.text).toContain('国办发„2009‟3号');
    expect(output.text).toContain('国办发[2009]3号');
  });

  it('a standard citation is not warned about, and each citation is recorded once', () => {
    const output = render('按照国办发〔2009〕3号和国发〔2017〕28号执行。\n');
    expect(output.messages).toEqual([]);
    expect(output.citations.map((citation) => citation.docNumber)).toEqual(['国办发〔2009〕3号', '国发〔2017〕28号']);
  });
});
