// Stage 4 as one call: the exact-lookup table and the Pagefind full-text index of a rendered site folder.
import type { SiteModel } from '../site/site-model.ts';
import type { BuildCache } from '../build/cache.ts';
import { indexSite } from './index-site.ts';
import { writeLookupTable } from './lookup-table.ts';

/** Write the lookup table and the index; fails when the index does not hold exactly the corpus's document pages. */
export async function buildSearch(model: SiteModel, siteDir: string, _options: { cache?: BuildCache } = {}): Promise<void> {
  await writeLookupTable(model, siteDir);
  // Shards follow the page paths (/<issue year>/…), so documents are counted by their issue's year.
  const perYear = new Map<number, number>();
  for (const issue of model.issues) perYear.set(issue.year, (perYear.get(issue.year) ?? 0) + issue.documents.length);
  const { pages } = await indexSite(siteDir, perYear, model.config.search_shard_size);
  // The shard globs follow the page layout: if they ever disagree, the index would be silently partial.
  if (pages !== model.documents.length) throw new Error(`检索索引收录了 ${pages} 个页面，但站点有 ${model.documents.length} 篇文件：页面路径与分片规则不一致`);
}
