// Search shards from the build cache: an unchanged shard is restored without Pagefind, a changed one re-indexed, and a
// warm search stage writes the same bundles and shard list (search/shards.json) as a cold one.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildCache } from '../../src/build/cache.ts';
import { buildSearch } from '../../src/search/build-search.ts';
import { indexShards } from '../../src/search/index-shards.ts';
import { searchPage, type SearchPage } from '../../src/search/search-html.ts';
import { planShards, SHARDS_MANIFEST } from '../../src/search/shards.ts';
import type { SiteModel } from '../../src/site/site-model.ts';
import { sharedSeedSite } from '../helpers/built-site.ts';
import { issueFolder, issueKey, issueLabel, issueUrl } from '../../src/gazette/issue-address.ts';

const temp = (name: string) => mkdtempSync(path.join(tmpdir(), `search-${name}-`));

/** Every file under `dir`, by relative path, as base64. */
function files(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(dir, file), readFileSync(file).toString('base64')];
      }),
  );
}

/** The seed model with its nine documents spread over three issues of three, so it makes three shards of three. */
async function threeIssueModel(): Promise<SiteModel> {
  const model = (await sharedSeedSite()).result.model!;
  const [issue] = model.issues;
  // Three issues of three documents each, named consistently (key, number, folder, URL, label) from their address.
  const issues = [2, 3, 4].map((number, n) => {
    const address = { year: issue!.year, number };
    return { ...issue!, key: issueKey(address), number, folder: issueFolder(address), url: issueUrl(address), label: issueLabel(address, model.issueUnit), documents: model.documents.slice(n * 3, n * 3 + 3) };
  });
  return { ...model, config: { ...model.config, search_shard_size: 3 }, issues };
}

describe('indexShards with a cache', () => {
  it('restores an unchanged shard without running Pagefind and re-indexes a changed one', async () => {
    const model = await threeIssueModel();
    const pages = (edit?: (page: SearchPage) => SearchPage) =>
      planShards(model.issues.map((issue) => ({ ...issue, documents: issue.documents.map((document) => (edit ?? ((page) => page))(searchPage(document, model))) })), 3);
    const cache = await BuildCache.open({ dir: temp('cache') });
    const cold = temp('cold');
    const progress: string[] = [];
    const first = await indexShards(cold, pages(), { cache, concurrency: 2, progress: (done, total, label) => progress.push(`${label} ${done}/${total}`) });
    expect(first.map((shard) => shard.cached)).toEqual([false, false, false]);
    expect(progress).toEqual(['search shard 1/3', 'search shard 2/3', 'search shard 3/3']);

    // Pagefind cannot start now: a warm run that tried would fail.
    const binary = process.env.PAGEFIND_EXTENDED_BINARY_PATH;
    process.env.PAGEFIND_EXTENDED_BINARY_PATH = '/nonexistent/pagefind';
    try {
      const warm = temp('warm');
      const second = await indexShards(warm, pages(), { cache });
      expect(second.map((shard) => shard.cached)).toEqual([true, true, true]);
      expect(files(warm)).toEqual(files(cold));
    } finally {
      if (binary === undefined) delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
      else process.env.PAGEFIND_EXTENDED_BINARY_PATH = binary;
    }

    const newest = model.issues.at(-1)!.documents[0]!.url;
    const edited = await indexShards(temp('edited'), pages((page) => (page.url === newest ? { ...page, html: page.html.replace('</article>', '<p>新增一段</p></article>') } : page)), { cache });
    expect(edited.map((shard) => shard.cached)).toEqual([true, true, false]);
  });
});

describe('indexShards side by side', () => {
  it('writes the same bundles from one Pagefind service as from one per shard (worker threads)', async () => {
    const model = await threeIssueModel();
    const pages = () => planShards(model.issues.map((issue) => ({ ...issue, documents: issue.documents.map((document) => searchPage(document, model)) })), 3);
    const one = temp('one');
    const three = temp('three');
    await indexShards(one, pages(), { concurrency: 1 });
    await indexShards(three, pages(), { concurrency: 3 });
    expect(Object.keys(files(one)).length).toBeGreaterThan(0);
    expect(files(three)).toEqual(files(one));
  });
});

describe('buildSearch', () => {
  it('writes the same bundles and the same shard list, newest first, cold and warm', async () => {
    const model = await threeIssueModel();
    const cache = await BuildCache.open({ dir: temp('cache') });
    const cold = temp('cold');
    const warm = temp('warm');
    expect((await buildSearch(model, cold, { cache })).map((shard) => shard.cached)).toEqual([false, false, false]);
    expect((await buildSearch(model, warm, { cache })).map((shard) => shard.cached)).toEqual([true, true, true]);
    expect(JSON.parse(readFileSync(path.join(cold, SHARDS_MANIFEST), 'utf8'))).toEqual([
      { bundle: 'pagefind/', first: '2018年第4期', last: '2018年第4期', years: [2018, 2018] },
      { bundle: 'pagefind/shards/2018-03_2018-03/', first: '2018年第3期', last: '2018年第3期', years: [2018, 2018] },
      { bundle: 'pagefind/shards/2018-02_2018-02/', first: '2018年第2期', last: '2018年第2期', years: [2018, 2018] },
    ]);
    expect(files(warm)).toEqual(files(cold));
  });
});
