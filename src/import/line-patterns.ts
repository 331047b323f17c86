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
  chineseNumber,
  isoFromChineseDate,
  markerOf,
  type Marker,
  type MarkerStyle,
} from '../gazette/conventions.ts';

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

/** A printed page number standing alone: `12`, `- 12 -`, `— 12 —`, `·12·`. */
const PAGE_NUMBER = /^[-－—–·•\s]*(\d{1,3})[-－—–·•\s]*$/u;

export function pageNumberOfLine(text: string): number | undefined {
  const match = PAGE_NUMBER.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** A table row as extraction writes it: cells separated by tabs. */
export function isTableRow(text: string): boolean {
  return (text.match(/\t/g)?.length ?? 0) >= 1 && text.split('\t').filter((cell) => cell.trim()).length >= 2;
}

/** Count of Han characters. */
export function hanCount(text: string): number {
  return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}
