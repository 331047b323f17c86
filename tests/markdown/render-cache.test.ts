// Render cache invalidation: exactly the documents whose output depends on a change re-render, and warm equals cold.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { BuildCache } from '../../src/build/cache.ts';
import { loadSite, type SiteSource } from '../../src/build/load-site.ts';
import { renderCorpus } from '../../src/build/render-cache.ts';
import { buildCitationIndex } from '../../src/content/citation-index.ts';
import { loadConfig } from '../../src/content/load-config.ts';
import { loadCorpus } from '../../src/content/load-corpus.ts';
import { computePipelineVersion, PIPELINE_SOURCES } from '../../src/markdown/pipeline-version.ts';
import { forgetRenders } from '../../src/markdown/render-document.ts';
import { documentUrl } from '../../src/site/site-model.ts';
import { OTHER, REPO, YONGZHOU_CONFIG, YONGZHOU_ISSUES, documentFile, makeSite } from '../helpers/content.ts';

const TITLE_A = '永州市人民政府关于做好当前和今后一段时期就业创业工作的实施意见';
const issue = (contents: string[]) => `---
year: 2018
number: 2
total_number: 103
published: 2018-02-28
sections: [市政府文件, 市政府办文件]
contents: [${contents.join(', ')}]
---
`;
const A = 'issues/2018/02/yzf-2018-3.md';
const B = 'issues/2018/02/yzbf-2018-1.md';
const C = 'issues/2018/02/yzf-2018-4.md';
const D = 'issues/2018/02/yzbf-2018-2.md';
const NEW = 'issues/2018/02/yzf-2018-9.md';
const signature = '\n\n永州市人民政府\n2018年2月1日\n';

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A site of four documents: B cites A by its title, C cites 永政发〔2018〕9号 (not in the corpus), D cites nothing. */
function citingSite(): string {
  const dir = makeSite({
    'issues/2018/02/issue.md': issue(['yzf-2018-3', 'yzf-2018-4', 'yzbf-2018-1', 'yzbf-2018-2']),
    [A]: documentFile(),
    [B]: OTHER.replace(/\n\n[^]*$/, `\n\n按照《${TITLE_A}》执行。${signature}`),
    [C]: documentFile({ title: '永州市人民政府关于另一事项的通知', doc_number: '永政发〔2018〕4号', registration_code: 'YZCR-2018-00002', type: '通知', page: '9' }, `根据永政发〔2018〕9号办理。${signature}`),
    [D]: documentFile({ title: '永州市人民政府办公室关于旁观的通知', doc_number: '永政办发〔2018〕2号', registration_code: null, issuers: '[永州市人民政府办公室]', section: '市政府办文件', type: '通知', page: '30' }),
  });
  temps.push(dir);
  return dir;
}

describe('the render cache re-renders exactly what depends on a change', () => {
  let dir: string;
  let cacheDir: string;
  /** Load with a fresh memo, as a new process would: what rendered came from neither the memo nor the cache. */
  const rendered = async (extra: Partial<SiteSource> = {}) => {
    forgetRenders();
    const cache = await BuildCache.open({ dir: cacheDir });
    const site = await loadSite({ cwd: dir, cache, ...extra });
    expect(cache.notes).toEqual([]);
    return [...site.rendered].sort();
  };
  const edit = (file: string, change: (text: string) => string) => writeFileSync(path.join(dir, file), change(readFileSync(path.join(dir, file), 'utf8')));

  beforeEach(async () => {
    dir = citingSite();
    cacheDir = path.join(dir, '.cache/gazette');
    expect(await rendered()).toEqual([A, B, C, D].sort());
  });

  it('nothing changed: nothing re-renders', async () => {
    expect(await rendered()).toEqual([]);
  });

  it('a body edit: that document alone', async () => {
    edit(D, (text) => text.replace('正文第一段', '正文第一段（修改）'));
    expect(await rendered()).toEqual([D]);
  });

  it("a cited document's title: the documents citing it (its own body output does not hold its title)", async () => {
    edit(A, (text) => text.replace(`title: ${TITLE_A}`, 'title: 永州市人民政府关于做好就业创业工作的实施意见'));
    expect(await rendered()).toEqual([B]);
  });

  it('a document added under a 发文字号 another cited as not in the corpus: the citer, and the new document', async () => {
    edit('issues/2018/02/issue.md', () => issue(['yzf-2018-3', 'yzf-2018-4', 'yzf-2018-9', 'yzbf-2018-1', 'yzbf-2018-2']));
    writeFileSync(path.join(dir, NEW), documentFile({ title: '永州市人民政府关于第九号的通知', doc_number: '永政发〔2018〕9号', registration_code: 'YZCR-2018-00003', type: '通知', page: '12' }));
    expect(await rendered()).toEqual([C, NEW].sort());
  });

  it('another pipeline version (a file of src/markdown or the lockfile changed): everything', async () => {
    expect(await rendered({ pipelineVersion: 'another pipeline' })).toEqual([A, B, C, D].sort());
  });

  it('the config (site name, issuers, base URL): nothing, since a body render reads neither the config nor a template', async () => {
    edit('gazette.config.yaml', (text) => text.replace('name: 永州政报', 'name: 永州政报（新）'));
    expect(await rendered({ baseUrl: 'https://example.org' })).toEqual([]);
  });

  it('without a cache every document renders, every time', async () => {
    forgetRenders();
    expect((await loadSite({ cwd: dir, cache: await BuildCache.open({ dir: false }) })).rendered).toHaveLength(4);
  });

  it('the memo of a long-running process (npm run dev) is checked the same way', async () => {
    forgetRenders();
    await loadSite({ cwd: dir });
    edit(A, (text) => text.replace(`title: ${TITLE_A}`, 'title: 永州市人民政府关于做好就业创业工作的实施意见'));
    expect((await loadSite({ cwd: dir })).rendered).toEqual([B]);
  });
});

describe('warm outputs', () => {
  it('are the cold outputs, field for field (the seed issue, with its citations)', async () => {
    const { config } = await loadConfig(YONGZHOU_CONFIG, REPO);
    const corpus = await loadCorpus(YONGZHOU_ISSUES, config!, { cwd: REPO });
    const index = buildCitationIndex(corpus, documentUrl);
    const inputs = corpus.documents.map((document) => ({ path: document.file.path, body: document.body, url: documentUrl(document) }));
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'gazette-render-cache-'));
    temps.push(cacheDir);
    const options = { version: 'warm-equals-cold', cache: await BuildCache.open({ dir: cacheDir }) };
    forgetRenders();
    const cold = await renderCorpus(inputs, index, options);
    forgetRenders();
    const warm = await renderCorpus(inputs, index, { ...options, cache: await BuildCache.open({ dir: cacheDir }) });
    expect(cold.rendered).toHaveLength(inputs.length);
    expect(warm.rendered).toEqual([]);
    expect(warm.outputs).toEqual(cold.outputs);
    expect(cold.outputs.some((output) => output.citations.some((citation) => citation.target))).toBe(true);
  });
});

describe('pipeline version', () => {
  it('changes with the lockfile or a file of src/markdown, src/gazette or rules.ts, and not with templates or the config', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'gazette-pipeline-'));
    temps.push(root);
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    };
    write('package-lock.json', '{"lockfileVersion":3}');
    write('src/markdown/processor.ts', 'a');
    write('src/gazette/titles.ts', 'b');
    write('src/content/rules.ts', 'c');
    write('templates/base.njk', 'd');
    write('gazette.config.yaml', 'e');
    const version = computePipelineVersion(root);
    expect(PIPELINE_SOURCES).toContain('package-lock.json');
    const changes = { 'package-lock.json': true, 'src/markdown/processor.ts': true, 'src/gazette/titles.ts': true, 'src/content/rules.ts': true, 'templates/base.njk': false, 'gazette.config.yaml': false };
    for (const [file, changesVersion] of Object.entries(changes)) {
      const before = readFileSync(path.join(root, file), 'utf8');
      write(file, `${before} changed`);
      expect(computePipelineVersion(root) !== version, file).toBe(changesVersion);
      write(file, before);
    }
    expect(computePipelineVersion(root)).toBe(version);
  });
});
