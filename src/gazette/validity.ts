// 时效性: whether a document is in force on a given day — 有效, 失效 (past 有效期至), 废止 (repealed), 已修改 (amended).

export type ValidityStatus = '有效' | '失效' | '废止' | '已修改';

export const VALIDITY_STATUSES: readonly ValidityStatus[] = ['有效', '已修改', '失效', '废止'];

export interface ValidityFacts {
  valid_until?: string | null;
  /** repealed by another document (废止) */
  repealed?: boolean;
  /** amended by other documents (已修改) */
  amended?: boolean;
}

/**
 * Status on `today` (YYYY-MM-DD). 废止 wins; then 失效 once 有效期至 has passed; then 已修改; else 有效.
 * A document without 有效期至 stays in force until it is repealed.
 */
export function validityStatus(facts: ValidityFacts, today: string): ValidityStatus {
  if (facts.repealed) return '废止';
  if (facts.valid_until && today > facts.valid_until) return '失效';
  if (facts.amended) return '已修改';
  return '有效';
}

/** CSS modifier for a status badge. */
export function statusClass(status: ValidityStatus): string {
  return { 有效: 'valid', 失效: 'expired', 废止: 'repealed', 已修改: 'amended' }[status];
}

/** Today's date as YYYY-MM-DD in China Standard Time (UTC+8), the zone the gazette's dates are written in. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
