// The pages phase: Eleventy (programmatic API) renders the model into a folder; unchanged per-item pages come from the page cache.
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import type { BuildCache } from '../build/cache.ts';
import { gazetteEleventyConfig, TEMPLATES_DIR } from './eleventy-config.ts';
import { incrementalPages, type WrittenPages } from './page-cache.ts';
import type { PageSet, SiteModel } from './site-model.ts';

/**
 * Most per-item pages one Eleventy run renders. Eleventy holds every page of a run until it ends, so a large site is
 * rendered in several runs (the first with every other template, the rest with the per-item templates only): at
 * 20,000 documents one run of 43,000 pages held ≈ 2.3 GB.
 */
const ITEMS_PER_RUN = 8000;

export interface WritePagesOptions {
  cache: BuildCache;
  /** overrides the templates version (tests simulate a template change with it) */
  templatesVersion?: string;
  /** a progress line (`pages: 12 rendered, 13378 from the cache`) */
  note?: (line: string) => void;
  /** (tests) most per-item pages per Eleventy run, default ITEMS_PER_RUN */
  itemsPerRun?: number;
}

/** The page set cut into runs of at most `size` items, in order; always at least one run (the one with every other page). */
export function pageRuns(pages: PageSet, size: number): PageSet[] {
  const kinds = Object.keys(pages) as (keyof PageSet)[];
  const items = kinds.flatMap((kind) => (pages[kind] as unknown[]).map((item) => ({ kind, item })));
  const runs: PageSet[] = [];
  for (let start = 0; start === 0 || start < items.length; start += size) {
    const run = Object.fromEntries(kinds.map((kind) => [kind, []])) as unknown as Record<keyof PageSet, unknown[]>;
    for (const { kind, item } of items.slice(start, start + size)) run[kind].push(item);
    runs.push(run as unknown as PageSet);
  }
  return runs;
}

/** Write every page of the site into `outDir`; gives the digests of the per-item pages the page cache knows. */
export async function writePages(model: SiteModel, outDir: string, options: WritePagesOptions): Promise<WrittenPages> {
  const pages = await incrementalPages(model, outDir, { cache: options.cache, version: options.templatesVersion });
  if (pages.hits > 0) options.note?.(`${pages.misses} 个页面重新生成，${pages.hits} 个取自缓存`);
  const runs = pageRuns(pages.model.pages, options.itemsPerRun ?? ITEMS_PER_RUN);
  for (const [index, run] of runs.entries()) {
    // Eleventy resolves its input against the process's working directory, not our `cwd` option.
    const eleventy = new Eleventy(path.relative(process.cwd(), TEMPLATES_DIR), outDir, {
      quietMode: true,
      configPath: false,
      pathPrefix: model.config.path_prefix,
      config: gazetteEleventyConfig({ model: { ...pages.model, pages: run }, quiet: true, itemsOnly: index > 0 }) as (config: never) => unknown,
    });
    // Our phases report progress and time; Eleventy's own "Wrote N files" and performance tips would repeat them.
    eleventy.setIsVerbose(false);
    eleventy.disableLogger();
    await eleventy.write();
  }
  return pages.finish();
}
