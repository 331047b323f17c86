// Stage 4 as one call: the exact-lookup table and the Pagefind full-text index of a rendered site folder.
import type { SiteModel } from '../site/site-model.ts';
import { indexSite, type IndexStats } from './index-site.ts';
import { writeLookupTable } from './lookup-table.ts';

export interface SearchStats extends IndexStats {
  lookupBuckets: number;
}

export async function buildSearch(model: SiteModel, siteDir: string): Promise<SearchStats> {
  const lookupBuckets = await writeLookupTable(model, siteDir);
  const stats = await indexSite(siteDir);
  return { ...stats, lookupBuckets };
}
