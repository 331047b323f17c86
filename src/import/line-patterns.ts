// Recognisers for single lines of extracted gazette text: numbering markers, dates, organs, 发文字号, 登记号, page numbers.
import type { GazetteConfig } from '../content/schema.ts';
import { DOC_NUMBER_YEAR_OPEN, parseLooseDocNumber, type DocNumber } from '../gazette/doc-number.ts';
import { looksLikeOrgan } from '../gazette/conventions.ts';
import { formatRegistrationCode, fromGroups, REGISTRATION_CODE_LOOSE_SOURCE } from '../gazette/registration-code.ts';

// The body conventions (numbering, dates, organs, 附件) live in gazette/conventions.ts, shared with the renderer.
export {
  ATTACHMENT_LIST,
  attachmentLabelOf,
  CHINESE_DATE,
  isoFromChineseDate,
  markerOf,
  type Marker,
  type MarkerStyle,
} from '../gazette/conventions.ts';

/** How a gazette's name ends: 永州政报, 某某市人民政府公报, …通讯, …刊. */
const GAZETTE_NAME_END = '(?:公报|政报|通讯|刊)';
/** A text that ends in a gazette's name (a running head or 目录 line `某某市人民政府公报 2020年第2号` is no 发文字号). */
export const ENDS_WITH_GAZETTE_NAME = new RegExp(`${GAZETTE_NAME_END}$`, 'u');
/** The gazette's name at the start of a text, printed run into what follows (`…公报某某市人民政府办公室主办`). */
export const LEADING_GAZETTE_NAME = new RegExp(`^[\\s\\S]*?${GAZETTE_NAME_END}(?=[\\s\\S])`, 'u');

/** One line of the raw text: its 1-based line number and its text, trimmed. */
export interface RawLine {
  n: number;
  text: string;
  /** the line as extracted, only spaces trimmed: tabs kept (empty table cells at either end) */
  raw: string;
}

/** Whitespace as extraction leaves it: ASCII, tab, no-break and ideographic spaces. */
export const SPACE = /[ \t\u00a0\u3000]/;
export const SPACES = /[ \t\u00a0\u3000]+/g;

/** Characters that end a sentence or a paragraph (full and half width). */
const TERMINAL = /[。！？；：…”’」』）》】)\]!?;:]$/u;

/** True when a line ends where a paragraph may end; false when it stops mid-sentence (…、 …， …的). */
export function endsSentence(text: string): boolean {
  return TERMINAL.test(text.trimEnd());
}

/** Closing brackets and quotes: a text ending in one ends a sentence only when the text inside did (`。”` but not `（区）`). */
const CLOSERS = /[”’」』）》】〕)\]]+$/u;
const SENTENCE_END = /[。！？；…!?;]$/u;

/**
 * True when a text ends a sentence for certain: with 。！？；… itself, or with closing brackets and quotes right after
 * one (`……。”`). `各县（区）`, `《条例》` and `“一件事一次办”` do not: the sentence goes on. A colon is not a sentence end here.
 */
export function endsSentenceStrictly(text: string): boolean {
  const trimmed = text.trimEnd();
  return SENTENCE_END.test(trimmed.replace(CLOSERS, ''));
}

/** Punctuation no paragraph can start with: a line starting with it continues the line before. */
export const CONTINUATION_START = /^[，。、；：！？）》」』”’,.;:!?)\]]/u;

/** A line with the extraction's spaces removed: `2019 年 12 月 30 日` → `2019年12月30日`, `市 政 府 文 件` → `市政府文件`. */
export function compact(text: string): string {
  return text.replace(SPACES, '');
}

/** A line that is only the name of an organ: a configured 发文机关, or a Han name ending like one (…人民政府, …局). */
export function isOrganLine(text: string, config: GazetteConfig): boolean {
  const compact = text.replace(SPACES, '');
  if (config.issuers.some((issuer) => issuer.name === compact)) return true;
  return looksLikeOrgan(compact);
}

/** A line that is a whole 发文字号 in any bracket variant (永政发〔2018〕1号, 永政发[2018]1号, 永政发2018年1号). */
export function docNumberOfLine(text: string): DocNumber | undefined {
  const compact = text.replace(SPACES, '');
  if (compact.length > 30 || !(compact.endsWith('号') || DOC_NUMBER_YEAR_OPEN.test(compact))) return undefined;
  const number = parseLooseDocNumber(compact);
  if (!number || hanCount(number.code) < 2 || number.serial < 1) return undefined;
  return number;
}

/** 登记号 printed on its own line, optionally labelled or bracketed: YZCR-2018-00001, 登记号：YZCR201800001. */
const REGISTRATION = new RegExp(`^(?:[（(]?\\s*(?:规范性文件)?登记号\\s*[:：]?\\s*)?[（(]?\\s*${REGISTRATION_CODE_LOOSE_SOURCE}\\s*[）)]?$`, 'u');

/** The 登记号 on a line, normalised to PREFIX-YYYY-NNNNN. */
export function registrationOfLine(text: string): string | undefined {
  const code = fromGroups(REGISTRATION.exec(text.trim()));
  return code ? formatRegistrationCode(code) : undefined;
}

/** A printed page number standing alone: `12`, `- 12 -`, `— 12 —`, `·12·`, `－12－`, `第12页` (four digits only decorated). */
const PAGE_NUMBER = /^[-－—–·•・\s]*(\d{1,4})[-－—–·•・\s]*$/u;
const PAGE_WORD = /^第\s*(\d{1,4})\s*页(?:\s*[/／，,]?\s*共\s*\d+\s*页)?$/u;
/** A page mark at either end of a line, beside a running head: `·4·　某某市人民政府公报`, `某某政报　2020年第2号　－5－`. */
const MARK_SOURCE = '(?:[-－—–·•・]\\s*\\d{1,4}\\s*[-－—–·•・]|第\\s*\\d{1,4}\\s*页|\\d{1,3}(?=[ \\t\\u3000])|(?<=[ \\t\\u3000])\\d{1,3})';
const MARK_FIRST = new RegExp(`^(${MARK_SOURCE})[ \\t\\u3000]*(\\S.*)$`, 'u');
const MARK_LAST = new RegExp(`^(.*\\S)[ \\t\\u3000]*(${MARK_SOURCE})$`, 'u');

export interface PageMark {
  page: number;
  /** printed with dashes, dots or 第…页 (a bare number may be a table cell) */
  decorated: boolean;
  /** the rest of the line when the mark stands beside a running head */
  rest?: string;
}

/** The page mark of a line: the whole line (`·3·`, `第3页`, `3`), or a mark at either end beside other words. */
export function pageMarkOf(text: string): PageMark | undefined {
  const trimmed = text.trim();
  const whole = PAGE_NUMBER.exec(trimmed) ?? PAGE_WORD.exec(trimmed);
  const decorated = /[^\d\s]/u.test(trimmed);
  // A bare number of four digits is a year, not a page.
  if (whole && (decorated || whole[1]!.length <= 3)) return { page: Number(whole[1]), decorated };
  for (const [pattern, markAt, restAt] of [[MARK_FIRST, 1, 2], [MARK_LAST, 2, 1]] as const) {
    const match = pattern.exec(trimmed);
    if (!match) continue;
    const mark = match[markAt]!;
    const page = /\d+/.exec(mark);
    if (page) return { page: Number(page[0]), decorated: /[^\d\s]/u.test(mark), rest: match[restAt]!.trim() };
  }
  return undefined;
}

/**
 * The page of a 目录 entry printed on a line of its own: a bare number, or one in brackets (`26`, `(26)`, `（ 26 ）`).
 * A page mark of the body is decorated (`－2－`, `第2页`), so it is not one.
 */
export function contentsPageOf(text: string): number | undefined {
  const mark = pageMarkOf(text.replace(/^\s*[(（]|[)）]\s*$/g, ''));
  return mark && !mark.decorated && mark.rest === undefined ? mark.page : undefined;
}

/** A table row as extraction writes it: cells separated by tabs. */
export function isTableRow(text: string): boolean {
  return (text.match(/\t/g)?.length ?? 0) >= 1 && text.split('\t').filter((cell) => cell.trim()).length >= 2;
}

/** Count of Han characters. */
export function hanCount(text: string): number {
  return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}
