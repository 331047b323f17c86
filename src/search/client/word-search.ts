// Word search over the shards: every term required in every shard, results merged across shards, and each shown result's snippet and excerpt.
import { SHARD_FILTER, type FilterValue, type PagefindResult, type PagefindSearch, type ShardedIndex } from './pagefind-api.ts';
import { excerptStart, pieceExcerpt, pieceOf, snippetPath, type Snippet } from '../snippet-format.ts';
import type { SearchCard } from '../search-card.ts';

export interface Hit {
  /** bundle folder of the result's shard */
  shard: string;
  result: PagefindResult;
}

export interface WordResults {
  hits: Hit[];
  /** facet counts of these results (empty unless the filter files are loaded) */
  counts: Record<string, Record<string, number>>;
}

/**
 * Search with `terms` (search-terms.ts; none: filters alone). Pagefind leaves out of a query a term its index does
 * not hold, so a shard lacking one of the terms would answer with pages matching only the others: each term is looked
 * up alone first, and only the shards holding every term are searched. Each shard is searched on its own (the
 * SHARD_FILTER), so every result knows its shard. Results are merged by score, or for a date sort shard after shard
 * (shards hold whole issues in order), each in Pagefind's order.
 */
export async function searchWords(index: ShardedIndex, terms: string[], filters: Record<string, FilterValue>, sort: Record<string, 'asc' | 'desc'> | undefined): Promise<WordResults> {
  const { pagefind, shards } = index;
  let searched = shards;
  if (terms.length > 1) {
    const alone = await Promise.all(terms.map((term) => pagefind.search(term)));
    searched = shards.filter((shard) => alone.every((search) => (search?.filters[SHARD_FILTER]?.[shard] ?? 0) > 0));
  }
  const query = terms.length ? terms.join(' ') : null;
  const perShard = await Promise.all(searched.map((shard) => pagefind.search(query, { filters: { ...filters, [SHARD_FILTER]: shard }, sort })));
  const hits = perShard.flatMap((search, position) => (search?.results ?? []).map((result) => ({ shard: searched[position]!, result })));
  if (!sort) hits.sort((a, b) => b.result.score - a.result.score);
  else if (Object.values(sort)[0] === 'asc') hits.sort((a, b) => searched.indexOf(b.shard) - searched.indexOf(a.shard));
  return { hits, counts: sumCounts(perShard) };
}

function sumCounts(searches: (PagefindSearch | null)[]): Record<string, Record<string, number>> {
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
