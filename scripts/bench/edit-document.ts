// The warm-build scenario's edit: a real text change to one document body in the newest issue of a generated corpus.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { splitFrontMatter } from './seed-corpus.ts';

/** The sentence the edit adds; it cites nothing and names no one, so no rule other than the body's own can change. */
export const EDIT_TEXT = '（本段文字经勘误后重新发布。）';

export interface EditedDocument {
  /** the edited file */
  file: string;
  /** the paragraph line as it now reads */
  line: string;
}

/** The newest issue folder: the last `<year>/<NN>` in order. */
export async function newestIssue(contentDir: string): Promise<string> {
  const years = (await readdir(contentDir)).filter((name) => /^\d{4}$/.test(name)).sort();
  const year = years.at(-1);
  const numbers = year ? (await readdir(path.join(contentDir, year))).filter((name) => /^\d+$/.test(name)).sort() : [];
  if (!year || numbers.length === 0) throw new Error(`no issue folder in ${contentDir}`);
  return path.join(contentDir, year, numbers.at(-1)!);
}

/** Append EDIT_TEXT to the longest plain paragraph (not a heading, list, table or quote) of a body; undefined if it has none. */
export function editBody(body: string): { body: string; line: string } | undefined {
  const lines = body.split('\n');
  let best = -1;
  for (const [index, line] of lines.entries()) {
    if (/^\s*([#>|*+-]|\d+\.\s|<)/.test(line) || line.trim() === '') continue;
    if (best < 0 || line.length > lines[best]!.length) best = index;
  }
  if (best < 0) return undefined;
  lines[best] = `${lines[best]}${EDIT_TEXT}`;
  return { body: lines.join('\n'), line: lines[best]! };
}

/** Edit the first document of the newest issue's 目录 that has a plain paragraph. */
export async function editNewestDocument(contentDir: string): Promise<EditedDocument> {
  const issueDir = await newestIssue(contentDir);
  const { data } = splitFrontMatter(await readFile(path.join(issueDir, 'issue.md'), 'utf8'));
  for (const slug of (data.contents as string[] | undefined) ?? []) {
    const file = path.join(issueDir, `${slug}.md`);
    const text = await readFile(file, 'utf8');
    const { body } = splitFrontMatter(text);
    const edited = editBody(body);
    if (!edited) continue;
    await writeFile(file, text.slice(0, text.length - body.length) + edited.body);
    return { file, line: edited.line };
  }
  throw new Error(`no document with a plain paragraph in ${issueDir}`);
}
