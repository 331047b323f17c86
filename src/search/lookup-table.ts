// Builds the exact-lookup table (发文字号 and 登记号 → document), written as small bucket files beside the Pagefind index.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteModel } from '../site/site-model.ts';
import { lookupBucket, lookupKey } from './lookup-keys.ts';
import { compareCodePoints } from '../gazette/order.ts';

/** What the search page shows for an exact hit. */
export interface LookupRecord {
  url: string;
  title: string;
  docNumber: string;
  /** only in a gazette with a 登记号 system */
  registrationCode?: string | null;
  dateText: string;
  issuers: string[];
}

export const LOOKUP_DIR = 'search/lookup';

/** key → record, for every document's 发文字号 and 登记号 (a gazette without a 登记号 system has none: see site-model). */
export function lookupTable(model: SiteModel): Map<string, LookupRecord> {
  const table = new Map<string, LookupRecord>();
  for (const document of model.documents) {
    const record: LookupRecord = {
      url: document.url,
      title: document.title,
      docNumber: document.docNumber,
      ...(model.registration ? { registrationCode: document.registrationCode } : {}),
      dateText: document.dateText,
      issuers: document.issuers,
    };
    for (const value of [document.docNumber, document.registrationCode]) {
      const key = value ? lookupKey(value) : undefined;
      if (key) table.set(key, record);
    }
  }
  return table;
}

/** Write `<siteDir>/search/lookup/<bucket>.json` files (only the non-empty buckets; a missing bucket means no hit). */
export async function writeLookupTable(model: SiteModel, siteDir: string): Promise<void> {
  const buckets = new Map<number, Record<string, LookupRecord>>();
  for (const [key, record] of [...lookupTable(model)].sort(([a], [b]) => compareCodePoints(a, b))) {
    const bucket = lookupBucket(key);
    let entries = buckets.get(bucket);
    if (!entries) buckets.set(bucket, (entries = {}));
    entries[key] = record;
  }
  const dir = path.join(siteDir, LOOKUP_DIR);
  await mkdir(dir, { recursive: true });
  await Promise.all([...buckets].map(([bucket, entries]) => writeFile(path.join(dir, `${bucket}.json`), JSON.stringify(entries))));
}
