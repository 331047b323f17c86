// Test helpers: write a throwaway content folder (and config) into a temp directory.
import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
/** The 永州 seed fixture: `gazette.config.yaml` and `issues/2018/02` (2018年第2期), a copy of the repo's seed. Tests never
 * read the repo's own `issues/` or config: an office that replaces them keeps a green test run. */
export const YONGZHOU = path.join(REPO, 'tests/fixtures/yongzhou');
export const YONGZHOU_CONFIG = path.join(YONGZHOU, 'gazette.config.yaml');
export const YONGZHOU_ISSUES = path.join(YONGZHOU, 'issues');
/** The bench generator's seed: the fixture's 2018年第2期 and its config (scripts/bench/seed-corpus.ts SeedSource). */
export const YONGZHOU_SEED = { issueDir: path.join(YONGZHOU_ISSUES, '2018/02'), configFile: YONGZHOU_CONFIG } as const;
/** A smaller 永州 content folder (2018/02 with two documents, 2018/03 with one), read with the 永州 config. */
export const SMALL_CONTENT = path.join(REPO, 'tests/fixtures/content-small');
/** Build or load options for the small content: its folder and the 永州 fixture config (paths stay relative to the repo). */
export const SMALL = { content: SMALL_CONTENT, config: YONGZHOU_CONFIG } as const;
/** Build or load options for the 永州 seed fixture, read in place (file paths are `issues/2018/02/…`). */
export const SEED = { cwd: YONGZHOU } as const;
/** The second gazette (江州政报): `issue_unit: 号`, `frequency: 半月刊`, no 登记号 system, issues 2020/01 and 2020/02. */
export const SECOND_GAZETTE = path.join(REPO, 'tests/fixtures/second-gazette');
/** The options of the one shared build of the seed (tests/global-setup.ts): with search, statuses stated for 2020-01-01. */
export const SHARED_SEED_BUILD = { ...SEED, today: '2020-01-01' } as const;

/**
 * A temp folder holding `gazette.config.yaml` (the 永州 fixture's, or `options.config`) and `issues/` (a copy of
 * `options.from`, if given) with the given files (path → text or bytes) written over it.
 */
export function makeSite(files: Record<string, string | Uint8Array>, options: { from?: string; config?: string } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gazette-test-'));
  cpSync(options.config ?? YONGZHOU_CONFIG, path.join(dir, 'gazette.config.yaml'));
  if (options.from) cpSync(options.from, path.join(dir, 'issues'), { recursive: true });
  for (const [name, value] of Object.entries(files)) {
    const target = path.join(dir, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, value);
  }
  return dir;
}

export const ISSUE = `---
year: 2018
number: 2
total_number: 103
published: 2018-02-28
sections: [市政府文件, 市政府办文件]
contents: [yzf-2018-3, yzbf-2018-1]
---
`;

export function documentFile(overrides: Record<string, string | null> = {}, body = '正文第一段。\n\n永州市人民政府\n2018年2月1日\n'): string {
  const fields: Record<string, string | null> = {
    title: '永州市人民政府关于做好当前和今后一段时期就业创业工作的实施意见',
    doc_number: '永政发〔2018〕3号',
    registration_code: 'YZCR-2018-00001',
    date: '2018-02-01',
    issuers: '[永州市人民政府]',
    section: '市政府文件',
    type: '意见',
    page: '7',
    ...overrides,
  };
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== null)
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}`;
}

/** The issue's second document (永政办发〔2018〕1号), the one `ISSUE`'s 目录 lists beside yzf-2018-3. */
export const OTHER = documentFile({
  title: '永州市人民政府办公室关于测试的通知',
  doc_number: '永政办发〔2018〕1号',
  registration_code: null,
  issuers: '[永州市人民政府办公室]',
  section: '市政府办文件',
  type: '通知',
  page: '26',
});
