// Chinese display formats (GB/T 9704: 2018年2月6日; 2018年第2期; 总第103期), built on Intl.
import type { GazetteConfig } from '../content/schema.ts';

const chineseDate = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** `2018-02-06` → `2018年2月6日` */
export function formatChineseDate(iso: string): string {
  return chineseDate.format(new Date(`${iso}T00:00:00Z`));
}

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
