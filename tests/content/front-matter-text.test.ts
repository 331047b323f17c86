// Front matter written with the yaml Document API reads back as the same data, in the committed layout.
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { documentFrontMatterText, issueFrontMatterText } from '../../src/content/front-matter-text.ts';
import { parseFrontMatter } from '../../src/content/front-matter.ts';
import { documentSchema, issueSchema, type DocumentFrontMatter, type IssueFrontMatter } from '../../src/content/schema.ts';

function readBack(text: string): unknown {
  const file = new VFile({ path: 'x.md', value: `${text}\n正文\n` });
  const { data } = parseFrontMatter(file);
  expect(file.messages).toEqual([]);
  return data;
}

describe('front matter text', () => {
  it('a document with awkward strings reads back unchanged, issuers on one line', () => {
    const data: DocumentFrontMatter = {
      title: '关于“是否”执行: 《办法》[试行], #1 {草案} 的通知',
      doc_number: '江政发〔2020〕3号',
      registration_code: 'JZCR-2020-00001',
      date: '2020-02-06',
      issuers: ['江州市人民政府', 'a, b: c', '[某局]'],
      section: 'yes',
      type: '00123',
      page: 7,
      valid_until: '2025-02-28',
      amended_by: ['江政发〔2021〕2号'],
    };
    const text = documentFrontMatterText(data);
    expect(text).toMatch(/^issuers: \[江州市人民政府, /m);
    expect(text).toMatch(/^page: 7$/m);
    expect(documentSchema.parse(readBack(text))).toEqual(data);
  });

  it('an issue reads back unchanged, with its comments', () => {
    const issue: IssueFrontMatter = {
      year: 2020,
      number: 4,
      total_number: 56,
      published: '2020-02-29',
      sections: ['市政府文件', '人事任免'],
      contents: [],
      editorial_board: [{ role: '主编', members: ['张三', '李四'] }],
      statements: ['本刊是规范性文件的标准文本: 与正式文件具有同等效力'],
    };
    const text = issueFrontMatterText(issue, { top: '顶部注释', lines: { published: '按刊期推算，请核对后删去此注释' } });
    expect(text.split('\n').slice(0, 6)).toEqual(['---', '# 顶部注释', 'year: 2020', 'number: 4', 'total_number: 56', 'published: 2020-02-29 # 按刊期推算，请核对后删去此注释']);
    expect(text).toContain('contents: []\neditorial_board:\n  - role: 主编\n    members: [张三, 李四]\n');
    expect(issueSchema.parse(readBack(text))).toEqual(issue);
  });
});
