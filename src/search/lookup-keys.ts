// Exact-lookup keys: a 发文字号 or 登记号 in any common written form → one canonical key, and the series it belongs to (shared by build and browser).
import { docNumberKey, formatDocNumber, formatDocNumberSeries, parseDocNumber } from '../gazette/doc-number.ts';
import { formatRegistrationCode, formatRegistrationSeries, parseLooseRegistrationCode, registrationKey } from '../gazette/registration-code.ts';

/** A lookup key is the number's standard form after its kind. */
const DOC_NUMBER_KEY = 'doc:';
const REGISTRATION_KEY = 'reg:';

/** The canonical key of a query that is a 发文字号 or 登记号, or undefined for ordinary words. */
export function lookupKey(query: string): string | undefined {
  const text = query.normalize('NFKC').trim();
  if (!text) return undefined;
  const registration = registrationKey(text);
  if (registration) return `${REGISTRATION_KEY}${registration}`;
  const number = docNumberKey(text);
  return number ? `${DOC_NUMBER_KEY}${number}` : undefined;
}

/** Whether a lookup key is a 登记号's (else a 发文字号's). */
export function isRegistrationKey(key: string): boolean {
  return key.startsWith(REGISTRATION_KEY);
}

/** The number a key stands for, in its standard written form: 永政发〔2018〕3号, YZCR-2018-00001. */
export function keyNumber(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

/** Folder of the lookup buckets: `search/lookup/<count>/<bucket>.json` (bucketPath). */
export const LOOKUP_DIR = 'search/lookup';
/** Per series (机关代字 and year, or 登记号 prefix and year): its numbers, for the nearest ones to a number not held. */
export const SERIES_DIR = 'search/series';

/** The fewest bucket files of the lookup and series tables. */
export const MIN_LOOKUP_BUCKETS = 256;

/** Documents per bucket at most: about 1.3 KB gzip of keys (a 发文字号, a 登记号 and the numbers cited) per bucket. */
const DOCUMENTS_PER_BUCKET = 16;

/**
 * Keys are hashed into bucket files, and a lookup fetches one, so a number query stays within 20 KB with the page
 * itself at any size: 256 buckets up to 4,096 documents, then twice as many each time the corpus doubles (2,048 at
 * 20,000 documents). The search page is told the count (`data-lookup-buckets`).
 */
export function lookupBucketCount(documents: number): number {
  let count = MIN_LOOKUP_BUCKETS;
  while (count * DOCUMENTS_PER_BUCKET < documents) count *= 2;
  return count;
}

/** FNV-1a over UTF-16 code units → bucket number, of `buckets` (lookupBucketCount). */
export function lookupBucket(key: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % buckets;
}

/** A number's series: the 发文字号 of one 机关代字 and year, or the 登记号 of one prefix and year. */
export interface NumberSeries {
  /** `doc:永政发〔2018〕` or `reg:YZCR-2018` */
  key: string;
  /** the number's place in it */
  serial: number;
  /** the standard written form of another number of the series */
  name(serial: number): string;
}

/** The series of a lookup key (undefined for a key that is not one). */
export function numberSeries(key: string): NumberSeries | undefined {
  const value = keyNumber(key);
  if (key.startsWith(DOC_NUMBER_KEY)) {
    const number = parseDocNumber(value);
    return number && { key: `${DOC_NUMBER_KEY}${formatDocNumberSeries(number)}`, serial: number.serial, name: (serial) => formatDocNumber({ ...number, serial }) };
  }
  if (isRegistrationKey(key)) {
    const code = parseLooseRegistrationCode(value);
    return code && { key: `${REGISTRATION_KEY}${formatRegistrationSeries(code)}`, serial: code.serial, name: (serial) => formatRegistrationCode({ ...code, serial }) };
  }
  return undefined;
}

/** One number of a series in the series files: serial, URL, title. */
export type SeriesEntry = [serial: number, url: string, title: string];

/** The nearest numbers of a series to `serial` (which it does not hold): up to `each` below and `each` above, in order. */
export function nearestInSeries(entries: readonly SeriesEntry[], serial: number, each = 2): SeriesEntry[] {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const below = sorted.filter((entry) => entry[0] < serial).slice(-each);
  const above = sorted.filter((entry) => entry[0] > serial).slice(0, each);
  return [...below, ...above];
}

/**
 * A bucket file's site path. The count is part of it: a search page loaded before the corpus crossed a size that
 * changes the count (4,096, 8,192 … documents) asks for a file that is gone, and says the site has changed, instead
 * of looking in the wrong bucket and answering 本站未收录.
 */
export function bucketPath(folder: string, count: number, bucket: number): string {
  return `${folder}/${count}/${bucket}.json`;
}
