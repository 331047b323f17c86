// Scaffolding for editors: the text of a new issue file or document file, computed from the existing corpus and config.
import { guessComment } from './guess-comments.ts';
import { parseDocument } from 'yaml';
import type { Corpus, LoadedIssue } from './load-corpus.ts';
import { documentSlug, formatDocNumber, issuerForCode, parseDocNumber, parseLooseDocNumber } from '../gazette/doc-number.ts';
import { issueFolder, issueKey, issueLabel, issueNumberName, parseIssueKey, totalLabel, totalNumberName, type IssueAddress } from '../gazette/issue-address.ts';
import { nextAddress, numberProblem, scheduledDate } from '../gazette/issue-calendar.ts';
import { isoDate } from '../gazette/fields.ts';
import { compareCodePoints } from '../gazette/order.ts';
import { formatChineseDate } from './chinese-date.ts';
import { contentExamples, corpusExampleSource } from './examples.ts';
import { documentFrontMatterText, issueFrontMatterText } from './front-matter-text.ts';

/** Why nothing was scaffolded; `usage` when the command line must change (a missing or wrong option: exit 2). */
export class ScaffoldError extends Error {
  constructor(
    message: string,
    readonly usage = false,
  ) {
    super(message);
  }
}

/** The comment on a 出版日期 guessed from the 刊期: a guess comment, so `check` warns (unchecked-guess) until it is removed. */
export const GUESSED_DATE_COMMENT = guessComment('出版日期按刊期推算');

export interface NewIssueOptions {
  /** `2018-03`; absent: the issue after the newest one, by the 刊期 */
  key?: string;
  /** 出版日期 as printed (`--published`); absent: the date the 刊期 implies, flagged as a guess */
  published?: string;
  /** 总期号 as printed (`--total`); absent: the previous issue's + 1 (required for a gazette's first issue) */
  total?: number;
}

export interface NewIssue {
  address: IssueAddress;
  /** `2018/03`, relative to the content root */
  folder: string;
  text: string;
  /** what was guessed and must be checked, one line each, for the terminal */
  guesses: string[];
}

/**
 * The next issue (or `options.key`): 总期号 from the previous issue, 栏目 and 封面声明 copied from it, 出版日期 by the 刊期
 * (`frequency`). A number the 刊期 does not have, a first issue without `total` and a 不定期 issue without `published`
 * are refused with the option that fixes them.
 */
export function scaffoldIssue(corpus: Corpus, options: NewIssueOptions = {}): NewIssue {
  const { frequency, issue_unit: unit } = corpus.config;
  const issues = [...corpus.issues].sort((a, b) => compareCodePoints(a.key, b.key));
  const address = options.key ? parseKey(options.key, corpus) : nextAfter(issues, corpus);
  const problem = numberProblem(frequency, address, unit);
  if (problem) throw new ScaffoldError(problem, true);
  const label = issueLabel(address, unit);
  const folder = issueFolder(address);
  if (issues.some((issue) => issue.folder === folder)) throw new ScaffoldError(`${folder}（${label}）已经存在`);
  const earlier = issues.filter((issue) => compareCodePoints(issue.key, issueKey(address)) < 0).at(-1);

  if (options.total === undefined && !earlier) {
    throw new ScaffoldError(`${label}之前内容文件夹中没有任何一期，${totalNumberName(unit)}无从推算：请用 --total N 写明印刷版封面上的${totalNumberName(unit)}`, true);
  }
  const total = options.total ?? earlier!.data.total_number + 1;
  const sameYear = earlier && earlier.address.year === address.year ? { ...earlier.address, published: earlier.data.published } : undefined;
  const published = options.published ?? scheduledDate(frequency, address, sameYear);
  if (!published) {
    const why = frequency === '不定期' ? '本刊为不定期出版，无法推算出版日期' : `按${frequency}推算，${label}的出版日期不在 ${address.year} 年内`;
    throw new ScaffoldError(`${why}：请用 --published YYYY-MM-DD 写明出版日期`, true);
  }
  if (!isoDate.safeParse(published).success) throw new ScaffoldError(`--published 应为实际存在的日期，格式 YYYY-MM-DD（收到 ${published}）`, true);

  const guesses = options.published ? [] : [`出版日期 ${published} 是按${frequency}推算的，请核对`];
  const totalNote = options.total !== undefined ? `${totalNumberName(unit)}按 --total 填写` : `${totalNumberName(unit)}按上一期（${issueLabel(earlier!.address, unit)}，${totalLabel(earlier!.data.total_number, unit)}）推算`;
  const text = issueFrontMatterText(
    {
      year: address.year,
      number: address.number,
      total_number: total,
      published,
      sections: earlier?.data.sections ?? corpus.config.sections.map((section) => section.name),
      contents: [],
      editorial_board: [],
      statements: earlier?.data.statements ?? [],
    },
    { top: `${totalNote}；npm run new -- doc 会把新文件加入目录 contents。`, lines: options.published ? {} : { published: GUESSED_DATE_COMMENT } },
  );
  return { address, folder, text, guesses };
}

/** The issue a command line names (`2020-03`, `2020-3`), or a usage error with this gazette's example. */
export function parseKey(key: string, corpus: Corpus): IssueAddress {
  const address = parseIssueKey(key);
  if (address) return address;
  const name = issueNumberName(corpus.config.issue_unit);
  throw new ScaffoldError(`应写作 年份-${name}，如 ${issueKey(contentExamples(corpus.config, corpusExampleSource(corpus)).issue)}（收到 ${key}）`, true);
}

function nextAfter(issues: readonly LoadedIssue[], corpus: Corpus): IssueAddress {
  const latest = issues.at(-1);
  if (!latest) {
    const unit = corpus.config.issue_unit;
    const first = issueKey(contentExamples(corpus.config).issue);
    throw new ScaffoldError(`内容文件夹中还没有任何一期：请写明第一期的${issueNumberName(unit)}和${totalNumberName(unit)}，如 npm run new -- issue ${first} --total N`, true);
  }
  return nextAddress(corpus.config.frequency, latest.address);
}

export interface NewDocumentOptions {
  issue: string;
  number: string;
  title: string;
  section?: string;
  date?: string;
  page?: number;
  type?: string;
}

export interface NewDocument {
  /** path relative to the content root */
  file: string;
  text: string;
  /** the issue file's new text, with the document added to its 目录 */
  issueText: string;
}


/** A document file for `--number` in `issue`, with front matter filled in from the config and the issue. */
export function scaffoldDocument(corpus: Corpus, issueText: string, options: NewDocumentOptions): NewDocument {
  const address = parseKey(options.issue, corpus);
  const issue = corpus.issues.find((candidate) => candidate.key === issueKey(address));
  if (!issue) throw new ScaffoldError(`没有 ${issueLabel(address, corpus.config.issue_unit)}（${issueFolder(address)}）：请先运行 npm run new -- issue ${issueKey(address)}`);
  const parsed = parseLooseDocNumber(options.number);
  if (!parsed) throw new ScaffoldError(`无法识别发文字号 ${options.number}：格式为 机关代字〔年份〕序号号，如 ${contentExamples(corpus.config, corpusExampleSource(corpus)).docNumber}`);
  const owner = issuerForCode(corpus.config.issuers, parsed.code);
  if (!owner) throw new ScaffoldError(`机关代字「${parsed.code}」未在 gazette.config.yaml 中登记`);
  const docNumber = formatDocNumber(parsed);
  const slug = documentSlug(owner.slug, parsed);
  if (issue.slugs.includes(slug) || corpus.documents.some((document) => document.data.doc_number === docNumber)) {
    throw new ScaffoldError(`${docNumber} 已经存在`);
  }
  const title = options.title.trim();
  if (!title) throw new ScaffoldError('请用 --title 给出标题');
  const type = options.type ?? corpus.config.types.map((candidate) => candidate.name).find((name) => title.endsWith(name)) ?? corpus.config.types[0]!.name;
  const sameCode = corpus.documents.filter((document) => parseDocNumber(document.data.doc_number)?.code === parsed.code).at(-1);
  const section = options.section ?? (sameCode && issue.data.sections.includes(sameCode.data.section) ? sameCode.data.section : issue.data.sections[0]!);
  const lastPage = Math.max(0, ...issue.documents.map((document) => document.data.page));
  const date = options.date ?? issue.data.published;
  const frontMatter = documentFrontMatterText({ title, doc_number: docNumber, date, issuers: [owner.issuer], section, type, page: options.page ?? lastPage + 1 });
  const text = [
    frontMatter,
    '<!-- 请按印刷件写正文：主送机关一段（以“：”结尾），正文每段一行，落款为发文机关和成文日期各占一行。成文日期（date）和页码（page）请按印刷件核对。 -->',
    '',
    owner.issuer,
    formatChineseDate(date),
    '',
  ].join('\n');

  const lines = issueText.split('\n');
  const close = lines.findIndex((line, index) => index > 0 && /^---\s*$/.test(line));
  const yamlDoc = parseDocument(lines.slice(1, close).join('\n'));
  const contents = yamlDoc.get('contents');
  if (contents && typeof contents === 'object' && 'flow' in contents) (contents as { flow: boolean }).flow = false;
  yamlDoc.addIn(['contents'], slug);
  const newIssueText = ['---', yamlDoc.toString().trimEnd(), ...lines.slice(close)].join('\n');
  return { file: `${issue.folder}/${slug}.md`, text, issueText: newIssueText };
}
