// The first-query measurement sorts each served path into the part of search it belongs to, and formats the figures.
import { describe, expect, it } from 'vitest';
import { formatFirstQueries, kindOf, summarize } from '../../scripts/bench/first-query.ts';

describe('kindOf', () => {
  it.each([
    ['/search/index.html', 'page'],
    ['/assets/style.css', 'page'],
    ['/assets/search.js', 'page'],
    ['/pagefind/pagefind.js', 'runtime'],
    ['/pagefind/pagefind-worker.js', 'runtime'],
    ['/pagefind/wasm.unknown.pagefind', 'runtime'],
    ['/pagefind/shards/2018-2019/wasm.unknown.pagefind', 'runtime'],
    ['/pagefind/pagefind-entry.json', 'index'],
    ['/pagefind/pagefind.zh-cn_cca5f3fc2efda.pf_meta', 'index'],
    ['/pagefind/index/zh-cn_202464f.pf_index', 'index'],
    ['/pagefind/filter/zh-cn_159e744.pf_filter', 'index'],
    ['/pagefind/fragment/zh-cn_dd9b3ba.pf_fragment', 'fragments'],
    ['/search/shards.json', 'lookup'],
    ['/search/lookup/256/17.json', 'lookup'],
    ['/search/series/2048/3.json', 'lookup'],
    ['/pagefind/snippet/zh-cn_37a031c/0.json', 'fragments'],
    ['/pagefind/shards/2018-2019/snippet/zh-cn_37a031c/12.json', 'fragments'],
  ])('%s is %s', (sitePath, kind) => {
    expect(kindOf(sitePath)).toBe(kind);
  });
});

describe('formatFirstQueries', () => {
  it('adds the parts up and says how far from the goal each query is', () => {
    const figure = summarize('就业创业', 3, [
      { path: '/search/', bytes: 2048, status: 200 },
      { path: '/pagefind/pagefind.js', bytes: 100 * 1024, status: 200 },
      { path: '/pagefind/fragment/a.pf_fragment', bytes: 70 * 1024, status: 200 },
    ]);
    expect(figure.bytes).toBe(172 * 1024);
    expect(figure.byKind).toEqual({ page: 2048, runtime: 102400, index: 0, fragments: 71680, lookup: 0 });
    const [, header, row] = formatFirstQueries([figure]);
    expect(header).toMatch(/^\s+shown\s+total KB\s+page\s+runtime\s+index\s+fragments\s+lookup\s+query$/);
    expect(row).toMatch(/^\s+3\s+172\.0\s+2\.0\s+100\.0\s+0\.0\s+70\.0\s+0\.0\s+就业创业 \(22\.0 KB over\)$/);
  });

  it('holds a 发文字号 query to its own goal of 20 KB', () => {
    const figure = summarize('永政发〔2018〕5号', 0, [{ path: '/search/lookup/3.json', bytes: 21 * 1024, status: 200 }]);
    expect(formatFirstQueries([figure])[2]).toMatch(/永政发〔2018〕5号 \(1\.0 KB over\)$/);
  });

  it('reports a query by relevance without a goal', () => {
    const figure = summarize('就业创业', 10, [{ path: '/pagefind/pagefind.js', bytes: 300 * 1024, status: 200 }], true);
    expect(formatFirstQueries([figure])[2]).toMatch(/就业创业 \(by relevance: every shard, no goal\)$/);
  });

  it('names the paths the page asked for that the site does not have', () => {
    const figure = summarize('就业', 1, [{ path: '/search/shards.json', bytes: 1500, status: 404 }]);
    expect(figure.missing).toEqual(['/search/shards.json']);
    expect(formatFirstQueries([figure])[2]).toMatch(/not found: \/search\/shards\.json\)$/);
  });
});
