// The GB/T 9704-2012 date form (2018年2月6日) of an ISO date, built on Intl: used by the scaffold, the site and the browser.

const chineseDate = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** `2018-02-06` → `2018年2月6日` (no leading zeros, whatever the machine's time zone) */
export function formatChineseDate(iso: string): string {
  return chineseDate.format(new Date(`${iso}T00:00:00Z`));
}
