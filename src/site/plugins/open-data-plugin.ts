// Eleventy plugin: the open-data filters behind /api/ (catalogue JSON and CSV, issues, one JSON per document).
import type { DocumentView, SiteModel } from '../site-model.ts';
import { documentDetail, documentJsonPath, documentRecords, documentsCsv, issueRecords } from '../open-data.ts';
import type { EleventyConfig } from '../eleventy-types.ts';

export function openDataPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addFilter('documentRecords', (model: SiteModel) => documentRecords(model));
  eleventyConfig.addFilter('issueRecords', (model: SiteModel) => issueRecords(model));
  eleventyConfig.addFilter('documentsCsv', (model: SiteModel) => documentsCsv(model));
  eleventyConfig.addFilter('documentDetail', (document: DocumentView, model: SiteModel) => documentDetail(model, document));
  eleventyConfig.addFilter('documentJsonPath', (document: DocumentView) => documentJsonPath(document));
}
