// Reads the 目录: 栏目 in order, and per entry its title, 发文字号 (any bracket variant), 登记号 and print page when printed.
import type { GazetteConfig } from '../content/schema.ts';
import { DOC_NUMBER_TAIL, formatDocNumber, toHalfWidthDigits, type DocNumber } from '../gazette/doc-number.ts';
import { contentsPageOf, ENDS_WITH_GAZETTE_NAME, SPACES, type RawLine } from './line-patterns.ts';
import { formatRegistrationCode, fromGroups, REGISTRATION_CODE_IN_TEXT } from '../gazette/registration-code.ts';
import { joinLines, normalizeTitle } from './normalize-text.ts';
import { compactTitle, typeOfTitle, withoutTitleNote } from '../gazette/titles.ts';
import { parsePrintedLabels } from '../gazette/issue-address.ts';
import type { Notes } from './review-notes.ts';

export interface ContentsEntry {
  /** line of the 发文字号 */
  line: number;
  section?: string;
  title: string;
  /** the 发文字号, when the 目录 prints one (a title-only 目录 does not) */
  number?: DocNumber;
  /** the 发文字号 as printed in the 目录 */
  printed?: string;
  registration?: string;
  page?: number;
}

export interface Contents {
  /** line of the 目录 heading, when there is one */
  line?: number;
  sections: { name: string; line: number }[];
  entries: ContentsEntry[];
  /** index (in the lines given) of the last line that belongs to an entry */
  lastIndex: number;
}

const SECTION = /^[【［\[〖]\s*([^】］\]〗]+?)\s*[】］\]〗]$/u;

/** Find the 目录 heading (`目 录`, `目录`) in the lines; -1 when the issue prints none. */
export function findContentsHeading(lines: RawLine[]): number {
  return lines.findIndex((line) => line.text.replace(SPACES, '') === '目录');
}

interface Found {
  number: DocNumber;
  printed: string;
  before: string;
  after: string;
  uncertainCode: boolean;
}

/** A 发文字号 inside a line of the 目录, with the text before and after it. */
export function findNumberInLine(text: string, config: GazetteConfig): Found | undefined {
  const normalized = toHalfWidthDigits(text);
  // The 机关代字 is read from the Han text just before the year and serial.
  const tail = DOC_NUMBER_TAIL.exec(normalized);
  if (!tail) return undefined;
  const han = /[\p{Script=Han}A-Za-z]+$/u.exec(normalized.slice(0, tail.index).trimEnd());
  if (!han) return undefined;
  const run = han[0];
  const codes = config.issuers.flatMap((issuer) => issuer.codes.map((code) => code.code)).sort((a, b) => b.length - a.length);
  let code = codes.find((candidate) => run.endsWith(candidate));
  let uncertainCode = false;
  // `某某市人民政府公报 2020年第2号`: a running head with the issue label, not a 发文字号.
  if (!code && (tail[2] !== undefined || ENDS_WITH_GAZETTE_NAME.test(run)) && parsePrintedLabels(normalized).issue) return undefined;
  if (!code) {
    const delimited = han.index === 0 || /[\s(（「“]/.test(normalized[han.index - 1] ?? '');
    code = delimited && run.length <= 8 ? run : run.slice(-3);
    uncertainCode = !delimited || run.length > 8;
  }
  const start = tail.index - (normalized.slice(0, tail.index).length - normalized.slice(0, tail.index).trimEnd().length) - code.length;
  const number: DocNumber = { code, year: Number(tail[1] ?? tail[2]), serial: Number(tail[3]) };
  return {
    number,
    printed: normalized.slice(start, tail.index + tail[0].length),
    before: normalized.slice(0, start),
    after: normalized.slice(tail.index + tail[0].length),
    uncertainCode,
  };
}

/**
 * Parse the 目录 from `lines` (the lines after its heading, up to the first document). Entries may span several lines
 * (title, then `(永政办发[2018]1号) (26)` on the next); 栏目 are `【…】` lines or configured 栏目 names standing alone.
 */
export function parseContents(lines: RawLine[], config: GazetteConfig, notes: Notes, headingLine?: number): Contents {
  const contents: Contents = { line: headingLine, sections: [], entries: [], lastIndex: -1 };
  const ignorable = new Set([config.name, config.description, config.motto ?? '', config.supervisor, config.publisher].map((text) => text.replace(SPACES, '')));
  const sectionNames = new Set(config.sections.map((section) => section.name));
  let pending: RawLine[] = [];
  let section: string | undefined;

  const dropPending = (reason: 'section' | 'end') => {
    const meaningful = pending.filter((line) => !ignorable.has(line.text.replace(SPACES, '')));
    if (meaningful.length > 0 && reason === 'section') {
      notes.warn(meaningful[0]!.n, 'import-contents', `目录中这几行不属于任何条目（没有发文字号），已忽略：${joinLines(meaningful.map((line) => line.text)).slice(0, 40)}`);
    } else if (meaningful.length > 0 && typeOfTitle(joinLines(meaningful.map((line) => line.text)), config.types)) {
      notes.warn(meaningful[0]!.n, 'import-contents', '目录中这一条像文件标题，但没有发文字号：请核对目录是否漏印了文号');
    }
    pending = [];
  };

  for (const [index, line] of lines.entries()) {
    if (!line.text) continue;
    const sectionMatch = SECTION.exec(line.text);
    const bare = line.text.replace(SPACES, '');
    if (sectionMatch || (sectionNames.has(bare) && pending.length === 0)) {
      dropPending('section');
      section = (sectionMatch?.[1] ?? bare).replace(SPACES, '');
      contents.sections.push({ name: section, line: line.n });
      contents.lastIndex = index;
      continue;
    }
    const found = findNumberInLine(line.text, config);
    if (!found) {
      const page = contentsPageOf(line.text);
      const last = contents.entries.at(-1);
      if (page !== undefined && pending.length === 0 && last && last.page === undefined && contents.lastIndex === index - 1 - countBlank(lines, index)) {
        last.page = page;
        contents.lastIndex = index;
        continue;
      }
      // A title-only entry (no 发文字号): it ends with a page number after leaders, or with a 文种, and the next line
      // is not the 发文字号 of this title.
      const end = titleOnlyEnd(line.text, config);
      if (end && !numberFollows(lines, index, config)) {
        const parts = [...pending.filter((other) => !ignorable.has(other.text.replace(SPACES, ''))).map((other) => other.text), end.title];
        pending = [];
        contents.entries.push({ line: line.n, section, title: normalizeTitle(parts), ...(end.page !== undefined ? { page: end.page } : {}) });
        contents.lastIndex = index;
        continue;
      }
      pending.push(line);
      continue;
    }
    const titleParts = [...pending.filter((other) => !ignorable.has(other.text.replace(SPACES, ''))).map((other) => other.text), found.before.replace(/[\s(（]+$/u, '')];
    pending = [];
    const title = normalizeTitle(titleParts.map((part) => part.replace(/[.…·]{2,}\s*$/u, '')));
    const registration = fromGroups(REGISTRATION_CODE_IN_TEXT.exec(found.after));
    const page = /^[^(（\d]*?[)）]?\s*(?:[(（]\s*(\d{1,3})\s*[)）]|[.…·\s]*(\d{1,3}))\s*$/u.exec(found.after.replace(REGISTRATION_CODE_IN_TEXT, ''));
    const entry: ContentsEntry = {
      line: line.n,
      section,
      title,
      number: found.number,
      printed: found.printed.replace(SPACES, ''),
      registration: registration ? formatRegistrationCode(registration) : undefined,
      page: page ? Number(page[1] ?? page[2]) : undefined,
    };
    if (!title) notes.warn(line.n, 'import-contents', `目录条目 ${formatDocNumber(found.number)} 前没有标题：请核对目录`);
    if (found.uncertainCode) notes.warn(line.n, 'import-contents', `目录中 ${found.printed} 的机关代字不在配置中，取「${found.number.code}」：请核对，或在配置中登记该代字`);
    contents.entries.push(entry);
    contents.lastIndex = index;
  }
  dropPending('end');
  return contents;
}

/** Leaders and a page number at the end of a 目录 line: `……3`, `…… (12)`, `　3`. */
const LEADER_PAGE = /(?:[.…·．。\s]{2,}|[.…·．]+)\s*[(（]?\s*(\d{1,3})\s*[)）]?$/u;

/** The title of a 目录 line that ends an entry without a 发文字号: leaders and a page, or a configured 文种 at its end. */
function titleOnlyEnd(text: string, config: GazetteConfig): { title: string; page?: number } | undefined {
  const leader = LEADER_PAGE.exec(text);
  if (leader && /\p{Script=Han}{4}/u.test(text.slice(0, leader.index))) return { title: text.slice(0, leader.index).trim(), page: Number(leader[1]) };
  const compact = compactTitle(text);
  if (withoutTitleNote(compact).length >= 6 && typeOfTitle(compact, config.types)) return { title: text.trim() };
  return undefined;
}

/** The next line with text is a 发文字号 with nothing before it: the 目录 prints this title's number on its own line. */
function numberFollows(lines: RawLine[], index: number, config: GazetteConfig): boolean {
  const next = lines.slice(index + 1, index + 4).find((line) => line.text);
  const found = next && findNumberInLine(next.text, config);
  return !!found && !/\p{Script=Han}/u.test(found.before);
}

function countBlank(lines: RawLine[], index: number): number {
  let count = 0;
  for (let at = index - 1; at >= 0 && !lines[at]!.text; at--) count++;
  return count;
}
