// The issue address: year + number within the year, as key (2018-02), folder (2018/02), URL, and label (2018年第2期/号).
import { chineseNumber } from './conventions.ts';

/** How a gazette numbers its issues: 第2期 (most 政报) or 第2号 (国务院公报 and many 人民政府公报). */
export const ISSUE_UNITS = ['期', '号'] as const;
export type IssueUnit = (typeof ISSUE_UNITS)[number];

export interface IssueAddress {
  year: number;
  /** number within the year (期号) */
  number: number;
}

/** An issue folder's name within its year folder: two digits, `02`. */
export const ISSUE_FOLDER_NUMBER = /^\d{2}$/;
/** A year folder's name: `2018`. */
export const YEAR_FOLDER = /^\d{4}$/;

function twoDigits(number: number): string {
  return String(number).padStart(2, '0');
}

/** `2018-02`: the issue's key in data (open data `issue`, JSON paths) — sorts in publication order. */
export function issueKey(address: IssueAddress): string {
  return `${address.year}-${twoDigits(address.number)}`;
}

/** `2018/02`: the issue's folder under the content root (and in the download zip). */
export function issueFolder(address: IssueAddress): string {
  return `${address.year}/${twoDigits(address.number)}`;
}

/** `/2018/02/`: the issue's page. */
export function issueUrl(address: IssueAddress): string {
  return `/${issueFolder(address)}/`;
}

/** `/2018/02/issue-2018-02.pdf`: the issue's PDF (`npm run build -- --pdf`), in its folder. */
export function issuePdfUrl(address: IssueAddress): string {
  return `${issueUrl(address)}issue-${issueKey(address)}.pdf`;
}

/** `/2018/02/yzf-2018-3/`: a document's page in its issue. */
export function documentUrl(address: IssueAddress, slug: string): string {
  return `${issueUrl(address)}${slug}/`;
}

/** The address of a key (`2018-02`), or undefined. */
export function parseIssueKey(key: string): IssueAddress | undefined {
  const match = /^(\d{4})-(\d{1,2})$/.exec(key);
  return match ? { year: Number(match[1]), number: Number(match[2]) } : undefined;
}

/** The address of a path ending in an issue folder (`…/2018/02`, either separator), or undefined. */
export function parseIssueFolder(folder: string): IssueAddress | undefined {
  const match = /(?:^|[\\/])(\d{4})[\\/](\d{2})[\\/]?$/.exec(folder);
  return match ? { year: Number(match[1]), number: Number(match[2]) } : undefined;
}

/** What the number of an issue within its year is called: 期号 (第2期), 号数 (第2号). */
export function issueNumberName(unit: IssueUnit): string {
  return unit === '期' ? '期号' : '号数';
}

/** What the number since the first issue is called: 总期号 (总第103期), 总号数 (总第55号). */
export function totalNumberName(unit: IssueUnit): string {
  return `总${issueNumberName(unit)}`;
}

/** `2018年第2期` or `2018年第2号`. */
export function issueLabel(address: IssueAddress, unit: IssueUnit): string {
  return `${address.year}年第${address.number}${unit}`;
}

/** `总第103期` or `总第55号` (`总第N期` for the form). */
export function totalLabel(total: number | 'N', unit: IssueUnit): string {
  return `总第${total}${unit}`;
}

/** One label printed on a cover or a running head: `2020年第2号` (year optional) or `总第55号`, and where it stands. */
export interface PrintedLabel {
  unit: IssueUnit;
  /** 期号/号数, or 总期号/总号数 */
  value: number;
  /** the year printed before 第N期, when there is one */
  year?: number;
  /** position and length of the label in the text */
  index: number;
  length: number;
}

/** The labels in a text: the issue's number within its year and its total number, each in either unit, in either order. */
export interface PrintedLabels {
  issue?: PrintedLabel;
  total?: PrintedLabel;
}

const TOTAL_LABEL = /总\s*第\s*(\d{1,5})\s*([期号])/u;
const ISSUE_LABEL = /(?:(\d{4})\s*年\s*)?(?<!总\s*)第\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*([期号])/u;

/**
 * Read the issue labels of a printed text (a cover line, a running head): `2020年第2号（总第55号）`,
 * `总第103期 2018年第2期`, `第2期`. Each unit is read whatever the gazette is configured with; the caller compares.
 */
export function parsePrintedLabels(text: string): PrintedLabels {
  const labels: PrintedLabels = {};
  const total = TOTAL_LABEL.exec(text);
  if (total) labels.total = { unit: total[2] as IssueUnit, value: Number(total[1]), index: total.index, length: total[0].length };
  // The issue label is looked for outside the total label, so 总第55号 is never read as 第55号.
  const rest = total ? text.slice(0, total.index) + ' '.repeat(total[0].length) + text.slice(total.index + total[0].length) : text;
  const issue = ISSUE_LABEL.exec(rest);
  const value = issue ? chineseNumber(issue[2]!) : undefined;
  if (issue && value !== undefined && value > 0) {
    labels.issue = { unit: issue[3] as IssueUnit, value, index: issue.index, length: issue[0].length, ...(issue[1] ? { year: Number(issue[1]) } : {}) };
  }
  return labels;
}
