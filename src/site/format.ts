// Display formats of the site: issue labels (2018年第2期; 总第103期) and absolute URLs. Dates: content/chinese-date.ts.
import type { GazetteConfig } from '../content/schema.ts';

/** `2018年第2期` */
export function issueLabel(year: number, number: number): string {
  return `${year}年第${number}期`;
}

/** `总第103期` */
export function totalLabel(total: number): string {
  return `总第${total}期`;
}

/** Absolute URL of a site path (`/2018/02/`) under the configured base URL and path prefix. */
export function absoluteUrl(config: Pick<GazetteConfig, 'base_url' | 'path_prefix'>, sitePath: string): string {
  return new URL(config.path_prefix.replace(/\/$/, '') + sitePath, config.base_url).href;
}
