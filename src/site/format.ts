// Absolute URLs of site paths. Issue labels and the name of an issue's number: gazette/issue-address.ts; dates: content/chinese-date.ts.
import type { GazetteConfig } from '../content/schema.ts';

/** Absolute URL of a site path (`/2018/02/`) under the configured base URL and path prefix. */
export function absoluteUrl(config: Pick<GazetteConfig, 'base_url' | 'path_prefix'>, sitePath: string): string {
  return new URL(config.path_prefix.replace(/\/$/, '') + sitePath, config.base_url).href;
}
