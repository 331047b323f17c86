// Reads the cover: gazette name, 年份/期号, 总期号, 出版日期, 主管/主办 (checked against the config), 编辑委员会, statements.
import type { GazetteConfig } from '../content/schema.ts';
import { issueLabel, issueNumberName, totalLabel, totalNumberName, type IssueAddress, type IssueUnit } from '../gazette/issue-address.ts';
import { chineseNumber, compact, isoFromChineseDate, type RawLine } from './line-patterns.ts';
import { normalizeChinese, splitNames } from './normalize-text.ts';
import type { Notes } from './review-notes.ts';

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
}

/** `2018年第2期` (or 第2号, by the config's issue_unit) and `总第103期`. */
function issuePatterns(unit: IssueUnit): { issue: RegExp; total: RegExp } {
  return { issue: new RegExp(`(\\d{4})\\s*年\\s*第\\s*([\\d一二三四五六七八九十]{1,3})\\s*${unit}`, 'u'), total: new RegExp(`总\\s*第\\s*(\\d{1,5})\\s*${unit}`, 'u') };
}
const PUBLISHED = /出版(?:日期|时间)\s*[:：]?\s*(.*)$/u;
const DATE_IN_TEXT = /(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)/u;
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
 */
export function parseCover(lines: RawLine[], contentsAt: number, config: GazetteConfig, notes: Notes, example: CoverExample): Cover {
  const cover: Cover = { editorialBoard: [], statements: [] };
  const used = new Set<number>();
  const front = contentsAt >= 0 ? lines.slice(0, contentsAt) : lines;
  const firstLine = lines.find((line) => line.text)?.n ?? 1;
  const unit = config.issue_unit;
  const patterns = issuePatterns(unit);

  const nameLine = front.find((line) => line.text);
  if (nameLine) {
    cover.name = compact(nameLine.text);
    used.add(nameLine.n);
    if (cover.name !== config.name) {
      notes.warn(nameLine.n, 'import-cover', `刊名「${cover.name}」与配置的「${config.name}」不同：如果导入的是另一种政报，请用 --config 指定它的配置文件`);
    }
  }

  for (const line of lines) {
    const issue = patterns.issue.exec(line.text);
    if (issue && cover.year === undefined) {
      cover.year = Number(issue[1]);
      cover.number = chineseNumber(issue[2]!);
      cover.issueLine = line.n;
      used.add(line.n);
    }
    const total = patterns.total.exec(line.text);
    if (total && cover.totalNumber === undefined) {
      cover.totalNumber = Number(total[1]);
      used.add(line.n);
    }
  }
  const [number, total] = [issueNumberName(unit), totalNumberName(unit)];
  if (cover.year === undefined) notes.warn(firstLine, 'import-cover', `封面上没有找到“${issueLabel(example.issue, unit)}”这样的年份和${number}：改用 --out 路径中的年份和${number}，请核对`);
  if (cover.totalNumber === undefined) notes.warn(firstLine, 'import-cover', `封面上没有找到“${totalLabel(example.total ?? 'N', unit)}”这样的${total}：${total}按上一期推算，请核对`);

  cover.published = findPublished(lines, used, notes, firstLine, config);
  checkOwner(lines, used, /^主\s*管(?:单位)?\s*[:：]?\s*(.*)$/u, config.supervisor, '主管', notes);
  checkOwner(lines, used, /^主\s*办(?:单位)?\s*[:：]?\s*(.*)$/u, config.publisher, '主办', notes);
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

function findPublished(lines: RawLine[], used: Set<number>, notes: Notes, firstLine: number, config: GazetteConfig): string | undefined {
  const placeholder = config.frequency === '不定期' ? '暂填当年最后一天' : `暂填按刊期（${config.frequency}）推算的日期`;
  for (const [index, line] of lines.entries()) {
    const label = PUBLISHED.exec(line.text);
    if (!label) continue;
    used.add(line.n);
    const sameLine = DATE_IN_TEXT.exec(label[1] ?? '');
    const nextLine = lines.slice(index + 1).find((other) => other.text);
    const printed = sameLine?.[1] ?? (nextLine && DATE_IN_TEXT.exec(nextLine.text)?.[1]);
    const iso = printed ? isoFromChineseDate(printed) : undefined;
    if (iso) return iso;
    notes.warn(line.n, 'import-cover', `出版日期「${compact(line.text)}」不是有效日期：${placeholder}，请核对`);
    return undefined;
  }
  notes.warn(firstLine, 'import-cover', `封面和目录页上没有找到“出版日期”：${placeholder}，请按印刷件改正 published`);
  return undefined;
}

function checkOwner(lines: RawLine[], used: Set<number>, pattern: RegExp, expected: string, label: string, notes: Notes): void {
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
    return;
  }
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
