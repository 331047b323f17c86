// Builds the exact-lookup table (发文字号 and 登记号 → document, and the documents citing it) and the number series, as small bucket files.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentView, SiteModel } from '../site/site-model.ts';
import { bucketPath, LOOKUP_DIR, lookupBucket, lookupBucketCount, lookupKey, numberSeries, SERIES_DIR, type SeriesEntry } from './lookup-keys.ts';
import { searchCard, type SearchCard } from './search-card.ts';
import { byNewest, compareCodePoints } from '../gazette/order.ts';

/** What one key answers. */
export interface LookupEntry {
  /** the document with this number (absent: the site does not hold it) */
  document?: SearchCard;
  /** documents whose text cites this number, newest first, at most MENTIONS_LISTED */
  mentions?: SearchCard[];
  /** how many more cite it */
  more?: number;
}

/** Citing documents listed per number: a much-cited notice must not make its bucket heavy. */
export const MENTIONS_LISTED = 20;

/**
 * key → entry: every document under its 发文字号 and 登记号 (a gazette without a 登记号 system has none: see
 * site-model), and every 发文字号 cited in a document's text, held or not, with the documents citing it.
 */
export function lookupTable(model: Pick<SiteModel, 'documents'>): Map<string, LookupEntry> {
  const table = new Map<string, LookupEntry>();
  const entry = (key: string) => table.get(key) ?? table.set(key, {}).get(key)!;
  const cards = new Map<DocumentView, SearchCard>();
  const cardOf = (document: DocumentView) => cards.get(document) ?? cards.set(document, searchCard(document)).get(document)!;
  // The documents citing each number, newest first: held or not (a number the site does not hold is a `reference`).
  const newestFirst = [...model.documents].sort(byNewest((document) => document.date, (document) => document.url));
  const citing = new Map<string, DocumentView[]>();
  for (const document of newestFirst) {
    for (const number of new Set([...document.cites.map((cited) => cited.docNumber), ...document.references])) {
      const key = lookupKey(number);
      if (!key) continue;
      const list = citing.get(key);
      if (list) list.push(document);
      else citing.set(key, [document]);
    }
  }
  for (const document of model.documents) {
    const numberKey = lookupKey(document.docNumber);
    const registrationKey = document.registrationCode ? lookupKey(document.registrationCode) : undefined;
    for (const key of [numberKey, registrationKey]) if (key) entry(key).document = cardOf(document);
    // A document found by its 登记号 shows the documents citing its 发文字号 too.
    const cited = numberKey ? citing.get(numberKey) : undefined;
    if (cited && registrationKey) citing.set(registrationKey, cited);
  }
  for (const [key, documents] of citing) {
    const listed = documents.slice(0, MENTIONS_LISTED).map(cardOf);
    Object.assign(entry(key), { mentions: listed, ...(documents.length > MENTIONS_LISTED ? { more: documents.length - MENTIONS_LISTED } : {}) });
  }
  return table;
}

/** series key → the numbers of the corpus in it, by serial. */
export function seriesTable(model: Pick<SiteModel, 'documents'>): Map<string, SeriesEntry[]> {
  const table = new Map<string, SeriesEntry[]>();
  for (const document of model.documents) {
    for (const value of [document.docNumber, document.registrationCode]) {
      const key = value ? lookupKey(value) : undefined;
      const series = key ? numberSeries(key) : undefined;
      if (!series) continue;
      const entry: SeriesEntry = [series.serial, document.url, document.title];
      const list = table.get(series.key);
      if (list) list.push(entry);
      else table.set(series.key, [entry]);
    }
  }
  for (const entries of table.values()) entries.sort((a, b) => a[0] - b[0]);
  return table;
}

/**
 * Write `<siteDir>/search/lookup/<count>/<bucket>.json` and `<siteDir>/search/series/<count>/<bucket>.json`, every
 * bucket of lookupBucketCount (`{}` when empty, so a lookup never asks for a file that is not there). A number query fetches one lookup bucket, and one
 * series bucket when the number is not held.
 */
export async function writeLookupTable(model: Pick<SiteModel, 'documents'>, siteDir: string): Promise<void> {
  const count = lookupBucketCount(model.documents.length);
  await Promise.all([writeBuckets(lookupTable(model), siteDir, LOOKUP_DIR, count), writeBuckets(seriesTable(model), siteDir, SERIES_DIR, count)]);
}

async function writeBuckets(table: Map<string, unknown>, siteDir: string, folder: string, count: number): Promise<void> {
  const buckets = new Map<number, Record<string, unknown>>(Array.from({ length: count }, (_, bucket) => [bucket, {}]));
  for (const [key, value] of [...table].sort(([a], [b]) => compareCodePoints(a, b))) buckets.get(lookupBucket(key, count))![key] = value;
  await mkdir(path.join(siteDir, folder, String(count)), { recursive: true });
  await Promise.all([...buckets].map(([bucket, entries]) => writeFile(path.join(siteDir, bucketPath(folder, count, bucket)), JSON.stringify(entries))));
}

