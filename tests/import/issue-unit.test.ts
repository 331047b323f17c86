// The importer reads and writes the config's issue_unit and 刊期: a 号 cover, 号 messages, the 出版日期 by the calendar.
import { describe, expect, it } from 'vitest';
import { parseCover } from '../../src/import/parse-cover.ts';
import { Notes } from '../../src/import/review-notes.ts';
import { configSchema } from '../../src/content/schema.ts';
import { parse } from 'yaml';
import { otherGazetteConfig } from '../helpers/other-gazette.ts';

const lines = (texts: string[]) => texts.map((text, index) => ({ n: index + 1, text, raw: text }));

describe('importer and issue_unit', () => {
  it('reads 2020年第5号 and 总第55号 on a 号 cover, and ignores 第5期', () => {
    const config = configSchema.parse(parse(otherGazetteConfig({ unit: '号', frequency: '半月刊' })));
    const notes = new Notes();
    const example = { issue: { year: 2020, number: 5 } };
    const cover = parseCover(lines(['江州政报', '2020年第5号', '（总第55号）']), -1, config, notes, example);
    expect(cover).toMatchObject({ year: 2020, number: 5, totalNumber: 55 });
    const other = parseCover(lines(['江州政报', '2020年第5期']), -1, config, new Notes(), example);
    expect(other.year).toBeUndefined();
  });

  it('says 号 in its messages, with the imported issue as the example, and what a missing 出版日期 is filled with follows the 刊期', () => {
    const config = configSchema.parse(parse(otherGazetteConfig({ unit: '号', frequency: '半月刊' })));
    const notes = new Notes();
    parseCover(lines(['江州政报']), -1, config, notes, { issue: { year: 2021, number: 7 }, total: 61 });
    const messages = notes.items.map((note) => note.message).join('\n');
    expect(messages).toContain('封面上没有找到“2021年第7号”这样的年份和号数：改用 --out 路径中的年份和号数');
    expect(messages).toContain('封面上没有找到“总第61号”这样的总号数：总号数按上一期推算');
    expect(messages).not.toMatch(/2018|103/);
    expect(messages).toContain('按刊期（半月刊）推算');
    expect(messages).not.toMatch(/第\d+期/);
  });

  it('without a known 总期号 the example says 总第N号, not a number of another gazette', () => {
    const config = configSchema.parse(parse(otherGazetteConfig({ unit: '号', frequency: '半月刊' })));
    const notes = new Notes();
    parseCover(lines(['江州政报', '2021年第7号']), -1, config, notes, { issue: { year: 2021, number: 7 } });
    expect(notes.items.map((note) => note.message).join('\n')).toContain('“总第N号”');
  });
});
