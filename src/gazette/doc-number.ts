// 发文字号 (GB/T 9704-2012 §7.2.5): parse any written form, format the standard one, key, slug and issuer lookup.

export interface DocNumber {
  /** 机关代字, e.g. 永政发 */
  code: string;
  year: number;
  /** 发文顺序号, without leading zeros */
  serial: number;
}

/** The one bracket set: what people (and OCR, and mojibake) put around the year instead of 六角括号 〔〕. */
const OPEN = '〔［[（(〈<【„';
const CLOSE = '〕］]）)〉>】‟"”';

/** The year and serial of a 发文字号 anywhere in a line (any bracket variant, or 2018年), without its 机关代字. */
export const DOC_NUMBER_TAIL = new RegExp(`(?:[${escape(OPEN)}]\\s*(\\d{4})\\s*[${escape(CLOSE)}]|(\\d{4})\\s*年)\\s*第?\\s*(\\d{1,5})\\s*号`, 'u');
/** An opening bracket of the year followed by the year: how a 发文字号 starts after its 机关代字. */
export const DOC_NUMBER_YEAR_OPEN = new RegExp(`[${escape(OPEN)}]\\d{4}`, 'u');
/** 发文字号 as written in running text, with any bracket variant: groups are 机关代字, year, serial (with an optional 第). */
export const DOC_NUMBER_IN_TEXT = new RegExp(
  `([\\p{Script=Han}]{1,12}?)\\s*[${escape(OPEN)}]\\s*((?:19|20)\\d{2})\\s*[${escape(CLOSE)}]\\s*(第?\\s*\\d{1,5})\\s*号`,
  'gu',
);

/**
 * The 机关代字 at the end of a run of Chinese characters (DOC_NUMBER_IN_TEXT's first group, which running text gives no
 * start): a known code if one ends the run, else at most 4 characters without the words that lead into a citation.
 */
export function issuerCode(run: string, codes: readonly string[]): string {
  const known = codes.filter((code) => run.endsWith(code)).sort((a, b) => b.length - a.length)[0];
  if (known) return known;
  return run.slice(-4).replace(/^[对和及与按据照见经由将在以]+/u, '');
}

const STANDARD = /^(?<code>[\p{Script=Han}A-Za-z]+)〔(?<year>\d{4})〕(?<serial>[1-9]\d*)号$/u;
const LOOSE = new RegExp(
  `^(?<code>[\\p{Script=Han}A-Za-z]+?)\\s*(?:[${escape(OPEN)}]\\s*(?<year1>\\d{4})\\s*[${escape(CLOSE)}]|(?<year2>\\d{4})\\s*年?)\\s*第?\\s*(?<serial>\\d+)\\s*号?$`,
  'u',
);

function escape(chars: string): string {
  return chars.replace(/[\]\\^-]/g, '\\$&');
}

const YEAR_IN_BRACKETS = new RegExp(`[${escape(OPEN)}](\\s*\\d{4}\\s*)[${escape(CLOSE)}]`, 'u');

/**
 * Every 发文字号 cited in running text with its year in the standard 六角括号: 人社部发[2014]97号 → 人社部发〔2014〕97号
 * (OCR and extraction read 〔〕 as [] or mojibake). Nothing else in the text changes.
 */
export function standardizeCitedBrackets(text: string): string {
  return text.replace(DOC_NUMBER_IN_TEXT, (match) => match.replace(YEAR_IN_BRACKETS, (_brackets, year: string) => `〔${year.trim()}〕`));
}

/** Parse a 发文字号 in its standard form only. */
export function parseDocNumber(value: string): DocNumber | undefined {
  const match = STANDARD.exec(value.trim());
  if (!match?.groups) return undefined;
  return { code: match.groups.code!, year: Number(match.groups.year), serial: Number(match.groups.serial) };
}

/** Parse a 发文字号 written in any common variant: [2018] ［2018］ (2018) 〈2018〉 „2018‟ 【2018】 2018年, full or half width, with or without 号. */
export function parseLooseDocNumber(value: string): DocNumber | undefined {
  const normalized = toHalfWidthDigits(value.trim());
  const match = LOOSE.exec(normalized);
  if (!match?.groups) return undefined;
  const year = match.groups.year1 ?? match.groups.year2;
  return { code: match.groups.code!, year: Number(year), serial: Number(match.groups.serial) };
}

/** The standard written form: 永政发〔2018〕3号. */
export function formatDocNumber(number: DocNumber): string {
  return `${formatDocNumberSeries(number)}${number.serial}号`;
}

/** A series of 发文字号, one 机关代字 and year, as the numbers of it begin: 永政发〔2018〕. */
export function formatDocNumberSeries(number: Pick<DocNumber, 'code' | 'year'>): string {
  return `${number.code}〔${number.year}〕`;
}

/** Canonical key of a 发文字号 in any written form (`永政发〔2018〕3号`), or undefined. */
export function docNumberKey(text: string): string | undefined {
  const number = parseLooseDocNumber(text);
  return number ? formatDocNumber(number) : undefined;
}

/** Full-width digits (０-９) as ASCII digits. */
export function toHalfWidthDigits(value: string): string {
  return value.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/** The shape of every documentSlug: a 机关代字's slug (lower-case words joined by `-`), the year and the serial. */
export const DOCUMENT_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*-\d{4}-\d+$/;

/** A document's file name (without .md) from its 发文字号: 永政发〔2018〕3号 → yzf-2018-3 (the code's slug from the config). */
export function documentSlug(codeSlug: string, number: Pick<DocNumber, 'year' | 'serial'>): string {
  return `${codeSlug}-${number.year}-${number.serial}`;
}

/** The configured 发文机关 and 机关代字, as the lookup needs them. */
export interface IssuerCodes {
  name: string;
  codes: readonly { code: string; slug: string }[];
}

/** The issuer that owns a 机关代字, and the code's slug. */
export function issuerForCode(issuers: readonly IssuerCodes[], code: string): { issuer: string; slug: string } | undefined {
  for (const issuer of issuers) {
    const match = issuer.codes.find((candidate) => candidate.code === code);
    if (match) return { issuer: issuer.name, slug: match.slug };
  }
  return undefined;
}
