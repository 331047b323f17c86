// Eleventy configuration: templates/ as input, the site model as global data, safe Nunjucks, base-path rewriting.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HtmlBasePlugin } from '@11ty/eleventy';
import type { DocumentView, IssueView, SiteModel } from './site-model.ts';
import { documentJsonLd, issueJsonLd, scriptJson } from './structured-data.ts';
import { openDataPlugin } from './plugins/open-data-plugin.ts';
import { feedsPlugin } from './plugins/feeds-plugin.ts';
import type { EleventyConfig } from './eleventy-types.ts';
import { absoluteUrl } from './format.ts';
import { bundleClientScripts } from './client-scripts.ts';
import { prefixIds } from './html-ids.ts';
import { lookupBucketCount } from '../search/lookup-keys.ts';

/** The repository's templates folder (layouts, pages, assets). */
export const TEMPLATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

export interface EleventyOptions {
  /** The model, or a function that (re)computes it on every build (dev server). */
  model: SiteModel | (() => Promise<SiteModel>);
  /** Extra paths whose changes trigger a rebuild in watch mode (the content folder, the config file). */
  watch?: string[];
  /** Silence Eleventy's performance tips ("[11ty] Benchmark …"): the build reports its own phase times. */
  quiet?: boolean;
  /**
   * Render only the per-item templates (the items in `model.pages`): every other template, the assets and the client
   * scripts were written by an earlier run of the same build (write-pages.ts renders a large site in several runs).
   */
  itemsOnly?: boolean;
}

/** The templates that paginate over `model.pages` (PageSet), relative to TEMPLATES_DIR. */
export const PER_ITEM_TEMPLATES = ['document.njk', 'api/document.json.njk', 'alias.njk', 'issue.njk', 'issue-print.njk'];

/** Returns the function Eleventy calls with its config object. */
export function gazetteEleventyConfig(options: EleventyOptions) {
  return function configure(eleventyConfig: EleventyConfig) {
    // The "Configuration" timing group exists before quiet mode applies, so it is silenced here.
    if (options.quiet) eleventyConfig.benchmarkManager?.get('Configuration')?.setIsVerbose(false);
    eleventyConfig.setTemplateFormats(['njk']);
    // Autoescape everything; document HTML comes sanitized from the unified pipeline and is the only `| safe` body.
    eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
    eleventyConfig.addGlobalData('gazette', options.model);
    // Site paths in the templates are root-relative; under a path prefix HtmlBasePlugin rewrites them. At `/` it would
    // parse every page to change nothing (≈ 10 % of the pages phase), so it is left out.
    if (typeof options.model === 'function' || options.model.config.path_prefix !== '/') eleventyConfig.addPlugin(HtmlBasePlugin);
    if (options.itemsOnly) {
      for (const file of readdirSync(TEMPLATES_DIR, { recursive: true, encoding: 'utf8' })) {
        const name = file.split(path.sep).join('/');
        if (name.endsWith('.njk') && !name.startsWith('_includes/') && !PER_ITEM_TEMPLATES.includes(name)) {
          eleventyConfig.ignores.add(path.relative(process.cwd(), path.join(TEMPLATES_DIR, name)).split(path.sep).join('/'));
        }
      }
    } else {
      eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), path.join(TEMPLATES_DIR, 'assets'))]: 'assets' });
    }

    eleventyConfig.addFilter('json', (value: unknown) => JSON.stringify(value, null, 2));
    eleventyConfig.addPlugin(openDataPlugin);
    eleventyConfig.addPlugin(feedsPlugin);
    eleventyConfig.addFilter('absoluteUrl', (sitePath: string, model: SiteModel) => absoluteUrl(model.config, sitePath));
    eleventyConfig.addFilter('prefixIds', (html: string, prefix: string) => prefixIds(html, prefix));
    eleventyConfig.addFilter('documentJsonLd', (document: DocumentView, model: SiteModel) => scriptJson(documentJsonLd(document, model)));
    eleventyConfig.addFilter('issueJsonLd', (issue: IssueView, model: SiteModel) => scriptJson(issueJsonLd(issue, model)));
    // The search page tells its script how many lookup buckets the search stage writes for this corpus.
    eleventyConfig.addFilter('lookupBuckets', (model: SiteModel) => lookupBucketCount(model.documents.length));

    // Browser scripts are TypeScript: bundle them into the output after every (re)build. (The download zip is a build
    // phase of its own, after the pages: see build-site.ts.)
    if (!options.itemsOnly) eleventyConfig.on('eleventy.after', ({ directories }) => bundleClientScripts(directories.output));

    for (const target of options.watch ?? []) eleventyConfig.addWatchTarget(target);
    eleventyConfig.setServerOptions({ showVersion: false, domDiff: false });
  };
}
