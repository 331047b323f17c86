// Splits the text into documents at each heading: the title lines, then a line that is only a 发文字号, then an optional 登记号.
import type { GazetteConfig } from '../content/schema.ts';
import { formatDocNumber, issuerForCode, type DocNumber } from '../gazette/doc-number.ts';
import {
  attachmentLabelOf,
  CHINESE_DATE,
  contentsPageOf,
  CONTINUATION_START,
  docNumberOfLine,
  ENDS_WITH_GAZETTE_NAME,
  isOrganLine,
  isTableRow,
  markerOf,
  registrationOfLine,
  SPACES,
  type RawLine,
} from './line-patterns.ts';
import { nearestTextLine } from './line-search.ts';
import { normalizeTitle } from './normalize-text.ts';
import { compactTitle } from '../gazette/titles.ts';
import { ORGAN_AT_START } from '../gazette/conventions.ts';
import type { ContentsEntry } from './parse-contents.ts';
import { quote, type Notes } from './review-notes.ts';

export interface DocHeading {
  /** index of the first title line */
  start: number;
  titleLines: RawLine[];
  title: string;
  numberLine: RawLine;
  number: DocNumber;
  /** the configured 发文机关 of the 机关代字 and the code's slug (findNumberLines keeps only configured codes) */
  owner: { issuer: string; slug: string };
  registration?: { code: string; line: number };
  /** the organs printed on lines of their own above a 关于… title (a joint 版头 prints several) */
  banner: string[];
  /** the title's first line was a guess (nothing marked where it starts) */
  titleGuessed?: boolean;
  /** body: lines[bodyStart, bodyEnd) */
  bodyStart: number;
  bodyEnd: number;
}

/** How far from a 发文字号 line the lines that show whether it is a heading are looked for. */
const NEAR = 12;

/**
 * Indexes (≥ from) of the lines that start a document: a whole 发文字号 of a configured 机关代字, standing where a 版头
 * stands — after a title, organ, heading or date line (not after a sentence it would end), not followed by a page
 * number (a 目录 line). A line like that with a 机关代字 the config does not know stops the import (`notes`): its
 * document would otherwise run into the one before.
 */
export function findNumberLines(lines: RawLine[], from: number, removed: ReadonlyMap<number, unknown>, config: GazetteConfig, notes?: Notes): number[] {
  const found: number[] = [];
  for (let index = from; index < lines.length; index++) {
    if (removed.has(index)) continue;
    const number = docNumberOfLine(lines[index]!.text);
    if (!number) continue;
    const next = nearestTextLine(lines, index, 1, removed, NEAR);
    // `(26)` on the next line: the page of a 目录 entry.
    if (next && contentsPageOf(next.text) !== undefined) continue;
    const before = nearestTextLine(lines, index, -1, removed, NEAR);
    const heading = !before || (!/[。！？；，、：,;:!?]$/u.test(before.text.replace(SPACES, '')) && !(next && CONTINUATION_START.test(next.text)));
    if (!issuerForCode(config.issuers, number.code)) {
      if (notes && heading && !ENDS_WITH_GAZETTE_NAME.test(number.code)) {
        const codes = config.issuers.flatMap((issuer) => issuer.codes.map((code) => code.code));
        notes.error(lines[index]!.n, 'import-heading', `这一行是发文字号 ${formatDocNumber(number)}，上方像是标题，但机关代字「${number.code}」未在配置中登记（已登记：${codes.join('、')}）：请在配置的 issuers 中添加它（含 slug）后重新导入，否则这篇文件会并入上一篇`);
      }
      continue;
    }
    if (!heading) {
      notes?.warn(lines[index]!.n, 'import-heading', `这一行只有发文字号 ${formatDocNumber(number)}，但上一行没有结束（不是标题的位置）：作为正文保留，请核对`);
      continue;
    }
    found.push(index);
  }
  return found;
}

const TITLE_START = /^关于/u;

function startsLikeTitle(text: string, config: GazetteConfig, issuer: string): boolean {
  const compact = text.replace(SPACES, '');
  if (TITLE_START.test(compact)) return true;
  if (compact.startsWith(issuer)) return true;
  if (config.issuers.some((candidate) => compact.startsWith(candidate.name))) return true;
  return ORGAN_AT_START.test(compact);
}

/** A line that cannot be part of a title: the end of the previous document. */
function stopsTitle(text: string): boolean {
  const compact = text.replace(SPACES, '');
  return (
    /[。！？；：，、,;:!?…]$/u.test(compact) ||
    CHINESE_DATE.test(compact) ||
    !!docNumberOfLine(text) ||
    !!registrationOfLine(text) ||
    !!markerOf(compact) ||
    !!attachmentLabelOf(text) ||
    isTableRow(text) ||
    compact.length > 80
  );
}

/**
 * Split at every heading. The title is read upwards from the 发文字号 line: it is the run of lines whose text equals
 * the 目录 title, or else the shortest run that starts like a title (an issuer's name or 关于), with a lone organ line
 * above a 关于… line joined to it. `entries` maps a 发文字号 to its 目录 entry.
 */
export function splitDocuments(
  lines: RawLine[],
  numberLines: number[],
  removed: Map<number, unknown>,
  entries: Map<string, ContentsEntry>,
  config: GazetteConfig,
  notes: Notes,
): DocHeading[] {
  const headings: DocHeading[] = [];
  numberLines.forEach((at, position) => {
    const numberLine = lines[at]!;
    const number = docNumberOfLine(numberLine.text)!;
    const key = formatDocNumber(number);
    const entry = entries.get(key);
    // findNumberLines keeps only the lines whose 机关代字 is configured.
    const owner = issuerForCode(config.issuers, number.code)!;
    const floor = position > 0 ? numberLines[position - 1]! + 1 : 0;

    const above: number[] = [];
    for (let index = at - 1; index >= floor && above.length < 6; index--) {
      if (removed.has(index) || !lines[index]!.text) continue;
      if (stopsTitle(lines[index]!.text)) break;
      above.unshift(index);
    }
    const take = chooseTitle(above.map((index) => lines[index]!.text), entry?.title, config, owner.issuer);
    const chosen = above.slice(above.length - take.count);
    if (chosen.length === 0) {
      notes.warn(numberLine.n, 'import-heading', `发文字号 ${key} 上方没有找到标题${entry?.title ? '：标题取自目录' : ''}，请核对标题行（正文前应为“标题 + 发文字号”）`);
    } else if (take.how === 'guess') {
      notes.warn(lines[chosen[0]!]!.n, 'import-heading', `${key} 的标题起点不确定，取了 ${chosen.length} 行：${quote(normalizeTitle(chosen.map((index) => lines[index]!.text)))}，请核对`);
    }
    const titleLines = chosen.map((index) => lines[index]!);
    const title = titleLines.length > 0 ? jointTitle(titleLines.map((line) => line.text), config) : (entry?.title ?? '');
    if (titleLines.length > 1 || /\p{Script=Han}[ \u3000]+\p{Script=Han}/u.test(titleLines.map((line) => line.text).join(''))) {
      notes.info(titleLines[0]?.n ?? numberLine.n, 'import-heading', `标题各行已接合，并去掉了字间空格：${title}`);
    }
    if (numberLine.text.replace(SPACES, '') !== key) {
      notes.info(numberLine.n, 'import-heading', `发文字号 ${numberLine.text.replace(SPACES, '')} 按 GB/T 9704 写作 ${key}`);
    }

    let bodyStart = at + 1;
    let registration: DocHeading['registration'];
    for (let index = at + 1; index < lines.length; index++) {
      if (!lines[index]!.text || removed.has(index)) continue;
      const code = registrationOfLine(lines[index]!.text);
      if (code) {
        registration = { code, line: lines[index]!.n };
        bodyStart = index + 1;
      }
      break;
    }
    const banner = titleLines.slice(0, take.organs).map((line) => line.text.replace(SPACES, ''));
    if (banner.length > 1) notes.info(titleLines[0]!.n, 'import-heading', `联合行文：版头有 ${banner.length} 个发文机关（${banner.join('、')}）`);
    headings.push({ start: chosen[0] ?? at, titleLines, title, numberLine, number, owner, registration, banner, ...(take.how === 'guess' && chosen.length > 0 ? { titleGuessed: true } : {}), bodyStart, bodyEnd: lines.length });
  });
  headings.forEach((heading, index) => {
    const next = headings[index + 1];
    if (next) heading.bodyEnd = next.start;
  });
  return headings;
}

/** How many of the lines above (nearest last) form the title; a 关于… title takes the organ lines above it (联合行文: several). */
function chooseTitle(
  above: string[],
  contentsTitle: string | undefined,
  config: GazetteConfig,
  issuer: string,
): { count: number; how: 'contents' | 'heading' | 'guess'; organs: number } {
  const suffix = (count: number) => above.slice(above.length - count).join('');
  const withOrgans = (count: number, how: 'contents' | 'heading') => {
    // A 目录 title that names the organs (中共某某市委办公室 某某市人民政府办公室关于…) matches their lines too: they are the 版头.
    let inside = 0;
    while (inside < count - 1 && isOrganLine(above[above.length - count + inside]!, config)) inside++;
    if (!/^关于/.test(suffix(count - inside).replace(SPACES, ''))) return { count, how, organs: 0 };
    let organs = 0;
    while (inside + organs < 4 && count + organs < above.length && isOrganLine(above[above.length - count - organs - 1]!, config)) organs++;
    return { count: count + organs, how, organs: inside + organs };
  };
  if (contentsTitle) {
    const wanted = compactTitle(contentsTitle);
    for (let count = 1; count <= above.length; count++) {
      if (compactTitle(normalizeTitle([suffix(count)])) === wanted) return withOrgans(count, 'contents');
    }
  }
  for (let count = 1; count <= above.length; count++) {
    if (startsLikeTitle(suffix(count), config, issuer)) return withOrgans(count, 'heading');
  }
  return { count: Math.min(above.length, 1), how: 'guess', organs: 0 };
}

/**
 * A title from its printed lines. A joint document's title begins with its organs, one per line (中共临川市委办公室 /
 * 临川市人民政府办公室 / 关于…): they are kept apart by a space, as the title is printed on one line (联合行文).
 */
function jointTitle(lines: string[], config: GazetteConfig): string {
  let organs = 0;
  while (organs < lines.length - 1 && isOrganLine(lines[organs]!, config)) organs++;
  if (organs < 2) return normalizeTitle(lines);
  return `${lines.slice(0, organs).map((line) => line.replace(SPACES, '')).join(' ')}${normalizeTitle(lines.slice(organs))}`;
}
