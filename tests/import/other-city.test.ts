// Another city's gazette (the fictional 青山市): its own 机关代字, 栏目 and gazette name come from its config, its 目录
// prints no page numbers, its running head is learned from the page breaks. Nothing of 永州 is needed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../src/import/import-issue.ts';
import { expectFixture, importFixture, validationErrors } from './helpers/fixture.ts';
import { REPO } from '../helpers/content.ts';

const FOLDER = path.join(import.meta.dirname, 'other-city');
let result: ImportResult;

beforeAll(async () => {
  result = await importFixture(FOLDER);
});

describe('importing another city’s gazette', () => {
  it('produces the expected issue and documents, and the expected review', () => {
    expectFixture(FOLDER, result);
  });

  it('takes 机关代字, 栏目 and the cover from its own config and text', () => {
    expect(result.issue).toMatchObject({ year: 2019, number: 3, total_number: 27, published: '2019-03-25', sections: ['市政府文件', '市政府办公室文件', '部门文件'] });
    expect(result.documents.map((document) => [document.slug, document.data.issuers[0], document.data.section])).toEqual([
      ['qzf-2019-5', '青山市人民政府', '市政府文件'],
      ['qzbf-2019-12', '青山市人民政府办公室', '市政府办公室文件'],
      ['qcf-2019-3', '青山市财政局', '部门文件'],
    ]);
    expect(result.files.map((file) => file.text).join('\n')).not.toContain('永州');
  });

  it('learns the running head from the page breaks and takes pages from the printed page numbers, flagging both', () => {
    expect(result.heads.heads).toEqual([{ text: '青山市人民政府公报2019年第3期', count: 4, learned: 'repeated', firstLine: 53 }]);
    expect(result.documents.map((document) => document.data.page)).toEqual([2, 5, 6]);
    const warnings = result.notes.items.filter((note) => note.severity === 'warning');
    expect(warnings.filter((note) => note.rule === 'import-front-matter' && note.message.startsWith('页码暂填')).map((note) => note.line)).toEqual([39, 80, 106]);
    expect(warnings.some((note) => note.rule === 'import-running-head' && note.line === 53)).toBe(true);
  });

  it('writes an issue the validator accepts', async () => {
    expect(await validationErrors(FOLDER, result)).toEqual([]);
  });

  it('imports from the command line with --config, and npm run check passes without edits', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'gazette-import-'));
    cpSync(path.join(FOLDER, 'gazette.config.yaml'), path.join(cwd, 'gazette.config.yaml'));
    cpSync(path.join(FOLDER, 'input.txt'), path.join(cwd, 'qingshan-2019-03.txt'));
    const tsx = path.join(REPO, 'node_modules/.bin/tsx');
    const imported = spawnSync(tsx, [path.join(REPO, 'src/cli/import.ts'), 'qingshan-2019-03.txt', '--out', 'issues/2019/03', '--config', 'gazette.config.yaml'], { cwd, encoding: 'utf8' });
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('qingshan-2019-03.txt:53:1  warning');
    expect(readFileSync(path.join(cwd, 'issues/2019/03/qcf-2019-3.md'), 'utf8')).toBe(readFileSync(path.join(FOLDER, 'expected/qcf-2019-3.md'), 'utf8'));
    const checked = spawnSync(tsx, [path.join(REPO, 'src/cli/check.ts')], { cwd, encoding: 'utf8' });
    expect(checked.status, checked.stderr).toBe(0);
  });
});
