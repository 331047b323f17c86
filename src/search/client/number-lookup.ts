// A 发文字号/登记号 query answered from the lookup buckets alone (no Pagefind): the document, or 本站未收录 and the nearest numbers.
import { bucketPath, isRegistrationKey, keyNumber, LOOKUP_DIR, lookupBucket, nearestInSeries, numberSeries, SERIES_DIR, type SeriesEntry } from '../lookup-keys.ts';
import type { LookupEntry } from '../lookup-table.ts';

export interface NumberAnswer {
  /** the number in its standard written form */
  number: string;
  entry: LookupEntry;
  /** for a number the site does not hold: the nearest ones of its series (same 机关代字 and year, or 登记号 prefix and year) */
  nearest: { number: string; url: string; title: string }[];
  /** a 登记号 (not a 发文字号) */
  registration: boolean;
}

/** Fetch the key's bucket, and its series' bucket when the site does not hold the number; `buckets` is the site's count. */
export async function lookupNumber(base: string, key: string, buckets: number): Promise<NumberAnswer> {
  const entry = (await bucket<LookupEntry>(`${base}${bucketPath(LOOKUP_DIR, buckets, lookupBucket(key, buckets))}`))[key] ?? {};
  const series = numberSeries(key);
  let nearest: NumberAnswer['nearest'] = [];
  if (!entry.document && series) {
    const entries = (await bucket<SeriesEntry[]>(`${base}${bucketPath(SERIES_DIR, buckets, lookupBucket(series.key, buckets))}`))[series.key] ?? [];
    nearest = nearestInSeries(entries, series.serial).map(([serial, url, title]) => ({ number: series.name(serial), url, title }));
  }
  return { number: keyNumber(key), entry, nearest, registration: isRegistrationKey(key) };
}

/** A bucket file. Every bucket is written, so one that is not there means the site changed under the page: an error. */
async function bucket<T>(url: string): Promise<Record<string, T>> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as Record<string, T>;
}
