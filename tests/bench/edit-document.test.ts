// The bench's warm-build edit changes one body in the newest issue, and the corpus still validates.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EDIT_TEXT, editBody, editNewestDocument, newestIssue } from '../../scripts/bench/edit-document.ts';
import { generateCorpus } from '../../scripts/bench/generate-corpus.ts';
import { listMessages } from '../../scripts/bench/list-messages.ts';
import { loadSite } from '../../src/build/load-site.ts';
import { YONGZHOU_SEED } from '../helpers/content.ts';

const roots: string[] = [];

afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

describe('editBody', () => {
  it('appends the edit to the longest plain paragraph, never to a heading, list or table', () => {
    const body = '\n## 一个很长很长很长很长很长很长的标题\n\n短段落。\n\n- 很长很长很长很长很长很长很长的列表项\n\n较长的一个段落。\n';
    expect(editBody(body)).toEqual({ body: body.replace('较长的一个段落。', `较长的一个段落。${EDIT_TEXT}`), line: `较长的一个段落。${EDIT_TEXT}` });
    expect(editBody('\n# 标题\n')).toBeUndefined();
  });
});

describe('editNewestDocument', () => {
  it('edits a document of the newest issue, and the corpus still validates without errors', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'gazette-edit-test-'));
    roots.push(root);
    const corpus = await generateCorpus({ root, docs: 20, seed: YONGZHOU_SEED });
    expect(await newestIssue(corpus.contentDir)).toBe(path.join(corpus.contentDir, '2018', '03'));
    const edited = await editNewestDocument(corpus.contentDir);
    expect(path.dirname(edited.file)).toBe(path.join(corpus.contentDir, '2018', '03'));
    expect(await readFile(edited.file, 'utf8')).toContain(edited.line);
    const site = await loadSite({ cwd: root, content: 'issues' });
    expect(listMessages(site.files).split('\n').filter((line) => /\d {2}error {2}/.test(line))).toEqual([]);
    expect(site.failed).toBe(false);
  });
});
