// Character classes for Chinese text: which characters are "wide" (CJK ideographs, kana, full-width forms and punctuation).

/** Wide characters next to which a soft line break must vanish (CSS Text 3 segment-break transformation). */
export const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019\u00b7]/u;

export function isWide(char: string | undefined): boolean {
  return char !== undefined && WIDE.test(char);
}
