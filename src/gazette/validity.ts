// 时效性 from records only: 有效期至, 施行日期, 废止, 已修改 or an explicit status — otherwise 未标注, never an assumed 有效.

/** The statuses an editor may record with `status:` in front matter. */
export const RECORDED_STATUSES = ['有效', '失效', '废止', '已修改'] as const;
export type RecordedStatus = (typeof RECORDED_STATUSES)[number];

/** What the site states: a recorded status, 尚未施行 (施行日期 still ahead), or 未标注 (nothing recorded). */
export type DocumentStatus = RecordedStatus | '尚未施行' | '未标注';

/** Every stated status, in the order a facet lists them: in force first, nothing recorded last. */
export const DOCUMENT_STATUSES: readonly DocumentStatus[] = ['有效', '尚未施行', '已修改', '失效', '废止', '未标注'];

/** The validity records of one document (front-matter values; dates YYYY-MM-DD). */
export interface ValidityRecord {
  /** 有效期至 */
  valid_until?: string | null;
  /** 施行日期 */
  effective?: string | null;
  /** an explicit status */
  status?: RecordedStatus | null;
  /** repealed by another document (废止) */
  repealed?: boolean;
  /** amended by other documents (已修改) */
  amended?: boolean;
}

/**
 * Status on `today` (YYYY-MM-DD), from the records alone. 废止 (by a document or stated) wins; then 失效 once 有效期至 has
 * passed, or when stated; then 已修改; then 尚未施行 before the 施行日期; then 有效 when a record says so (stated, a 施行日期
 * that has come, or an 有效期至 still ahead); else 未标注. Nothing recorded is never read as 有效.
 */
export function validityStatus(record: ValidityRecord, today: string): DocumentStatus {
  if (record.repealed || record.status === '废止') return '废止';
  if ((record.valid_until && today > record.valid_until) || record.status === '失效') return '失效';
  if (record.amended || record.status === '已修改') return '已修改';
  if (record.effective && today < record.effective) return '尚未施行';
  if (record.status === '有效' || record.effective || record.valid_until) return '有效';
  return '未标注';
}

/** CSS modifier for a status badge. */
export function statusClass(status: DocumentStatus): string {
  return { 有效: 'valid', 尚未施行: 'pending', 已修改: 'amended', 失效: 'expired', 废止: 'repealed', 未标注: 'unrecorded' }[status];
}

/** Whether a document of this 栏目 and 文种 carries a validity at all (configured exceptions such as 人事任免 do not). */
export function carriesValidity(document: { section: string; type: string }, noValidity: readonly string[]): boolean {
  return !noValidity.includes(document.section) && !noValidity.includes(document.type);
}

/** Today's date as YYYY-MM-DD in China Standard Time (UTC+8), the zone the gazette's dates are written in. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
