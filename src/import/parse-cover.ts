// Reads the cover: gazette name, 年份/期号, 总期号, 出版日期, 主管/主办 (checked against the config), 编辑委员会, statements.
import type { GazetteConfig } from '../content/schema.ts';
import { issueLabel, issueNumberName, parsePrintedLabels, totalLabel, totalNumberName, type IssueAddress, type IssueUnit } from '../gazette/issue-address.ts';
import { compact, isoFromChineseDate, LEADING_GAZETTE_NAME, SPACES, type RawLine } from './line-patterns.ts';
import { normalizeChinese, splitNames } from './normalize-text.ts';
import type { Notes } from './review-notes.ts';
import { CHINESE_DATE_SOURCE } from '../gazette/conventions.ts';

export interface Cover {
  name?: string;
  year?: number;
  number?: number;
  totalNumber?: number;
  published?: string;
  editorialBoard: { role: string; members: string[] }[];
  statements: string[];
  /** the line of 年份/期号, for placing messages about it */
  issueLine?: number;
  /** the line of 出版日期, when printed */
  publishedLine?: number;
}

const PUBLISHED = /出版(?:日期|时间)\s*[:：]?\s*(.*)$/u;
/** A date anywhere in a line (group 1: the whole date). */
const DATE_IN_TEXT = new RegExp(`(${CHINESE_DATE_SOURCE})`, 'u');
/** `2020年1月31日出版` (the date, then 出版 or 印发): how a one-line cover or a colophon prints the 出版日期. */
const DATE_THEN_PUBLISHED = new RegExp(`${DATE_IN_TEXT.source}\\s*(?:出版|印发)`, 'u');
const YEAR_ALONE = /^(\d{4})\s*年?$/u;
/** `…办公室主办` (or `…编印`, `…　编`) inside a cover line */
const PUBLISHER_AFTER = /([\p{Script=Han}（）()]{2,40}?)\s*(?:主\s*办(?:单位)?|编\s*印|编)(?![：:\p{Script=Han}])/u;
const ROLE = /^(\p{Script=Han}(?:[ \u3000]?\p{Script=Han}){0,7})\s*[:：]\s*(.*)$/u;
const NAMES = /^(?:\p{Script=Han}{1,4}[ \t\u3000、，,]*)+$/u;

/** What the messages show as the cover's 年份/期号 and 总期号: the issue being imported, and its 总期号 when it is known. */
export interface CoverExample {
  issue: IssueAddress;
  total?: number;
}

/**
 * `lines` is the cover region (everything before the first document); `contentsAt` is the index of the 目录 heading
 * in it (statements are read only before the 目录). Facts the config owns (主管, 主办, 刊名) are compared, not stored.
 * 年份, 期号/号数 and 总期号 are read in either unit and either order, on one line or several; a unit other than the
 * config's `issue_unit` is read and reported.
 */
export function parseCover(lines: RawLine[], contentsAt: number, config: GazetteConfig, notes: Notes, example: CoverExample): Cover {
  const cover: Cover = { editorialBoard: [], statements: [] };
  const used = new Set<number>();
  const front = contentsAt >= 0 ? lines.slice(0, contentsAt) : lines;
  const firstLine = lines.find((line) => line.text)?.n ?? 1;
  const unit = config.issue_unit;

  readLabels(front.some((line) => parsePrintedLabels(line.text).issue) ? front : lines, cover, used, config, notes);
  const [number, total] = [issueNumberName(unit), totalNumberName(unit)];
  if (cover.number === undefined) notes.warn(firstLine, 'import-cover', `封面上没有找到“${issueLabel(example.issue, unit)}”这样的年份和${number}：改用 --out 路径中的年份和${number}，请核对`);
  else if (cover.year === undefined) notes.warn(cover.issueLine ?? firstLine, 'import-cover', `封面上的${number}旁没有年份：改用 --out 路径中的年份，请核对`);
  if (cover.totalNumber === undefined) notes.warn(firstLine, 'import-cover', `封面上没有找到“${totalLabel(example.total ?? 'N', unit)}”这样的${total}：${total}按上一期推算，请核对`);

  // 刊名: the first line of the cover, without the labels, 主办, 出版日期 printed on the same line (a one-line cover).
  const nameLine = front.find((line) => line.text);
  if (nameLine) {
    used.add(nameLine.n);
    const name = coverName(nameLine.text);
    if (name) {
      cover.name = name;
      if (name !== compact(nameLine.text)) notes.info(nameLine.n, 'import-cover', `封面这一行同时印了刊名和其他信息：刊名取「${name}」`);
      if (name !== config.name) {
        notes.warn(nameLine.n, 'import-cover', `刊名「${name}」与配置的「${config.name}」不同：如果导入的是另一种政报，请用 --config 指定它的配置文件`);
      }
    }
  }

  findPublished(lines, used, cover, notes, firstLine, config);
  checkOwner(lines, used, /^主\s*管(?:单位)?\s*[:：]?\s*(.*)$/u, config.supervisor, '主管', notes);
  if (!checkOwner(lines, used, /^主\s*办(?:单位)?\s*[:：]?\s*(.*)$/u, config.publisher, '主办', notes)) checkPublisherAfter(front, used, config, notes);
  readBoard(front, used, cover, notes);

  const ignorable = new Set([config.name, config.description, config.motto ?? '', config.supervisor, config.publisher].map(compact));
  for (const line of front) {
    const text = compact(line.text);
    if (!text || used.has(line.n) || ignorable.has(text)) continue;
    if (/刊物$/.test(text) || (line.text.match(/\p{Script=Han}/gu)?.length ?? 0) < 6 || /^目录$/.test(text)) continue;
    cover.statements.push(normalizeChinese(line.text));
    notes.info(line.n, 'import-cover', `封面上的这一行作为封面声明：${text}`);
  }
  return cover;
}

/** 年份, 期号/号数 and 总期号 from the first lines that print them; a year printed on the line before or after the label. */
function readLabels(lines: RawLine[], cover: Cover, used: Set<number>, config: GazetteConfig, notes: Notes): void {
  const units = new Set<IssueUnit>();
  const printed: string[] = [];
  lines.forEach((line, index) => {
    const labels = parsePrintedLabels(line.text);
    if (labels.issue && cover.number === undefined) {
      cover.number = labels.issue.value;
      cover.issueLine = line.n;
      units.add(labels.issue.unit);
      printed.push(line.text.slice(labels.issue.index, labels.issue.index + labels.issue.length).replace(SPACES, ''));
      used.add(line.n);
      const year = labels.issue.year !== undefined ? { value: labels.issue.year } : yearNear(lines, index);
      if (year) cover.year = year.value;
      if (year?.line !== undefined) used.add(year.line);
    }
    if (labels.total && cover.totalNumber === undefined) {
      cover.totalNumber = labels.total.value;
      units.add(labels.total.unit);
      printed.push(line.text.slice(labels.total.index, labels.total.index + labels.total.length).replace(SPACES, ''));
      used.add(line.n);
    }
  });
  const other = [...units].find((seen) => seen !== config.issue_unit);
  if (other) {
    notes.warn(
      cover.issueLine ?? lines[0]?.n ?? 1,
      'import-cover',
      `封面印的是「${printed.join('」「')}」（按“${other}”编号），而配置的 issue_unit 是 ${config.issue_unit}：已按封面读出${issueNumberName(config.issue_unit)}和${totalNumberName(config.issue_unit)}；如果本刊按“${other}”编号，请把配置中的 issue_unit 改为 ${other}`,
    );
  }
}

/** The year of a label printed without one: `2020年第2号` split as `2020年` / `第2号` (either line order), or a year on the same line. */
function yearNear(lines: RawLine[], index: number): { value: number; line?: number } | undefined {
  const same = /(\d{4})\s*年(?!\s*\d{1,2}\s*月)/u.exec(lines[index]!.text);
  if (same) return { value: Number(same[1]) };
  for (const step of [-1, 1]) {
    for (let at = index + step; at >= 0 && at < lines.length && Math.abs(at - index) <= 3; at += step) {
      const text = lines[at]!.text;
      if (!text) continue;
      const alone = YEAR_ALONE.exec(text.replace(SPACES, ''));
      if (alone) return { value: Number(alone[1]), line: lines[at]!.n };
      break;
    }
  }
  return undefined;
}

/** The 刊名 on a cover line, without the labels, a date, `…主办` and `主管：…` printed on the same line. */
export function coverName(text: string): string | undefined {
  let rest = text;
  const labels = parsePrintedLabels(rest);
  for (const label of [labels.total, labels.issue].filter((found) => found !== undefined).sort((a, b) => b.index - a.index)) {
    rest = `${rest.slice(0, label.index)} ${rest.slice(label.index + label.length)}`;
  }
  rest = rest
    .replace(new RegExp(`(?:出版(?:日期|时间)\\s*[:：]?\\s*)?${DATE_IN_TEXT.source}\\s*(?:出版|印发)?`, 'u'), ' ')
    .replace(/主\s*[管办](?:单位)?\s*[:：]\s*\S+/gu, ' ');
  const publisher = PUBLISHER_AFTER.exec(rest);
  if (publisher) {
    // The gazette's name and the organ that publishes it may be printed without a space: the name ends at 公报/政报/刊.
    const before = rest.slice(0, publisher.index + publisher[0].length);
    const name = LEADING_GAZETTE_NAME.exec(before);
    rest = name ? `${name[0]} ${rest.slice(publisher.index + publisher[0].length)}` : rest.slice(publisher.index + publisher[0].length);
  }
  const name = rest
    .replace(/[（(]\s*[）)]/gu, ' ')
    .split(/[ \t\u3000]{1,}|[（）()·|｜]/u)
    .map((part) => part.trim())
    .find((part) => /\p{Script=Han}{2}/u.test(part));
  return name ? compact(name) : undefined;
}

function findPublished(lines: RawLine[], used: Set<number>, cover: Cover, notes: Notes, firstLine: number, config: GazetteConfig): void {
  const placeholder = config.frequency === '不定期' ? '暂填当年最后一天' : `暂填按刊期（${config.frequency}）推算的日期`;
  for (const [index, line] of lines.entries()) {
    const label = PUBLISHED.exec(line.text);
    const after = label ? undefined : DATE_THEN_PUBLISHED.exec(line.text);
    if (!label && !after) continue;
    if (label && lines[index]!.n !== cover.issueLine) used.add(line.n);
    const sameLine = after?.[1] ?? DATE_IN_TEXT.exec(label?.[1] ?? '')?.[1];
    const nextLine = lines.slice(index + 1).find((other) => other.text);
    const printed = sameLine ?? (nextLine && DATE_IN_TEXT.exec(nextLine.text)?.[1]);
    const iso = printed ? isoFromChineseDate(compact(printed)) : undefined;
    if (after) used.add(line.n);
    if (iso) {
      cover.published = iso;
      cover.publishedLine = line.n;
      return;
    }
    notes.warn(line.n, 'import-cover', `出版日期「${compact(line.text)}」不是有效日期：${placeholder}，请核对`);
    return;
  }
  notes.warn(firstLine, 'import-cover', `封面和目录页上没有找到“出版日期”：${placeholder}，请按印刷件改正 published`);
}

/** `…办公室主办` printed on a cover line: compared with the config's 主办. */
function checkPublisherAfter(lines: RawLine[], used: Set<number>, config: GazetteConfig, notes: Notes): void {
  for (const line of lines) {
    const match = PUBLISHER_AFTER.exec(line.text);
    if (!match) continue;
    const before = line.text.slice(0, match.index + match[0].length);
    const name = LEADING_GAZETTE_NAME.exec(before);
    const value = compact(name ? line.text.slice(name[0].length, match.index + match[1]!.length) : match[1]!);
    used.add(line.n);
    if (value && value !== compact(config.publisher)) notes.warn(line.n, 'import-cover', `封面主办为「${value}」，配置中为「${config.publisher}」：网站按配置显示，请核对配置`);
    return;
  }
}

function checkOwner(lines: RawLine[], used: Set<number>, pattern: RegExp, expected: string, label: string, notes: Notes): boolean {
  for (const [index, line] of lines.entries()) {
    const match = pattern.exec(line.text);
    if (!match) continue;
    used.add(line.n);
    let value = compact(match[1] ?? '');
    if (!value) {
      const next = lines.slice(index + 1).find((other) => other.text);
      if (next) {
        value = compact(next.text);
        used.add(next.n);
      }
    }
    if (value && value !== expected) notes.warn(line.n, 'import-cover', `封面${label}为「${value}」，配置中为「${expected}」：网站按配置显示，请核对配置`);
    return true;
  }
  return false;
}

function readBoard(front: RawLine[], used: Set<number>, cover: Cover, notes: Notes): void {
  const start = front.findIndex((line) => /^编\s*(?:辑\s*)?委\s*员?\s*会$/u.test(line.text));
  if (start < 0) return;
  used.add(front[start]!.n);
  let current: { role: string; members: string[] } | undefined;
  for (const line of front.slice(start + 1)) {
    if (!line.text) continue;
    const role = ROLE.exec(line.text);
    if (role) {
      current = { role: compact(role[1]!), members: [] };
      cover.editorialBoard.push(current);
      addNames(current, role[2] ?? '', line.n, notes);
    } else if (current && NAMES.test(line.text) && line.text.split(/[ \t\u3000、，,]+/).every((token) => [...token].length <= 4)) {
      addNames(current, line.text, line.n, notes);
    } else break;
    used.add(line.n);
  }
  cover.editorialBoard = cover.editorialBoard.filter((entry) => entry.members.length > 0);
}

function addNames(entry: { role: string; members: string[] }, text: string, line: number, notes: Notes): void {
  const { names, merged, odd } = splitNames(text.trim());
  entry.members.push(...names);
  if (merged) notes.info(line, 'import-cover', `编辑委员会：把排版时用空格隔开的两字姓名合并（${names.join('、')}）`);
  if (odd) notes.warn(line, 'import-cover', `编辑委员会「${entry.role}」中有单字的姓名（${names.filter((name) => [...name].length === 1).join('、')}）：可能是两字姓名被空格拆开，请核对`);
}
