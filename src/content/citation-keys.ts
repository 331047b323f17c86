// Keys for matching citations: a 发文字号 in any bracket variant, and a 《title》 with its 试行/暂行 parenthetical optional.
import { formatDocNumber, parseLooseDocNumber } from './doc-number.ts';

/** 发文字号 as written in running text, with any of the bracket variants 〔〕 [] ［］ () （） „‟ 〈〉. */
export const DOC_NUMBER_IN_TEXT =
  /([\p{Script=Han}]{1,12}?)\s*[〔［[（(〈„]\s*((?:19|20)\d{2})\s*[〕］\]）)〉‟"”]\s*(第?\s*\d{1,5})\s*号/gu;

/** Canonical key of a 发文字号 (`永政发〔2018〕3号`), or undefined. */
export function docNumberKey(text: string): string | undefined {
  const number = parseLooseDocNumber(text);
  return number ? formatDocNumber(number) : undefined;
}

/** Canonical key of a title: no spaces, 〈〉 as 《》, full-width parentheses, and without a trailing （试行）/（暂行）-style note. */
export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[〈〉]/g, (bracket) => (bracket === '〈' ? '《' : '》'))
    .replace(/\((试行|暂行|修订|修订稿|征求意见稿)\)$/u, '');
}
