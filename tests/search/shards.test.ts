// Search shards: whole issues packed oldest first up to a document limit, the newest in pagefind/, stable under edits.
import { describe, expect, it } from 'vitest';
import { documentsWithin, planShards, shardListing, SHARD_MEMORY_MB, type ShardIssue } from '../../src/search/shards.ts';
import { searchConcurrency, SEARCH_MEMORY_MB } from '../../src/search/build-search.ts';

/** `perYear` issues a year of `size` documents each, named `<year>-<nn>/<i>`. */
function issues(years: number[], perYear: number, size: number): ShardIssue<string>[] {
  return years.flatMap((year) =>
    Array.from({ length: perYear }, (_, n) => {
      const key = `${year}-${String(n + 1).padStart(2, '0')}`;
      return { key, year, number: n + 1, documents: Array.from({ length: size }, (_, i) => `${key}/${i}`) };
    }),
  );
}

describe('planShards', () => {
  it('keeps a small corpus in one bundle at pagefind/', () => {
    expect(planShards(issues([2018], 1, 9), 5000)).toEqual([{ issues: ['2018-01'], documents: issues([2018], 1, 9)[0]!.documents, bundle: 'pagefind/' }]);
  });

  it('packs whole issues oldest first; the newest shard is pagefind/, the others are named by their years', () => {
    const shards = planShards(issues([2018, 2019, 2020, 2021, 2022], 3, 100).reverse(), 600);
    expect(shards.map((shard) => [shard.issues[0], shard.issues.at(-1), shard.documents.length, shard.bundle])).toEqual([
      ['2018-01', '2019-03', 600, 'pagefind/shards/2018-2019/'],
      ['2020-01', '2021-03', 600, 'pagefind/shards/2020-2021/'],
      ['2022-01', '2022-03', 300, 'pagefind/'],
    ]);
  });

  it('never splits an issue: one larger than the limit is a shard alone', () => {
    const big = [...issues([2018], 1, 900), ...issues([2019], 1, 10)];
    expect(planShards(big, 500).map((shard) => shard.issues)).toEqual([['2018-01'], ['2019-01']]);
  });

  it('names shards of the same years by their first and last issue', () => {
    expect(planShards(issues([2018], 6, 100), 200).map((shard) => shard.bundle)).toEqual([
      'pagefind/shards/2018-01_2018-02/',
      'pagefind/shards/2018-03_2018-04/',
      'pagefind/',
    ]);
  });

  it('changes only the newest shard when the newest issue grows or a new issue appears', () => {
    const before = planShards(issues([2018, 2019, 2020], 12, 9), 250);
    const grown = issues([2018, 2019, 2020], 12, 9);
    grown.at(-1)!.documents.push('2020-12/new');
    const after = planShards([...grown, ...issues([2021], 1, 9)], 250);
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(after.at(-1)!.documents.length).toBe(before.at(-1)!.documents.length + 10);
  });
});

describe('shardListing', () => {
  it('lists the shards newest first, with their first and last issue and the years of their documents’ 成文日期', () => {
    // 2020年第1期 carries a document dated 2019: a search filtered by 2019 must not skip its shard.
    const plan = planShards<{ year: number }>(
      [
        { key: '2019-12', year: 2019, number: 12, documents: [{ year: 2019 }, { year: 2019 }] },
        { key: '2020-01', year: 2020, number: 1, documents: [{ year: 2019 }, { year: 2020 }] },
        { key: '2020-02', year: 2020, number: 2, documents: [{ year: 2020 }, { year: 2020 }] },
      ],
      2,
    );
    expect(shardListing(plan, (key) => `label ${key}`)).toEqual([
      { bundle: 'pagefind/', first: 'label 2020-02', last: 'label 2020-02', years: [2020, 2020] },
      { bundle: 'pagefind/shards/2020-01_2020-01/', first: 'label 2020-01', last: 'label 2020-01', years: [2019, 2020] },
      { bundle: 'pagefind/shards/2019-2019/', first: 'label 2019-12', last: 'label 2019-12', years: [2019, 2019] },
    ]);
  });
});

describe('documentsWithin', () => {
  it('turns a memory budget into a shard size by Pagefind’s measured memory per page', () => {
    expect(documentsWithin(512)).toBe(228);
    expect(documentsWithin(50)).toBe(1);
  });
});

describe('searchConcurrency', () => {
  it('indexes one shard per core within the search budget', () => {
    expect(searchConcurrency(SEARCH_MEMORY_MB, 1300, 2)).toBe(2);
    expect(searchConcurrency(SEARCH_MEMORY_MB, 1300, 1)).toBe(1);
    expect(searchConcurrency(SHARD_MEMORY_MB, 1300, 8)).toBe(1);
  });

  it('starts no second Pagefind service when it would not fit beside a large build process', () => {
    expect(searchConcurrency(SEARCH_MEMORY_MB, 3300, 2)).toBe(1);
    expect(searchConcurrency(SEARCH_MEMORY_MB, 5000, 2)).toBe(1);
  });
});
