// Test helpers: write a throwaway content folder (and config) into a temp directory.
import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const SMALL_CONTENT = path.join(REPO, 'tests/fixtures/content-small');

/** A temp folder holding `gazette.config.yaml` (the repo's) and `issues/` with the given files (path → text or bytes). */
export function makeSite(files: Record<string, string | Uint8Array>, options: { from?: string } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gazette-test-'));
  cpSync(path.join(REPO, 'gazette.config.yaml'), path.join(dir, 'gazette.config.yaml'));
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
