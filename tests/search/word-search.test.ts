// The word search reads shards newest or oldest first only as far as the results asked for, all at once by relevance, skips shards lacking a term or outside a year filter.
import { describe, expect, it } from 'vitest';
import { startWordSearch } from '../../src/search/client/word-search.ts';
import { SHARD_FILTER, type Pagefind, type PagefindSearch, type SearchOptions, type ShardedIndex } from '../../src/search/client/pagefind-api.ts';
import type { ShardListing } from '../../src/search/shards.ts';

/** A page of a fake shard: the words it holds and its score. */
interface FakePage {
  id: string;
  words: string[];
  score: number;
}

/**
 * A fake Pagefind over `shards` (bundle → pages), answering as the real one does for what the search uses: only merged
 * shards answer; a page matches when it holds every term; results carry the shard filter's counts.
 */
function fakeIndex(shards: Record<string, { years: [number, number]; pages: FakePage[] }>): ShardedIndex & { merged: string[]; searches: number } {
  const bundles = Object.keys(shards);
  const merged = [bundles[0]!];
  const state = { searches: 0 };
  const pagefind: Pick<Pagefind, 'search'> = {
    search: async (term: string | null, options: SearchOptions = {}): Promise<PagefindSearch> => {
      state.searches++;
      const filter = options.filters?.[SHARD_FILTER] as string | { any: string[] } | undefined;
      const wanted = filter === undefined ? undefined : typeof filter === 'string' ? [filter] : filter.any;
      const terms = term ? term.split(' ') : [];
      const hits = merged
        .filter((bundle) => !wanted || wanted.includes(bundle))
        .flatMap((bundle) => shards[bundle]!.pages.filter((page) => terms.every((t) => page.words.includes(t))).map((page) => ({ bundle, page })));
      const counts: Record<string, number> = {};
      for (const { bundle } of hits) counts[bundle] = (counts[bundle] ?? 0) + 1;
      const sorted = options.sort ? hits : [...hits].sort((a, b) => b.page.score - a.page.score);
      return { results: sorted.map(({ page }) => ({ id: page.id, score: page.score, words: [] })), filters: { [SHARD_FILTER]: counts } };
    },
  };
  const listings: ShardListing[] = bundles.map((bundle) => ({ bundle, first: `${bundle} first`, last: `${bundle} last`, years: shards[bundle]!.years }));
  return {
    pagefind: pagefind as Pagefind,
    shards: listings,
    merged,
    get searches() {
      return state.searches;
    },
    load: async (wanted) => {
      for (const bundle of wanted) if (!merged.includes(bundle)) merged.push(bundle);
    },
    stillCurrent: async () => true,
  };
}

/** `n` pages holding `words`, ids `<prefix>1…`, scores from `score` down. */
function pages(prefix: string, n: number, words: string[], score = 1): FakePage[] {
  return Array.from({ length: n }, (_, index) => ({ id: `${prefix}${index + 1}`, words, score: score - index / 100 }));
}

const SHARDS = {
  'pagefind/': { years: [2024, 2025] as [number, number], pages: pages('new', 6, ['就业', '创业']) },
  'pagefind/shards/2022-2023/': { years: [2022, 2023] as [number, number], pages: pages('mid', 6, ['就业', '创业'], 5) },
  'pagefind/shards/2020-2021/': { years: [2020, 2021] as [number, number], pages: [...pages('old', 3, ['就业']), ...pages('both', 2, ['就业', '创业'], 9)] },
};

describe('startWordSearch', () => {
  it('newest first, reads the shards in order only until the results asked for: one, then two, four … side by side', async () => {
    const index = fakeIndex(SHARDS);
    const search = await startWordSearch(index, { terms: ['就业'], filters: {} }, 'date-desc', 5);
    expect(search.hits.map((hit) => hit.result.id)).toEqual(['new1', 'new2', 'new3', 'new4', 'new5', 'new6']);
    expect(search.searched.map((shard) => shard.bundle)).toEqual(['pagefind/']);
    expect(index.merged).toEqual(['pagefind/']);
    expect(search.done).toBe(false);

    // Ten asked for: the next batch is the next two shards at once.
    await search.extend(10);
    expect(index.merged).toEqual(['pagefind/', 'pagefind/shards/2022-2023/', 'pagefind/shards/2020-2021/']);
    expect(search.done).toBe(true);
    expect(search.hits.map((hit) => hit.shard)).toEqual([...Array(6).fill('pagefind/'), ...Array(6).fill('pagefind/shards/2022-2023/'), ...Array(5).fill('pagefind/shards/2020-2021/')]);
    await search.extend(20); // nothing left: no further search
    expect(search.hits).toHaveLength(17);
  });

  it('oldest first, starts from the oldest shard', async () => {
    const search = await startWordSearch(fakeIndex(SHARDS), { terms: ['就业'], filters: {} }, 'date-asc', 3);
    expect(search.searched.map((shard) => shard.bundle)).toEqual(['pagefind/shards/2020-2021/']);
    expect(search.hits.map((hit) => hit.result.id)).toEqual(['old1', 'old2', 'old3', 'both1', 'both2']);
  });

  it('by relevance, reads every shard at once and merges their results by score', async () => {
    const index = fakeIndex(SHARDS);
    const search = await startWordSearch(index, { terms: ['就业', '创业'], filters: {} }, 'relevance', 10);
    expect(search.done).toBe(true);
    expect(index.merged).toHaveLength(3);
    expect(search.hits.map((hit) => hit.result.id).slice(0, 3)).toEqual(['both1', 'both2', 'mid1']);
    expect(search.hits).toHaveLength(14);
  });

  it('reads every shard at once when asked to (the facets count them all), in the date order', async () => {
    const search = await startWordSearch(fakeIndex(SHARDS), { terms: ['就业'], filters: {} }, 'date-desc', 10, true);
    expect(search.done).toBe(true);
    expect(search.hits.map((hit) => hit.shard)).toEqual([...Array(6).fill('pagefind/'), ...Array(6).fill('pagefind/shards/2022-2023/'), ...Array(5).fill('pagefind/shards/2020-2021/')]);
  });

  it('skips a shard lacking one of several terms, though it holds pages with the others', async () => {
    const index = fakeIndex({
      'pagefind/': { years: [2024, 2025], pages: pages('new', 2, ['就业']) },
      'pagefind/shards/2022-2023/': { years: [2022, 2023], pages: pages('mid', 2, ['就业', '创业']) },
    });
    const search = await startWordSearch(index, { terms: ['就业', '创业'], filters: {} }, 'date-desc', 10);
    expect(search.hits.map((hit) => hit.result.id)).toEqual(['mid1', 'mid2']);
    expect(search.done).toBe(true);
  });

  it('skips the shards outside a year filter, without loading them', async () => {
    const index = fakeIndex(SHARDS);
    const search = await startWordSearch(index, { terms: ['就业'], filters: {}, years: [2020] }, 'date-desc', 10);
    expect(search.searched.map((shard) => shard.bundle)).toEqual(['pagefind/shards/2020-2021/']);
    expect(index.merged).toEqual(['pagefind/', 'pagefind/shards/2020-2021/']);
    expect(search.done).toBe(true);
  });

  it('is done at once, with nothing, when no shard lies in the years asked for', async () => {
    const search = await startWordSearch(fakeIndex(SHARDS), { terms: ['就业'], filters: {}, years: [1999] }, 'date-desc', 10);
    expect(search).toMatchObject({ hits: [], searched: [], done: true });
  });
});
