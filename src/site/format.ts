// Absolute URLs of site paths. Issue labels: gazette/issue-address.ts; dates: content/chinese-date.ts.
import type { GazetteConfig } from '../content/schema.ts';
import type { IssueUnit } from '../gazette/issue-address.ts';

/** What the number of an issue within its year is called: 期号 (第2期), 号数 (第2号). */
export function issueNumberName(unit: IssueUnit): string {
  return unit === '期' ? '期号' : '号数';
}

/** Absolute URL of a site path (`/2018/02/`) under the configured base URL and path prefix. */
export function absoluteUrl(config: Pick<GazetteConfig, 'base_url' | 'path_prefix'>, sitePath: string): string {
  return new URL(config.path_prefix.replace(/\/$/, '') + sitePath, config.base_url).href;
}
