// Rendering in worker threads gives exactly what rendering in this thread gives: HTML, text, outline, citations, messages.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCitationIndex } from '../../src/content/citation-index.ts';
import { loadConfig } from '../../src/content/load-config.ts';
import { loadCorpus } from '../../src/content/load-corpus.ts';
import { documentUrl } from '../../src/site/site-model.ts';
import { renderDocument, renderUncached } from '../../src/markdown/render-document.ts';
import { renderMany, threadCount } from '../../src/markdown/render-pool.ts';
import { YONGZHOU } from '../helpers/content.ts';

async function seed() {
  const { config } = await loadConfig('gazette.config.yaml', YONGZHOU);
  const corpus = await loadCorpus(path.join(YONGZHOU, 'issues'), config!, { cwd: YONGZHOU, maxBytes: config!.max_file_kb * 1024 });
  const index = buildCitationIndex(corpus, documentUrl);
  const inputs = corpus.documents.map((document) => ({ path: document.file.path, body: document.body, url: documentUrl(document) }));
  // One body with unsafe HTML: its warnings must come back from the worker too.
  inputs.push({ path: 'unsafe.md', body: '<script>alert(1)</script>\n\n正文第一段。\n', url: '/2018/02/unsafe/' });
  return { index, inputs };
}

/** The same inputs under another path prefix: the memo is keyed by path, so each run really renders. */
function under(prefix: string, inputs: Awaited<ReturnType<typeof seed>>['inputs']) {
  return inputs.map((input) => ({ ...input, path: `${prefix}/${input.path}` }));
}

describe('renderMany', () => {
  it('renders the seed issue in two worker threads exactly as in this thread, in input order', async () => {
    const { index, inputs } = await seed();
    const inline = under('inline', inputs).map((input) => renderDocument({ ...input, index }));
    const pooled = await renderMany(under('pool', inputs), index, { threads: 2 });
    expect(pooled.threads).toBe(1); // ten documents are one batch: one worker is enough
    expect(pooled.outputs).toEqual(inline);
    expect(pooled.outputs.at(-1)!.messages.map((message) => message.ruleId)).toContain('unsafe-html');
    expect(pooled.outputs[0]!.citations.length + pooled.outputs[5]!.citations.length).toBeGreaterThan(0);
  });

  it('spreads many documents over the threads and memoises what the workers rendered', async () => {
    const { index, inputs } = await seed();
    const many = Array.from({ length: 6 }, (_, copy) => under(`copy-${copy}`, inputs)).flat(); // 60 documents, 3 batches
    const pooled = await renderMany(many, index, { threads: 2 });
    expect(pooled.threads).toBe(2);
    expect(pooled.outputs).toHaveLength(many.length);
    // Compared with fresh renders in this thread (renderDocument would now return the pooled outputs themselves).
    expect(pooled.outputs.map((output) => output.html)).toEqual(many.map((input) => renderUncached({ ...input, index }).html));
    expect(renderDocument({ ...many[17]!, index })).toBe(pooled.outputs[17]); // the very object the worker returned: memoised
    const again = await renderMany(many, index, { threads: 2 });
    expect(again.threads).toBe(0); // everything memoised: no worker started
  });

  it('renders in this thread when threads is 0 or the corpus is small', async () => {
    const { index, inputs } = await seed();
    expect((await renderMany(under('zero', inputs), index, { threads: 0 })).threads).toBe(0);
    expect((await renderMany(under('small', inputs), index)).threads).toBe(0);
  });
});

describe('threadCount', () => {
  it.each([
    // todo, requested, cpus → threads
    [299, undefined, 2, 0], // too few documents to pay for workers
    [300, undefined, 2, 2],
    [300, undefined, 64, 3], // one per 100 documents
    [20_000, undefined, 64, 8], // at most 8 by default
    [20_000, 100_000, 4, 4], // never more than one per CPU
    [9, 2, 2, 1], // never more than one per batch of 25
    [9, 0, 2, 0],
  ])('%i documents, --threads %s, %i CPUs → %i', (todo, requested, cpus, expected) => {
    expect(threadCount(todo, requested, cpus)).toBe(expected);
  });
});
