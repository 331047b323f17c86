// Runs the importer on a fixture folder (input.txt, optional gazette.config.yaml) and checks or rewrites its expected output
// (expected/*.md) and review (review.txt: every note, `line severity rule`).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { loadConfig } from '../../../src/content/load-config.ts';
import { loadSite } from '../../../src/build/load-site.ts';
import { decodeRaw } from '../../../src/import/read-raw.ts';
import { importIssue, type ImportResult } from '../../../src/import/import-issue.ts';
import { makeSite, YONGZHOU_CONFIG } from '../../helpers/content.ts';

export const UPDATE = process.env.UPDATE_FIXTURES === '1';

export function configOf(folder: string): string {
  const own = path.join(folder, 'gazette.config.yaml');
  return existsSync(own) ? own : YONGZHOU_CONFIG;
}

export async function importFixture(folder: string): Promise<ImportResult> {
  const { config } = await loadConfig(configOf(folder));
  const raw = decodeRaw(readFileSync(path.join(folder, 'input.txt')));
  if (!raw.ok) throw new Error(raw.reason);
  return importIssue(raw.lines, { config: config! });
}

/** Every note as `line severity rule`, sorted: the places the review report (with --verbose) points at. */
export function reviewLines(result: ImportResult): string[] {
  return result.notes.items
    .map((note) => `${note.line} ${note.severity} ${note.rule}`)
    .sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b));
}

/** The fixture's expected files (expected/*.md) and review (review.txt) equal the import; UPDATE_FIXTURES=1 rewrites them. */
export function expectFixture(folder: string, result: ImportResult): void {
  const expectedFolder = path.join(folder, 'expected');
  const review = reviewLines(result);
  if (UPDATE) {
    rmSync(expectedFolder, { recursive: true, force: true });
    mkdirSync(expectedFolder, { recursive: true });
    for (const file of result.files) writeFileSync(path.join(expectedFolder, file.name), file.text);
    writeFileSync(path.join(folder, 'review.txt'), `${review.join('\n')}\n`);
  }
  expect(result.notes.failed).toBe(false);
  expect(result.files.map((file) => file.name).sort()).toEqual(readdirSync(expectedFolder).sort());
  for (const file of result.files) {
    expect(file.text, path.join(path.basename(folder), 'expected', file.name)).toBe(readFileSync(path.join(expectedFolder, file.name), 'utf8'));
  }
  expect(review).toEqual(readFileSync(path.join(folder, 'review.txt'), 'utf8').trim().split('\n').filter(Boolean));
}

/** Errors the validator finds when the imported issue is put in a fresh content folder with the fixture's config. */
export async function validationErrors(folder: string, result: ImportResult): Promise<string[]> {
  const issue = result.issue!;
  const base = `issues/${issue.year}/${String(issue.number).padStart(2, '0')}`;
  const files: Record<string, string> = Object.fromEntries(result.files.map((file) => [`${base}/${file.name}`, file.text]));
  files['gazette.config.yaml'] = readFileSync(configOf(folder), 'utf8');
  const cwd = makeSite(files);
  const site = await loadSite({ cwd });
  return site.files.flatMap((file) => file.messages.filter((message) => message.fatal).map((message) => `${file.path}:${message.line} ${message.reason}`));
}
