// The seed round trip: importing the extracted text of 2018年第2期 reproduces the 永州 fixture's issues/2018/02 — at least
// 98% of paragraphs identical, the issue file and every front matter identical — and every remaining difference lies
// at a place the review report points the editor to.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/content/load-config.ts';
import { decodeRaw } from '../../src/import/read-raw.ts';
import { importIssue, type ImportResult } from '../../src/import/import-issue.ts';
import { compareIssue, type DocumentComparison } from './helpers/compare-issue.ts';
import { validationErrors } from './helpers/fixture.ts';
import { REPO, YONGZHOU, YONGZHOU_CONFIG, YONGZHOU_ISSUES } from '../helpers/content.ts';

const SEED = path.join(REPO, 'tests/fixtures/source/yongzhou-zhengbao-2018-02.txt');
const COMMITTED = path.join(YONGZHOU_ISSUES, '2018/02');

let result: ImportResult;
let comparison: DocumentComparison[];

beforeAll(async () => {
  const { config } = await loadConfig(YONGZHOU_CONFIG);
  const raw = decodeRaw(readFileSync(SEED));
  if (!raw.ok) throw new Error(raw.reason);
  result = importIssue(raw.lines, { config: config!, target: { year: 2018, number: 2 } });
  comparison = compareIssue(COMMITTED, result.documents);
});

/** Every difference, as the failure message shows it. */
function describeHunks(document: DocumentComparison): string[] {
  return document.hunks.map(
    (hunk) => `${document.slug} raw.txt:${hunk.from}-${hunk.to}\n${hunk.committed.map((unit) => `  - ${unit.markdown.slice(0, 80)}`).join('\n')}\n${hunk.imported.map((unit) => `  + ${unit.markdown.slice(0, 80)}`).join('\n')}`,
  );
}

describe('importing the seed issue', () => {
  it('finds the nine documents of the 目录, in 目录 order, and writes the committed issue.md', () => {
    expect(result.notes.failed).toBe(false);
    expect(result.documents.map((document) => document.slug)).toEqual(['yzf-2018-1', 'yzf-2018-2', 'yzf-2018-3', 'yzf-2018-4', 'yzh-2018-9', 'yzbf-2018-1', 'yzbf-2018-2', 'yzbh-2018-11', 'yzr-2018-1']);
    expect(result.orphans).toEqual([]);
    expect(result.files.find((file) => file.name === 'issue.md')?.text).toBe(readFileSync(path.join(COMMITTED, 'issue.md'), 'utf8'));
  });

  it('reproduces every front matter exactly', () => {
    expect(comparison.filter((document) => Object.keys(document.frontMatter).length > 0).map((document) => [document.slug, document.frontMatter])).toEqual([]);
  });

  it('reproduces at least 98% of the committed paragraphs, in every document', () => {
    const identical = comparison.reduce((sum, document) => sum + document.identical, 0);
    const total = comparison.reduce((sum, document) => sum + document.committedUnits, 0);
    expect(total).toBeGreaterThan(500);
    expect(identical / total, comparison.flatMap(describeHunks).join('\n')).toBeGreaterThanOrEqual(0.98);
    // Per document, the figures as of this importer (a regression in any document shows here by name).
    expect(Object.fromEntries(comparison.map((document) => [document.slug, `${document.identical}/${document.committedUnits}`]))).toEqual({
      'yzf-2018-1': '43/43',
      'yzf-2018-2': '15/15',
      'yzf-2018-3': '89/89',
      'yzf-2018-4': '160/160',
      'yzh-2018-9': '23/23',
      'yzbf-2018-1': '85/85',
      'yzbf-2018-2': '52/53',
      'yzbh-2018-11': '37/38',
      'yzr-2018-1': '5/5',
    });
  });

  it('points the review report at every remaining difference', () => {
    const flagged = result.notes.items.filter((note) => note.severity !== 'info');
    const unflagged = comparison.flatMap((document) =>
      describeHunks(document).filter((_, index) => {
        const hunk = document.hunks[index]!;
        return !flagged.some((note) => note.line >= hunk.from && note.line <= hunk.to);
      }),
    );
    expect(unflagged).toEqual([]);
    // The two known differences: the table of 永政办发〔2018〕2号 (shifted cells kept as HTML) and a paragraph of
    // 永政办函〔2018〕11号 that the print breaks after a colon, which the importer cannot tell from a paragraph end.
    expect(comparison.flatMap((document) => document.hunks.map((hunk) => `${document.slug}:${hunk.from}`))).toEqual(['yzbf-2018-2:1189', 'yzbh-2018-11:1317']);
    expect(flagged.some((note) => note.line === 1189 && note.rule === 'import-table')).toBe(true);
    expect(flagged.some((note) => note.line === 1319 && note.rule === 'import-page-break')).toBe(true);
  });

  it('reports the layout repairs it made from the numbering, for review', () => {
    const numbering = result.notes.items.filter((note) => note.rule === 'import-numbering').map((note) => [note.line, note.severity]);
    // 附件2 items 19–20 printed inside 附件3; 附件4 two columns read row by row.
    expect(numbering).toEqual([
      [727, 'warning'],
      [759, 'warning'],
    ]);
  });

  it('removes the running heads learned from the 栏目 names, and no printed line is lost', () => {
    expect(result.heads.heads.map((head) => [head.text, head.learned])).toEqual([
      ['市政府文件', 'section'],
      ['市政府办文件', 'section'],
    ]);
    const output = result.documents.map((document) => document.body).join('\n');
    expect(output).not.toMatch(/^市政府(?:办)?文件$/m);
  });

  it('writes an issue that passes the validator as it stands', async () => {
    expect(await validationErrors(YONGZHOU, result)).toEqual([]);
  });
});
