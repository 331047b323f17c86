// Splits the text into documents at each heading: the title lines, then a line that is only a 发文字号, then an optional 登记号.
import type { GazetteConfig } from '../content/schema.ts';
import { formatDocNumber, issuerForCode, type DocNumber } from '../gazette/doc-number.ts';
import {
  attachmentLabelOf,
  CHINESE_DATE,
  docNumberOfLine,
  isOrganLine,
  isTableRow,
  markerOf,
  pageNumberOfLine,
  registrationOfLine,
  SPACES,
  type RawLine,
} from './line-patterns.ts';
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
  registration?: { code: string; line: number };
  /** body: lines[bodyStart, bodyEnd) */
  bodyStart: number;
  bodyEnd: number;
}

/** Indexes (≥ from) of lines that are a whole 发文字号 and are followed by text, not by a page number (a 目录 line). */
export function findNumberLines(lines: RawLine[], from: number, removed: Map<number, unknown>): number[] {
  const found: number[] = [];
  for (let index = from; index < lines.length; index++) {
    if (removed.has(index) || !docNumberOfLine(lines[index]!.text)) continue;
    const next = lines.slice(index + 1).find((line, offset) => line.text && !removed.has(index + 1 + offset));
    if (next && pageNumberOfLine(next.text.replace(/^[(（]|[)）]$/g, '')) !== undefined) continue;
    found.push(index);
  }
  return found;
}

const TITLE_START = /^关于/u;

function startsLikeTitle(text: string, config: GazetteConfig, issuer: string | undefined): boolean {
  const compact = text.replace(SPACES, '');
  if (TITLE_START.test(compact)) return true;
  if (issuer && compact.startsWith(issuer)) return true;
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
    const issuer = issuerForCode(config.issuers, number.code)?.issuer;
    const floor = position > 0 ? numberLines[position - 1]! + 1 : 0;

    const above: number[] = [];
    for (let index = at - 1; index >= floor && above.length < 6; index--) {
      if (removed.has(index) || !lines[index]!.text) continue;
      if (stopsTitle(lines[index]!.text)) break;
      above.unshift(index);
    }
    const take = chooseTitle(above.map((index) => lines[index]!.text), entry?.title, config, issuer);
    const chosen = above.slice(above.length - take.count);
    if (chosen.length === 0) {
      notes.warn(numberLine.n, 'import-heading', `发文字号 ${key} 上方没有找到标题${entry?.title ? '：标题取自目录' : ''}，请核对标题行（正文前应为“标题 + 发文字号”）`);
    } else if (take.how === 'guess') {
      notes.warn(lines[chosen[0]!]!.n, 'import-heading', `${key} 的标题起点不确定，取了 ${chosen.length} 行：${quote(normalizeTitle(chosen.map((index) => lines[index]!.text)))}，请核对`);
    }
    const titleLines = chosen.map((index) => lines[index]!);
    const title = titleLines.length > 0 ? normalizeTitle(titleLines.map((line) => line.text)) : (entry?.title ?? '');
    if (titleLines.length > 1 || /\p{Script=Han}[ \u3000]+\p{Script=Han}/u.test(titleLines.map((line) => line.text).join(''))) {
      notes.info(titleLines[0]?.n ?? numberLine.n, 'import-heading', `标题各行已接合，并去掉了字间空格：${title}`);
    }
    if (!issuer) {
      notes.warn(numberLine.n, 'import-heading', `机关代字「${number.code}」未在配置中登记：请在配置的 issuers 中添加它（含 slug），否则无法生成文件名`);
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
    headings.push({ start: chosen[0] ?? at, titleLines, title, numberLine, number, registration, bodyStart, bodyEnd: lines.length });
  });
  headings.forEach((heading, index) => {
    const next = headings[index + 1];
    if (next) heading.bodyEnd = next.start;
  });
  return headings;
}

/** How many of the lines above (nearest last) form the title. */
function chooseTitle(
  above: string[],
  contentsTitle: string | undefined,
  config: GazetteConfig,
  issuer: string | undefined,
): { count: number; how: 'contents' | 'heading' | 'guess' } {
  const suffix = (count: number) => above.slice(above.length - count).join('');
  if (contentsTitle) {
    const wanted = compactTitle(contentsTitle);
    for (let count = 1; count <= above.length; count++) {
      if (compactTitle(normalizeTitle([suffix(count)])) === wanted) return { count, how: 'contents' };
    }
  }
  for (let count = 1; count <= above.length; count++) {
    if (!startsLikeTitle(suffix(count), config, issuer)) continue;
    const line = above[above.length - count - 1];
    const organAbove = line !== undefined && /^关于/.test(suffix(count).replace(SPACES, '')) && isOrganLine(line, config);
    return { count: organAbove ? count + 1 : count, how: 'heading' };
  }
  return { count: Math.min(above.length, 1), how: 'guess' };
}
