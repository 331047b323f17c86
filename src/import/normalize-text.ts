// Chinese typography for extracted text: full-width punctuation, no stray spaces next to Han, name-list separators.
import { isWide } from '../markdown/cjk.ts';
import { standardizeCitedBrackets } from '../gazette/doc-number.ts';

const HAN = /\p{Script=Han}/u;

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /[ \t\u00a0\u3000]/.test(char);
}

/** Wide, but not the ideographic space (which is whitespace to remove, not a neighbour to keep). */
function wideNeighbour(char: string | undefined): boolean {
  return char !== undefined && char !== '\u3000' && isWide(char);
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && /[0-9]/.test(char);
}

/**
 * Half-width punctuation in Chinese text becomes full-width: `,` `:` `;` `?` `!` `(` `)` → `，` `：` `；` `？` `！` `（` `）`.
 * Digits keep their separators (`1,000`, `10:30`), URLs keep `://`, and square brackets are left as printed
 * (cited 发文字号 such as 人社部发[2014]97号 keep the printed brackets). Text without Han is returned unchanged.
 */
export function fullWidthPunctuation(text: string): string {
  if (!HAN.test(text)) return text;
  let out = '';
  const chars = [...text];
  chars.forEach((char, index) => {
    const before = chars[index - 1];
    const after = chars[index + 1];
    switch (char) {
      case ',':
        out += isDigit(before) && isDigit(after) ? ',' : '，';
        break;
      case ':':
        out += (isDigit(before) && isDigit(after)) || after === '/' ? ':' : '：';
        break;
      case ';':
        out += '；';
        break;
      case '?':
        out += '？';
        break;
      case '!':
        out += '！';
        break;
      case '(':
        out += '（';
        break;
      case ')':
        out += '）';
        break;
      default:
        out += char;
    }
  });
  return out;
}

/** Whitespace next to a Han character or full-width punctuation is extraction debris: `2017 年度` → `2017年度`, `A 级` → `A级`. */
export function removeCjkSpaces(text: string): string {
  const chars = [...text];
  let out = '';
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index]!;
    if (!isSpace(char)) {
      out += char;
      continue;
    }
    let end = index;
    while (isSpace(chars[end + 1])) end++;
    const before = out.at(-1);
    const after = chars[end + 1];
    if (before !== undefined && after !== undefined && !wideNeighbour(before) && !wideNeighbour(after)) out += ' ';
    index = end;
  }
  return out;
}

/**
 * Full-width punctuation, then no spaces next to Han, and cited 发文字号 with 〔〕 around the year: the typography of one
 * printed paragraph.
 */
export function normalizeChinese(text: string): string {
  return standardizeCitedBrackets(removeCjkSpaces(fullWidthPunctuation(text.trim())));
}

/** Join the lines of one broken paragraph or title: no space between Han, one space between two Latin words. */
export function joinLines(parts: string[]): string {
  let out = '';
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    const before = out.at(-1);
    const after = part[0];
    out += before !== undefined && /[A-Za-z]/.test(before) && /[A-Za-z]/.test(after ?? '') ? ` ${part}` : part;
  }
  return out;
}

/** A title or heading: its lines joined, then Chinese typography (`提升执行力 十条规定(试行)` → `提升执行力十条规定（试行）`). */
export function normalizeTitle(parts: string[]): string {
  return normalizeChinese(joinLines(parts));
}

/**
 * A name-list line: the name (two-character names are padded with a space in print: `邓 磊`) and what follows it,
 * or undefined when the line is not one. `刘汉成 邵东县廉桥镇…` → { name: 刘汉成, rest: 邵东县廉桥镇… }.
 */
export function nameLineOf(text: string): { name: string; rest: string } | undefined {
  const match = /^(?:(\p{Script=Han})[ \u3000](\p{Script=Han})|(\p{Script=Han}{2,4}))[ \t\u00a0\u3000]+(\p{Script=Han}.*)$/u.exec(text.trim());
  if (!match) return undefined;
  const rest = match[4]!.trim();
  if (rest.length < 2 || /[：:]$/.test(rest) || /[。；]/.test(rest) || rest.length > 40) return undefined;
  const name = match[3] ?? `${match[1]}${match[2]}`;
  return { name, rest };
}

/** The printed form of a name-list line: the name, an ideographic space, the rest (its own columns likewise separated). */
export function formatNameLine(name: string, rest: string): string {
  const columns = rest.split(/[ \t\u00a0\u3000]+/).map(normalizeChinese).filter(Boolean);
  return [name, ...columns].join('\u3000');
}

/** Names separated by spaces, with single-character halves of padded two-character names put back together (`唐 辉` → 唐辉). */
export function splitNames(text: string): { names: string[]; merged: boolean; odd: boolean } {
  const tokens = text.split(/[ \t\u00a0\u3000、，,]+/).filter(Boolean);
  const names: string[] = [];
  let merged = false;
  let odd = false;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const next = tokens[index + 1];
    if ([...token].length === 1 && next !== undefined && [...next].length === 1) {
      names.push(token + next);
      merged = true;
      index++;
    } else {
      if ([...token].length === 1) odd = true;
      names.push(token);
    }
  }
  return { names, merged, odd };
}
