// Eleventy plugin: the open-data filters behind /api/ (catalogue JSON and CSV, issues, one JSON per document), and the
// after-build step that writes the bulk download /api/gazette.zip.
import type { DocumentView, SiteModel } from '../site-model.ts';
import { documentDetail, documentJsonPath, documentRecords, documentsCsv, issueRecords } from '../open-data.ts';
import { writeGazetteZip } from '../downloads.ts';
import type { EleventyConfig } from '../eleventy-types.ts';

export interface OpenDataOptions {
  /** the model, or the function that recomputes it on each dev rebuild */
  model: SiteModel | (() => Promise<SiteModel>);
}

export function openDataPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addFilter('documentRecords', (model: SiteModel) => documentRecords(model));
  eleventyConfig.addFilter('issueRecords', (model: SiteModel) => issueRecords(model));
  eleventyConfig.addFilter('documentsCsv', (model: SiteModel) => documentsCsv(model));
  eleventyConfig.addFilter('documentDetail', (document: DocumentView, model: SiteModel) => documentDetail(model, document));
  eleventyConfig.addFilter('documentJsonPath', (document: DocumentView) => documentJsonPath(document));
}

/**
 * The bulk download, written after a build from the model and the open-data files just built (eleventy-config.ts runs
 * it in its one after-build step, after the browser scripts, so that a failure here leaves nothing else still writing).
 * Not on the dev server: compressing a large corpus takes seconds (about 6 s for 4,000 documents) on every save.
 */
export async function writeDownloads(options: OpenDataOptions, output: string, runMode: string | undefined): Promise<void> {
  if (runMode === 'serve' || runMode === 'watch') return;
  const model = typeof options.model === 'function' ? await options.model() : options.model;
  // A source that vanished since it was read (MissingSourceError) fails the build: a site whose zip link is broken
  // must not replace the published one.
  await writeGazetteZip(model, output);
}
