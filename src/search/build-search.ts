// Stage 4 as one call: the exact-lookup table and the Pagefind full-text index of a rendered site folder.
import type { SiteModel } from '../site/site-model.ts';
import { indexSite, type IndexStats } from './index-site.ts';
import { writeLookupTable } from './lookup-table.ts';

export interface SearchStats extends IndexStats {
  lookupBuckets: number;
}

export async function buildSearch(model: SiteModel, siteDir: string): Promise<SearchStats> {
  const lookupBuckets = await writeLookupTable(model, siteDir);
  // Shards follow the page paths (/<issue year>/…), so documents are counted by their issue's year.
  const perYear = new Map<number, number>();
  for (const issue of model.issues) perYear.set(issue.year, (perYear.get(issue.year) ?? 0) + issue.documents.length);
  const stats = await indexSite(siteDir, perYear, model.config.search_shard_size);
  return { ...stats, lookupBuckets };
}
