// The importer reads and writes the config's issue_unit and 刊期: a 号 cover, 号 messages, the 出版日期 by the calendar.
import { describe, expect, it } from 'vitest';
import { parseCover } from '../../src/import/parse-cover.ts';
import { Notes } from '../../src/import/review-notes.ts';
import { configSchema } from '../../src/content/schema.ts';
import { parse } from 'yaml';
import { otherGazetteConfig } from '../helpers/other-gazette.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/content/load-config.ts';
import { decodeRaw } from '../../src/import/read-raw.ts';
import { importIssue } from '../../src/import/import-issue.ts';

const lines = (texts: string[]) => texts.map((text, index) => ({ n: index + 1, text, raw: text }));

describe('importer and issue_unit', () => {
  it('reads 2020年第5号 and 总第55号 on a 号 cover; a 第5期 cover is read too, and the disagreement with issue_unit is said', () => {
    const config = configSchema.parse(parse(otherGazetteConfig({ unit: '号', frequency: '半月刊' })));
    const notes = new Notes();
    const example = { issue: { year: 2020, number: 5 } };
    const cover = parseCover(lines(['江州政报', '2020年第5号', '（总第55号）']), -1, config, notes, example);
    expect(cover).toMatchObject({ year: 2020, number: 5, totalNumber: 55 });
    expect(notes.items.filter((note) => note.message.includes('issue_unit'))).toEqual([]);
    const otherNotes = new Notes();
    const other = parseCover(lines(['江州政报', '总第55期', '2020年第5期']), -1, config, otherNotes, example);
    expect(other).toMatchObject({ year: 2020, number: 5, totalNumber: 55 });
    expect(otherNotes.items.find((note) => note.message.includes('issue_unit'))?.message).toBe(
      '封面印的是「总第55期」「2020年第5期」（按“期”编号），而配置的 issue_unit 是 号：已按封面读出号数和总号数；如果本刊按“期”编号，请把配置中的 issue_unit 改为 期',
    );
  });

  it('reads the year, 号数 and 总号数 on separate lines, in either order', () => {
    const config = configSchema.parse(parse(otherGazetteConfig({ unit: '号', frequency: '半月刊' })));
    const example = { issue: { year: 2020, number: 5 } };
    expect(parseCover(lines(['江州政报', '总第55号', '2020年', '第5号']), -1, config, new Notes(), example)).toMatchObject({ year: 2020, number: 5, totalNumber: 55 });
    expect(parseCover(lines(['江州政报', '第5号', '2020']), -1, config, new Notes(), example)).toMatchObject({ year: 2020, number: 5 });
  });

  it('takes 刊名, 主办 and 出版日期 apart on a one-line cover', () => {
    const config = configSchema.parse(parse(otherGazetteConfig({ unit: '号', frequency: '半月刊' })));
    const notes = new Notes();
    const cover = parseCover(lines(['江州政报　江州市人民政府办公室主办　2020年第2号（总第55号）　2020年1月31日出版']), -1, config, notes, { issue: { year: 2020, number: 2 } });
    expect(cover).toMatchObject({ name: '江州政报', year: 2020, number: 2, totalNumber: 55, published: '2020-01-31' });
    expect(notes.items.filter((note) => note.severity === 'warning')).toEqual([]);
    const glued = parseCover(lines(['江州政报江州市人民政府办公室主办2020年第2号(总第55号)']), -1, config, new Notes(), { issue: { year: 2020, number: 2 } });
    expect(glued).toMatchObject({ name: '江州政报', number: 2, totalNumber: 55 });
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

  it('says why a 出版日期 the cover does not print was chosen: by the 刊期, or the year\'s last day when the 刊期 gives none (不定期)', async () => {
    const folder = path.join(import.meta.dirname, 'layouts/title-only-contents');
    const { config } = await loadConfig(path.join(folder, 'gazette.config.yaml'));
    const raw = decodeRaw(readFileSync(path.join(folder, 'input.txt')));
    if (!raw.ok) throw new Error(raw.reason);
    const issueFile = (frequency: '半月刊' | '不定期') => importIssue(raw.lines, { config: { ...config!, frequency } }).files.find((file) => file.name === 'issue.md')!.text;
    expect(issueFile('半月刊')).toContain('published: 2020-02-29 # 待核对：出版日期按刊期（半月刊）推算（封面上没有）\n');
    const irregular = issueFile('不定期');
    expect(irregular).toContain('published: 2020-12-31 # 待核对：出版日期暂填当年最后一天（封面上没有，刊期“不定期”推算不出）\n');
    expect(irregular).not.toContain('按刊期');
  });
});
