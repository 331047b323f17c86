// The pages phase: Eleventy (programmatic API) renders the model into a folder; unchanged per-item pages come from the page cache.
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import type { BuildCache } from '../build/cache.ts';
import { gazetteEleventyConfig, TEMPLATES_DIR } from './eleventy-config.ts';
import { incrementalPages, type WrittenPages } from './page-cache.ts';
import type { SiteModel } from './site-model.ts';

export interface WritePagesOptions {
  cache: BuildCache;
  /** overrides the templates version (tests simulate a template change with it) */
  templatesVersion?: string;
  /** a progress line (`pages: 12 rendered, 13378 from the cache`) */
  note?: (line: string) => void;
}

/** Write every page of the site into `outDir`; gives the digests of the per-item pages the page cache knows. */
export async function writePages(model: SiteModel, outDir: string, options: WritePagesOptions): Promise<WrittenPages> {
  const pages = await incrementalPages(model, outDir, { cache: options.cache, version: options.templatesVersion });
  if (pages.hits > 0) options.note?.(`${pages.misses} 个页面重新生成，${pages.hits} 个取自缓存`);
  // Eleventy resolves its input against the process's working directory, not our `cwd` option.
  const eleventy = new Eleventy(path.relative(process.cwd(), TEMPLATES_DIR), outDir, {
    quietMode: true,
    configPath: false,
    pathPrefix: model.config.path_prefix,
    config: gazetteEleventyConfig({ model: pages.model, quiet: true }) as (config: never) => unknown,
  });
  // Our phases report progress and time; Eleventy's own "Wrote N files" and performance tips would repeat them.
  eleventy.setIsVerbose(false);
  eleventy.disableLogger();
  await eleventy.write();
  return pages.finish();
}
