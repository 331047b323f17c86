// Recognisers for single lines of extracted gazette text: numbering markers, dates, organs, 发文字号, 登记号, page numbers.
import type { GazetteConfig } from '../content/schema.ts';
import { DOC_NUMBER_YEAR_OPEN, parseLooseDocNumber, type DocNumber } from '../gazette/doc-number.ts';

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

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105; arabic digits pass through. */
export function chineseNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[〇零一二三四五六七八九十百]+$/.test(text)) return undefined;
  let total = 0;
  let digit = 0;
  for (const char of text) {
    if (char === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (char === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = CN_DIGIT[char] ?? 0;
  }
  return total + digit;
}

export type MarkerStyle = 'cn-dun' | 'cn-paren' | 'arabic-dun' | 'arabic-dot' | 'arabic-paren' | 'circled' | 'article';

export interface Marker {
  style: MarkerStyle;
  value: number;
  /** the marker as printed, e.g. `（一）` or `19、` */
  text: string;
}

const MARKERS: [MarkerStyle, RegExp][] = [
  ['cn-dun', /^([一二三四五六七八九十百]+)、/u],
  ['cn-paren', /^[（(]\s*([一二三四五六七八九十百]+)\s*[）)]/u],
  ['arabic-dun', /^(\d{1,3})\s*、/u],
  ['arabic-dot', /^(\d{1,3})\s*[.．](?!\d)/u],
  ['arabic-paren', /^[（(]\s*(\d{1,3})\s*[）)]/u],
  ['article', /^第([一二三四五六七八九十百零〇\d]+)[条章节]/u],
];
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** The numbering marker a line starts with (一、 （一） 1. 1、 (1) ① 第一条), if any. */
export function markerOf(text: string): Marker | undefined {
  for (const [style, pattern] of MARKERS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const value = chineseNumber(match[1]!);
    if (value !== undefined) return { style, value, text: match[0] };
  }
  const circled = CIRCLED.indexOf(text[0] ?? '');
  if (circled >= 0) return { style: 'circled', value: circled + 1, text: text[0]! };
  return undefined;
}

/** Characters that end a sentence or a paragraph (full and half width). */
const TERMINAL = /[。！？；：…”’」』）》】)\]!?;:]$/u;

/** True when a line ends where a paragraph may end; false when it stops mid-sentence (…、 …， …的). */
export function endsSentence(text: string): boolean {
  return TERMINAL.test(text.trimEnd());
}

/** Punctuation no paragraph can start with: a line starting with it continues the line before. */
export const CONTINUATION_START = /^[，。、；：！？）》」』”’,.;:!?)\]]/u;

/** 2018年2月6日 (also with spaces or Chinese numerals). */
export const CHINESE_DATE = /^(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$/u;

/** `2018年2月6日` → `2018-02-06`, or undefined when the text is not a real date. */
export function isoFromChineseDate(text: string): string | undefined {
  const match = CHINESE_DATE.exec(text.trim());
  if (!match) return undefined;
  const year = /^\d+$/.test(match[1]!) ? Number(match[1]) : Number([...match[1]!].map((char) => CN_DIGIT[char] ?? 0).join(''));
  const month = chineseNumber(match[2]!);
  const day = chineseNumber(match[3]!);
  if (!month || !day) return undefined;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return date.getUTCMonth() + 1 === month && date.getUTCDate() === day ? iso : undefined;
}

/** A line with the extraction's spaces removed: `2019 年 12 月 30 日` → `2019年12月30日`, `市 政 府 文 件` → `市政府文件`. */
export function compact(text: string): string {
  return text.replace(SPACES, '');
}

const ORGAN = /^[\p{Script=Han}（）()·]{3,40}$/u;
const ORGAN_SUFFIX = /(?:人民政府|政府|办公室|办公厅|委员会|常委会|局|厅|委|办|院|部|中心|署|会|社|公司|集团|支行|分行|银行|法院|检察院)$/u;

/** A line that is only the name of an organ: a configured 发文机关, or a Han name ending like one (…人民政府, …局). */
export function isOrganLine(text: string, config: GazetteConfig): boolean {
  const compact = text.replace(SPACES, '');
  if (config.issuers.some((issuer) => issuer.name === compact)) return true;
  return ORGAN.test(compact) && ORGAN_SUFFIX.test(compact);
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
const REGISTRATION = /^(?:[（(]?\s*(?:规范性文件)?登记号\s*[:：]?\s*)?[（(]?\s*([A-Za-z]{2,10})\s*[-－—–]?\s*(\d{4})\s*[-－—–]?\s*(\d{5})\s*[）)]?$/u;

/** The 登记号 on a line, normalised to PREFIX-YYYY-NNNNN. */
export function registrationOfLine(text: string): string | undefined {
  const match = REGISTRATION.exec(text.trim());
  return match ? `${match[1]!.toUpperCase()}-${match[2]}-${match[3]}` : undefined;
}

/** A registration code anywhere in a text (目录 entries print it next to the 发文字号). */
export const REGISTRATION_IN_TEXT = /([A-Z]{2,10})-?(\d{4})-?(\d{5})/;

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

/** 附件标注 standing alone above an attachment's title: 附件、附件：、附件1：、附件 2 : */
const ATTACHMENT_LABEL = /^附\s*件\s*(\d{0,3})\s*[:：]?$/u;

export function attachmentLabelOf(text: string): string | undefined {
  const match = ATTACHMENT_LABEL.exec(text.trim());
  return match ? `附件${match[1] ?? ''}：` : undefined;
}

/** 附件说明: 附件：1.… or 附：… (a label followed by text on the same line). */
export const ATTACHMENT_LIST = /^附\s*(?:件)?\s*[:：]\s*\S/u;

/** Count of Han characters. */
export function hanCount(text: string): number {
  return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}
