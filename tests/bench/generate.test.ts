// The benchmark corpus generator writes a corpus that passes every content rule (no timing is asserted here).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/generate-corpus.ts';
import { loadSite } from '../../src/build/load-site.ts';
import { listMessages } from '../../scripts/bench/list-messages.ts';
import { YONGZHOU_SEED } from '../helpers/content.ts';

const roots: string[] = [];

async function generated(docs: number, perIssue?: number) {
  const root = await mkdtemp(path.join(tmpdir(), 'gazette-bench-test-'));
  roots.push(root);
  const corpus = await generateCorpus({ root, docs, perIssue, seed: YONGZHOU_SEED });
  const site = await loadSite({ cwd: root, content: 'issues' });
  const errors = listMessages(site.files).split('\n').filter((line) => /\d {2}error {2}/.test(line));
  return { corpus, site, errors };
}

afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

describe('generateCorpus', () => {
  it('writes 30 documents in 4 issues that validate without errors', async () => {
    const { corpus, site, errors } = await generated(30);
    expect(errors).toEqual([]);
    expect(site.failed).toBe(false);
    expect(corpus).toMatchObject({ documents: 30, issues: 4 });
    expect(site.corpus?.documents).toHaveLength(30);
    expect(site.corpus?.issues.map((issue) => issue.data.total_number)).toEqual([1, 2, 3, 4]);
  });

  it('gives every document a unique 发文字号 and keeps the seed share of 登记号', async () => {
    const { site } = await generated(30);
    const documents = site.corpus?.documents ?? [];
    expect(new Set(documents.map((document) => document.data.doc_number)).size).toBe(30);
    const codes = documents.flatMap((document) => document.data.registration_code ?? []);
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('also validates with 20 documents per issue, across a year boundary', async () => {
    const { corpus, site, errors } = await generated(300, 20);
    expect(errors).toEqual([]);
    expect(site.failed).toBe(false);
    expect(corpus).toMatchObject({ issues: 15, firstYear: 2018, lastYear: 2019 });
  });
});
