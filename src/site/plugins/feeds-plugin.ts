// Eleventy plugin: the filters behind /feed.xml, /issuers/<slug>/feed.xml, /sitemap.xml and /robots.txt (see feeds.ts).
import type { Group, SiteModel } from '../site-model.ts';
import { issuerFeed, issuerFeedPath, robots, siteFeed, sitemap } from '../feeds.ts';
import type { EleventyConfig } from '../eleventy-types.ts';

export function feedsPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addFilter('atomFeed', (model: SiteModel) => siteFeed(model));
  eleventyConfig.addFilter('issuerAtomFeed', (group: Group, model: SiteModel) => issuerFeed(model, group));
  eleventyConfig.addFilter('issuerFeedPath', (group: Group) => issuerFeedPath(group));
  eleventyConfig.addFilter('sitemapXml', (model: SiteModel) => sitemap(model));
  eleventyConfig.addFilter('robotsTxt', (model: SiteModel) => robots(model));
}
