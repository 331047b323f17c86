// Word search over the shards, read newest or oldest first as far as the results shown need (all at once by relevance), every term required per shard; each shown result's snippet and excerpt.
import { SHARD_FILTER, type FilterValue, type Pagefind, type PagefindResult, type PagefindSearch, type ShardedIndex } from './pagefind-api.ts';
import type { ShardListing } from '../shards.ts';
import { SEARCH_SORT_DATE } from '../../gazette/browse.ts';
import type { Sort } from './search-state.ts';
import { excerptStart, pieceExcerpt, pieceOf, snippetPath, type Snippet } from '../snippet-format.ts';
import type { SearchCard } from '../search-card.ts';

export interface Hit {
  /** bundle folder of the result's shard */
  shard: string;
  result: PagefindResult;
}

/**
 * A word search over the shards. Newest or oldest first, it reads the shards in that order, only as far as the
 * results asked for (`extend`): shards hold whole issues in publication order, so the first results of a date order
 * come from the first shards (each shard's results in Pagefind's date order; two documents on either side of a shard
 * boundary can be out of order by the days between 成文日期 and publication). By relevance, or when the facets
 * need counts of every shard, it reads them all at once.
 */
export interface WordSearch {
  hits: Hit[];
  /** facet counts of the shards searched (complete once `done`) */
  counts: Record<string, Record<string, number>>;
  /** the shards searched so far, in the order read */
  searched: ShardListing[];
  /** every shard that can hold a result has been searched */
  done: boolean;
  /** Search further shards until there are at least `want` hits, or none is left. */
  extend(want: number): Promise<void>;
}

/**
 * Start a search with `terms` (search-terms.ts; none: filters alone) and `filters`, reading shards until `want` hits
 * (all shards for `relevance` or `all`). A year filter skips the shards whose years lie outside it.
 *
 * Pagefind leaves out of a query a term its index does not hold, so a shard lacking one of the terms would answer
 * with pages matching only the others: each term is looked up alone first, and a shard lacking one is skipped. Each shard is searched on its own (the SHARD_FILTER), so every result knows its shard.
 */
export async function startWordSearch(
  index: ShardedIndex,
  query: { terms: string[]; filters: Record<string, FilterValue>; years?: number[] },
  sort: Sort,
  want: number,
  all = false,
): Promise<WordSearch> {
  const { pagefind } = index;
  const { terms, filters, years } = query;
  const candidates = (sort === 'date-asc' ? index.shards.toReversed() : index.shards).filter(
    (shard) => !years?.length || years.some((year) => year >= shard.years[0] && year <= shard.years[1]),
  );
  const dateSort = sort === 'relevance' ? undefined : ({ [SEARCH_SORT_DATE]: sort === 'date-desc' ? 'desc' : 'asc' } as const);
  const text = terms.length ? terms.join(' ') : null;
  const searches: PagefindSearch[] = [];
  let batches = 0;
  const search: WordSearch = {
    hits: [],
    counts: {},
    searched: [],
    done: candidates.length === 0,
    extend: async (more) => {
      while (!search.done && search.hits.length < more) {
        // By relevance, every shard at once (their scores are merged). In a date order, one shard, then two, four …
        // side by side: a common query is answered by the first, and one that matches little or nothing does not
        // wait for the shards one after another.
        const size = sort === 'relevance' || all ? candidates.length : 2 ** batches++;
        const batch = candidates.slice(search.searched.length, search.searched.length + size);
        await index.load(batch.map((shard) => shard.bundle));
        const holders = await holdingEveryTerm(pagefind, batch, terms);
        const found = await Promise.all(holders.map((shard) => pagefind.search(text, { filters: { ...filters, [SHARD_FILTER]: shard.bundle }, sort: dateSort })));
        search.searched.push(...batch);
        search.done = search.searched.length === candidates.length;
        const hits = found.flatMap((result, position) => (result?.results ?? []).map((hit) => ({ shard: holders[position]!.bundle, result: hit })));
        if (!dateSort) hits.sort((a, b) => b.result.score - a.result.score);
        search.hits.push(...hits);
        searches.push(...found.filter((result): result is PagefindSearch => result !== null));
        search.counts = sumCounts(searches);
      }
    },
  };
  await search.extend(all ? Infinity : want);
  return search;
}

/** The shards of `batch` that hold every one of several terms: each term looked up alone in the batch's shards. */
async function holdingEveryTerm(pagefind: Pagefind, batch: ShardListing[], terms: string[]): Promise<ShardListing[]> {
  if (terms.length < 2) return batch;
  const inBatch = { filters: { [SHARD_FILTER]: { any: batch.map((shard) => shard.bundle) } } };
  const alone = await Promise.all(terms.map((term) => pagefind.search(term, inBatch)));
  return batch.filter((shard) => alone.every((result) => (result?.filters[SHARD_FILTER]?.[shard.bundle] ?? 0) > 0));
}

function sumCounts(searches: readonly PagefindSearch[]): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const search of searches) {
    for (const [filter, values] of Object.entries(search?.filters ?? {})) {
      if (filter === SHARD_FILTER) continue;
      const sums = (counts[filter] ??= {});
      for (const [value, count] of Object.entries(values)) sums[value] = (sums[value] ?? 0) + count;
    }
  }
  return counts;
}

/** A guess of where the body starts, to pick the first piece before the snippet says: titles and numbers are shorter. */
const HEADER_GUESS = 64;

/**
 * A result's card and excerpt, from its snippet pieces: the piece of the densest run of matches in the body, fetched
 * once (twice only when the title led to the wrong piece).
 */
export async function showHit(base: string, hit: Hit): Promise<{ card: SearchCard; excerpt: string }> {
  const words = hit.result.words;
  const fetchPiece = async (piece: number) => {
    const response = await fetch(`${base}${hit.shard}${snippetPath(hit.result.id, piece)}`);
    if (!response.ok) throw new Error(`snippet ${hit.result.id}/${piece}: HTTP ${response.status}`);
    return (await response.json()) as Snippet;
  };
  let snippet = await fetchPiece(pieceOf(excerptStart(words, HEADER_GUESS)));
  const start = excerptStart(words, snippet.body);
  if (pieceOf(start) !== pieceOf(snippet.start)) snippet = await fetchPiece(pieceOf(start));
  const { text, before, after } = pieceExcerpt(snippet, start);
  return { card: snippet.card, excerpt: `${before ? '…' : ''}${text}${after ? '…' : ''}` };
}
