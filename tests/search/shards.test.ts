// Search shards: consecutive years packed up to a document limit, newest first, each with its own bundle and glob.
import { describe, expect, it } from 'vitest';
import { planShards, shardGlob } from '../../src/search/shards.ts';

describe('planShards', () => {
  it('keeps a small corpus in one bundle at pagefind/', () => {
    expect(planShards(new Map([[2018, 9]]), 5000)).toEqual([{ years: [2018], documents: 9, bundle: 'pagefind/' }]);
  });

  it('packs consecutive years, newest first, without exceeding the limit', () => {
    const perYear = new Map([[2015, 300], [2016, 300], [2017, 300], [2018, 300], [2019, 300]]);
    expect(planShards(perYear, 700)).toEqual([
      { years: [2018, 2019], documents: 600, bundle: 'pagefind/' },
      { years: [2016, 2017], documents: 600, bundle: 'pagefind/shards/2016-2017/' },
      { years: [2015], documents: 300, bundle: 'pagefind/shards/2015-2015/' },
    ]);
  });

  it('gives a year larger than the limit a shard of its own', () => {
    expect(planShards(new Map([[2018, 9000], [2019, 10]]), 5000).map((shard) => shard.years)).toEqual([[2019], [2018]]);
  });
});

describe('shardGlob', () => {
  it('matches the document pages of the shard’s years', () => {
    expect(shardGlob({ years: [2018] })).toBe('2018/*/*/index.html');
    expect(shardGlob({ years: [2016, 2017] })).toBe('{2016,2017}/*/*/index.html');
  });
});
