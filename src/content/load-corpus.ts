// Loads every issue folder under the content root (<year>/<NN>/issue.md + one .md per document) into a typed corpus.
import { ISSUE_FOLDER_NUMBER, YEAR_FOLDER, issueFolder, issueKey, issueNumberName, parseIssueFolder, type IssueAddress } from '../gazette/issue-address.ts';
import { readdir, realpath, lstat, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import type { z } from 'zod';
import { documentSchema, issueSchema, type DocumentFrontMatter, type GazetteConfig, type IssueFrontMatter } from './schema.ts';
import { readSource } from './read-source.ts';
import { parseFrontMatter, type FrontMatter } from './front-matter.ts';
import { validateWithSchema, type Fields } from './schema-messages.ts';
import { report } from './rules.ts';
import { contentExamples, messageFields } from './examples.ts';

const START = { line: 1, column: 1 };

export const ISSUE_FILE = 'issue.md';

export interface LoadedDocument {
  file: VFile;
  /** file name without .md; also the last URL segment */
  slug: string;
  /** `2018-02` */
  issueKey: string;
  /** the issue folder's year and number */
  issueAddress: IssueAddress;
  data: DocumentFrontMatter;
  /** Markdown body, front-matter lines blanked (positions are file positions) */
  body: string;
  placeOf: FrontMatter['placeOf'];
}

/**
 * A document that cannot be published — its front matter fails the schema, or its folder's issue.md does — with the
 * fields that are valid on their own. validate-corpus still checks those, so one run shows every independent problem.
 */
export interface UnpublishedDocument extends Omit<LoadedDocument, 'data'> {
  data: Partial<DocumentFrontMatter>;
}

export interface LoadedIssue {
  file: VFile;
  /** `2018-02` */
  key: string;
  /** year and number, from the folder (2018/02) */
  address: IssueAddress;
  /** folder relative to the content root: `2018/02` */
  folder: string;
  data: IssueFrontMatter;
  placeOf: FrontMatter['placeOf'];
  /** valid documents of this folder, in file-name order (the 目录 order is data.contents) */
  documents: LoadedDocument[];
  /** slugs of every document file in the folder, valid or not (so an invalid file is not also "missing") */
  slugs: string[];
}

export interface Corpus {
  config: GazetteConfig;
  /** absolute content folder */
  root: string;
  issues: LoadedIssue[];
  documents: LoadedDocument[];
  /** documents that will not be published (schema errors, or an invalid issue.md), still checked field by field */
  unpublished: UnpublishedDocument[];
  /** every file read, valid or not, with its messages */
  files: VFile[];
}

export interface LoadOptions {
  cwd?: string;
  maxBytes?: number;
}

/**
 * An issue's documents as the site publishes them: in 目录 order, each slug of `contents` that has a valid document.
 * The site model and the sharded build's slices both count them this way.
 */
export function listedDocuments(issue: Pick<LoadedIssue, 'documents' | 'data'>): LoadedDocument[] {
  const bySlug = new Map(issue.documents.map((document) => [document.slug, document]));
  return issue.data.contents.flatMap((slug) => bySlug.get(slug) ?? []);
}

/** Read and schema-check every file under `contentDir`. Cross-document rules run later (validate-corpus). */
export async function loadCorpus(contentDir: string, config: GazetteConfig, options: LoadOptions = {}): Promise<Corpus> {
  const cwd = options.cwd ?? process.cwd();
  const wanted = path.resolve(cwd, contentDir);
  const root = await realpath(wanted).catch(() => undefined);
  if (!root || !(await stat(root)).isDirectory()) {
    const file = new VFile({ path: path.relative(cwd, wanted) || wanted, value: '' });
    report(file, `找不到内容文件夹 ${file.path}：请用 --content 指定放期刊的文件夹（默认 issues），或先运行 npm run new -- issue <年份-期号>`, START, 'file-location');
    return { config, root: wanted, issues: [], documents: [], unpublished: [], files: [file] };
  }
  const corpus: Corpus = { config, root, issues: [], documents: [], unpublished: [], files: [] };
  const years = await sortedEntries(root);
  // Messages show this gazette's own forms, in its newest year (the documents are not read yet).
  const newestYear = years.filter((year) => YEAR_FOLDER.test(year)).map(Number).at(-1);
  const source = newestYear === undefined ? {} : { year: newestYear };
  const fields = messageFields(config, source);
  const where = placements(config, issueFolder(contentExamples(config, source).issue));

  for (const year of years) {
    const yearPath = path.join(root, year);
    if (!(await placeEntry(root, yearPath, YEAR_FOLDER.test(year), 'year', corpus, cwd, where))) continue;
    for (const number of await sortedEntries(yearPath)) {
      const folder = path.join(yearPath, number);
      if (!(await placeEntry(root, folder, ISSUE_FOLDER_NUMBER.test(number), 'issue', corpus, cwd, where))) continue;
      const entries = (await sortedEntries(folder)).filter((entry) => !ignored(entry));
      for (const name of entries.filter((entry) => !entry.endsWith('.md'))) await placeEntry(root, path.join(folder, name), false, 'file', corpus, cwd, where);
      const names = entries.filter((name) => name.endsWith('.md'));
      const issue = await loadIssueFolder(root, folder, names, corpus, { ...options, cwd, fields });
      if (issue) corpus.issues.push(issue);
    }
  }
  if (corpus.issues.length === 0 && !corpus.files.some((file) => file.messages.some((message) => message.fatal))) {
    const file = new VFile({ path: path.relative(cwd, root) || root, value: '' });
    // An error, not a warning: a wrong --content or a checkout without issues/ must not publish an empty gazette.
    report(file, '内容文件夹中还没有任何期刊（<年份>/<期号>/issue.md）：请检查 --content，或先运行 npm run new -- issue <年份-期号>', START, 'file-location');
    corpus.files.push(file);
  }
  return corpus;
}

async function loadIssueFolder(
  root: string,
  folder: string,
  names: string[],
  corpus: Corpus,
  options: LoadOptions & { cwd: string; fields: Fields },
): Promise<LoadedIssue | undefined> {
  const address = parseIssueFolder(folder)!;
  const folderRel = issueFolder(address);
  const key = issueKey(address);
  let issue: LoadedIssue | undefined;
  const documents: LoadedDocument[] = [];

  // The folder's files are read at once (the disk works while this thread parses), then taken in name order.
  const read = await Promise.all(names.map((name) => readContained(root, path.join(folder, name), options)));
  for (const [position, name] of names.entries()) {
    const file = read[position]!;
    corpus.files.push(file);
    if (file.messages.some((message) => message.fatal)) continue;
    const front = parseFrontMatter(file);
    if (front.data === undefined) continue;
    if (name === ISSUE_FILE) {
      const data = validateWithSchema(issueSchema, front.data, file, front.placeOf, 'issue-schema', options.fields);
      if (data) {
        const slugs = names.filter((other) => other !== ISSUE_FILE).map((other) => other.slice(0, -3));
        issue = { file, key, address, folder: folderRel, data, placeOf: front.placeOf, documents, slugs };
      }
    } else {
      const data = validateWithSchema(documentSchema, front.data, file, front.placeOf, 'document-schema', options.fields);
      const place = { file, slug: name.slice(0, -3), issueKey: key, issueAddress: address, placeOf: front.placeOf };
      if (data) documents.push({ ...place, data, body: front.body });
      else corpus.unpublished.push({ ...place, data: validFields(front.data), body: front.body });
    }
  }

  if (!issue) {
    if (!names.includes(ISSUE_FILE)) {
      const file = new VFile({ path: path.relative(options.cwd, path.join(folder, ISSUE_FILE)), value: '' });
      report(file, `期刊文件夹 ${folderRel} 缺少 ${ISSUE_FILE}：请添加期刊文件，写明${options.fields.number!.label}、${options.fields.total_number!.label}、出版日期和目录`, START, 'issue-missing');
      corpus.files.push(file);
    }
    // Not published without their issue, but still checked.
    corpus.unpublished.push(...documents);
    return undefined;
  }
  corpus.documents.push(...documents);
  return issue;
}

/** The fields of a document's front matter that pass their own schema (the others have been reported). */
function validFields(data: unknown): Partial<DocumentFrontMatter> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return {};
  const valid: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(documentSchema.shape)) {
    if (!(key in data)) continue;
    const result = (schema as z.ZodType).safeParse((data as Record<string, unknown>)[key]);
    if (result.success && result.data !== undefined) valid[key] = result.data;
  }
  return valid as Partial<DocumentFrontMatter>;
}

/** Where each kind of entry belongs, with an example folder of this gazette (`2020/05`). */
function placements(config: GazetteConfig, folder: string) {
  const [year, number] = folder.split('/');
  return {
    year: `年份文件夹应为四位数字，如 ${year}`,
    issue: `期刊文件夹应为两位数字的${issueNumberName(config.issue_unit)}，如 ${number}（写在年份文件夹下：${folder}）`,
    file: '期刊文件夹里只读取 .md 文件（期刊文件 issue.md 与各篇文件）',
    elsewhere: `文件应放在 <年份>/<${issueNumberName(config.issue_unit)}>/ 文件夹里，如 ${folder}/`,
  };
}
type Placements = ReturnType<typeof placements>;

/**
 * Whether a year or issue folder is to be read: it has the expected name, is a folder, and does not lead outside the
 * content root. Anything else is reported, never dropped silently: an error when it holds Markdown that would not be
 * published, a warning otherwise. Dot files (.git, .DS_Store) and a README are left alone.
 */
async function placeEntry(root: string, entryPath: string, expected: boolean, kind: 'year' | 'issue' | 'file', corpus: Corpus, cwd: string, where: Placements): Promise<boolean> {
  const name = path.basename(entryPath);
  if (ignored(name)) return false;
  const relative = path.relative(cwd, entryPath);
  const linked = await symlinkProblem(root, entryPath);
  if (linked) {
    const file = new VFile({ path: relative, value: '' });
    // A linked file that is never read (a scan, a picture) only warns; a linked folder or Markdown would be read.
    report(file, linked, START, 'file-symlink', kind === 'file' && !/\.(md|markdown)$/i.test(name) ? 'warning' : 'error');
    corpus.files.push(file);
    return false;
  }
  const isFolder = (await stat(entryPath).catch(() => undefined))?.isDirectory() ?? false;
  if (expected && (kind === 'file' || isFolder)) return true;
  const lost = isFolder ? await holdsMarkdown(entryPath) : /\.(md|markdown)$/i.test(name);
  const file = new VFile({ path: relative, value: '' });
  const fix = isFolder || kind === 'file' ? where[kind] : where.elsewhere;
  report(file, `${isFolder ? '文件夹' : '文件'}不在内容的结构里，不会发布：${fix}`, START, 'file-location', lost ? 'error' : 'warning');
  corpus.files.push(file);
  return false;
}

async function holdsMarkdown(dir: string): Promise<boolean> {
  const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return names.some((name) => /\.(md|markdown)$/i.test(name));
}

/** Left alone everywhere: dot files (.git, .DS_Store, macOS ._x.md) and a README for maintainers. */
function ignored(name: string): boolean {
  return name.startsWith('.') || /^readme(\.md)?$/i.test(name);
}

/** Read a file, refusing symlinks that lead outside the content root. */
async function readContained(root: string, filePath: string, options: LoadOptions & { cwd: string }): Promise<VFile> {
  const linked = await symlinkProblem(root, filePath);
  if (!linked) return readSource(filePath, options);
  const file = new VFile({ path: path.relative(options.cwd, filePath), value: '' });
  report(file, linked, START, 'file-symlink');
  return file;
}

/** What is wrong with `entryPath` if it is a symlink out of the content root, or one to nothing; undefined if fine. */
async function symlinkProblem(root: string, entryPath: string): Promise<string | undefined> {
  if (!(await lstat(entryPath)).isSymbolicLink()) return undefined;
  const target = await realpath(entryPath).catch(() => '');
  if (!target) return '符号链接指向的文件或文件夹不存在：请删除这个链接，或把文件夹或文件本身放进内容文件夹';
  if (!target.startsWith(root + path.sep)) return '符号链接指向内容文件夹之外：请把文件夹或文件本身放进内容文件夹';
  return undefined;
}

async function sortedEntries(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}
