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
    const cover = parseCover(lines(['江州政报', '2020年第5号', '（总第55号）']), -1, config, notes);
    expect(cover).toMatchObject({ year: 2020, number: 5, totalNumber: 55 });
    const other = parseCover(lines(['江州政报', '2020年第5期']), -1, config, new Notes());
    expect(other.year).toBeUndefined();
  });

  it('says 号 in its messages, and what a missing 出版日期 is filled with follows the 刊期', () => {
    const config = configSchema.parse(parse(otherGazetteConfig({ unit: '号', frequency: '半月刊' })));
    const notes = new Notes();
    parseCover(lines(['江州政报']), -1, config, notes);
    const messages = notes.items.map((note) => note.message).join('\n');
    expect(messages).toContain('2018年第2号');
    expect(messages).toContain('总第103号');
    expect(messages).toContain('按刊期（半月刊）推算');
    expect(messages).not.toMatch(/第\d+期/);
  });
});
