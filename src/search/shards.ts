// Splits the corpus into search shards of consecutive years, so no single Pagefind process must index everything.
import { documentPagesGlob } from '../gazette/issue-address.ts';

export interface SearchShard {
  /** years in this shard, ascending */
  years: number[];
  documents: number;
  /** bundle folder under the site root: `pagefind/` for the first (newest) shard, `pagefind/shards/<from>-<to>/` else */
  bundle: string;
}

/** Where the search page finds the further shards to merge (`[]` when the index is a single bundle). */
export const SHARDS_MANIFEST = 'search/shards.json';

/**
 * Pack years (newest first) into shards of at most `maxDocuments` documents; a year larger than that is a shard alone.
 * Pagefind's memory grows faster than linearly with the pages of one index (about 1.7 MB per Chinese page at 4,000
 * pages), so bounded shards keep a 20,000-document gazette within the machine.
 */
export function planShards(documentsPerYear: Map<number, number>, maxDocuments: number): SearchShard[] {
  const years = [...documentsPerYear.keys()].sort((a, b) => b - a);
  const shards: { years: number[]; documents: number }[] = [];
  for (const year of years) {
    const count = documentsPerYear.get(year)!;
    const current = shards.at(-1);
    if (current && current.documents + count <= maxDocuments) {
      current.years.push(year);
      current.documents += count;
    } else {
      shards.push({ years: [year], documents: count });
    }
  }
  return shards.map((shard, index) => {
    const ascending = [...shard.years].sort((a, b) => a - b);
    const bundle = index === 0 ? 'pagefind/' : `pagefind/shards/${ascending[0]}-${ascending.at(-1)}/`;
    return { years: ascending, documents: shard.documents, bundle };
  });
}

/** The glob of a shard's document pages: /<year>/<NN>/<slug>/index.html. */
export function shardGlob(shard: Pick<SearchShard, 'years'>): string {
  return documentPagesGlob(shard.years);
}
