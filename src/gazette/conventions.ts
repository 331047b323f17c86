// The body conventions of GB/T 9704-2012 as patterns — 主送机关, 落款 (organ, 成文日期), 附件说明, 附件标注, numbering markers — shared by the renderer and the importer.

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

// ---------------------------------------------------------------- numbering (§7.3.3: 一、 （一） 1. （1）)

export type MarkerStyle = 'cn-dun' | 'cn-paren' | 'arabic-dun' | 'arabic-dot' | 'arabic-paren' | 'circled' | 'article';

export interface Marker {
  style: MarkerStyle;
  value: number;
  /** the marker as printed, e.g. `（一）` or `19、` */
  text: string;
}

/** 第一条, 第二章, 第三节 at the start of a line: groups are the number and the kind (条, 章 or 节). */
export const ARTICLE_NUMBER = /^第([一二三四五六七八九十百零〇\d]+)([条章节])/u;

const MARKERS: [MarkerStyle, RegExp][] = [
  ['cn-dun', /^([一二三四五六七八九十百]+)、/u],
  ['cn-paren', /^[（(]\s*([一二三四五六七八九十百]+)\s*[）)]/u],
  ['arabic-dun', /^(\d{1,3})\s*、/u],
  ['arabic-dot', /^(\d{1,3})\s*[.．](?!\d)/u],
  ['arabic-paren', /^[（(]\s*(\d{1,3})\s*[）)]/u],
  ['article', ARTICLE_NUMBER],
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

/** The heading level GB/T 9704 gives a numbering style: 一、 is 1, （一） is 2, 1. is 3 (others are not headings). */
export function headingLevelOf(text: string): 1 | 2 | 3 | undefined {
  const style = markerOf(text)?.style;
  return style === 'cn-dun' ? 1 : style === 'cn-paren' ? 2 : style === 'arabic-dot' ? 3 : undefined;
}

// ---------------------------------------------------------------- 主送机关 (§7.3.2)

/** 主送机关: one line ending in a colon, without a sentence end (各县区人民政府，市直各单位：). */
export const ADDRESSEE = /^[^。！？!?]{2,200}[：:]$/u;

// ---------------------------------------------------------------- 落款 (§7.3.5): organ names and 成文日期

/** A date as printed, unanchored (for finding one in a line): groups are year, month and day. */
export const CHINESE_DATE_SOURCE = '(\\d{4}|[〇零一二三四五六七八九]{4})\\s*年\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*日';
/** 成文日期 as printed: 2018年2月6日, also with spaces or Chinese numerals (二〇一八年二月六日). */
export const CHINESE_DATE = new RegExp(`^${CHINESE_DATE_SOURCE}$`, 'u');

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

/** What an organ's name (发文机关署名) is written with: Han characters, brackets and ·, 2 to 40 of them. */
export const ORGAN_NAME = /^[\p{Script=Han}（）()·]{2,40}$/u;
/** The words an organ's name ends with: …人民政府, …办公室, …局, …委员会. */
const ORGAN_ENDINGS = '(?:人民政府|政府|办公室|办公厅|委员会|常委会|局|厅|委|办|院|部|中心|署|会|社|公司|集团|支行|分行|银行|法院|检察院)';
/** How an organ's name ends. */
const ORGAN_SUFFIX = new RegExp(`${ORGAN_ENDINGS}$`, 'u');
/** A text that starts with an organ's name (2 to 24 characters up to its ending): a title such as 某市人民政府关于…. */
export const ORGAN_AT_START = new RegExp(`^\\p{Script=Han}{2,24}?${ORGAN_ENDINGS}`, 'u');

/** A line that looks like an organ's name on its own, without a list of organs to compare it with (…人民政府, …局). */
export function looksLikeOrgan(text: string): boolean {
  return ORGAN_NAME.test(text) && ORGAN_SUFFIX.test(text);
}

// ---------------------------------------------------------------- 附件说明 and 附件标注 (§7.3.4, §7.5)

/** 附件说明: 附件：1.… or 附：… (a label followed by text on the same line). */
export const ATTACHMENT_LIST = /^附\s*(?:件)?\s*[:：]\s*\S/u;

/** 附件标注 standing alone above an attachment's title: 附件、附件：、附件1：、附件 2 : */
export const ATTACHMENT_LABEL = /^附\s*件\s*(\d{0,3})\s*[:：]?$/u;

/** The 附件标注 of a line, normalised (附件1：), if the line is one. */
export function attachmentLabelOf(text: string): string | undefined {
  const match = ATTACHMENT_LABEL.exec(text.trim());
  return match ? `附件${match[1] ?? ''}：` : undefined;
}
