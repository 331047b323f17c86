// 时效性: whether a document is in force on a given day (有效 until its 有效期至, 失效 after it).

export type ValidityStatus = '有效' | '失效';

export const VALIDITY_STATUSES: readonly ValidityStatus[] = ['有效', '失效'];

/** Status of a document on `today` (YYYY-MM-DD). A document without 有效期至 stays in force. */
export function validityStatus(document: { valid_until?: string | null }, today: string): ValidityStatus {
  return document.valid_until && today > document.valid_until ? '失效' : '有效';
}

/** Today's date as YYYY-MM-DD in China Standard Time (UTC+8), the zone the gazette's dates are written in. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
