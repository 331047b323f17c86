// Eleventy plugin: the open-data filters behind /api/ (catalogue records for documents and issues).
import type { SiteModel } from '../site-model.ts';
import { documentRecords, issueRecords } from '../open-data.ts';
import type { EleventyConfig } from '../eleventy-types.ts';

export interface OpenDataOptions {
  /** the model, or the function that recomputes it on each dev rebuild */
  model: SiteModel | (() => Promise<SiteModel>);
}

export function openDataPlugin(eleventyConfig: EleventyConfig, _options: OpenDataOptions): void {
  eleventyConfig.addFilter('documentRecords', (model: SiteModel) => documentRecords(model));
  eleventyConfig.addFilter('issueRecords', (model: SiteModel) => issueRecords(model));
}
