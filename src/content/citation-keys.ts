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

/** A title as written in different places (目录, heading, running text) made comparable: NFKC, no spaces, 〈〉 as 《》. */
export function compactTitle(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[〈〉]/g, (bracket) => (bracket === '〈' ? '《' : '》'));
}

/** A title without its trailing （试行）/（暂行）-style note, in full- or half-width parentheses. */
export function withoutTitleNote(title: string): string {
  return title.replace(/[（(](?:试行|暂行|修订|修订稿|征求意见稿)[）)]$/u, '');
}

/** Canonical key of a title for citations: compact, and the （试行）-style note optional. */
export function titleKey(title: string): string {
  return withoutTitleNote(compactTitle(title));
}
