// Scaffolding for editors: the text of a new issue file or document file, computed from the existing corpus and config.
import { parseDocument } from 'yaml';
import type { Corpus } from './load-corpus.ts';
import { documentSlug, formatDocNumber, issuerForCode, parseLooseDocNumber } from '../gazette/doc-number.ts';
import { formatChineseDate } from './chinese-date.ts';
import { contentExamples, corpusExampleSource } from './examples.ts';
import { compareCodePoints } from '../gazette/order.ts';

export class ScaffoldError extends Error {}

export interface NewIssue {
  folder: string;
  text: string;
}

/** The 出版日期 to start from when none is printed: a monthly gazette's issue N appears by the end of month N. */
export function guessPublished(year: number, number: number): string {
  return new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10);
}

/** `2018-03` → issues/2018/03/issue.md, with 总期号 following the previous issue and 栏目 copied from it. */
export function scaffoldIssue(corpus: Corpus, key: string): NewIssue {
  const match = /^(\d{4})-(\d{1,2})$/.exec(key);
  if (!match) throw new ScaffoldError(`期号格式应为 年份-期号，如 2018-03（收到 ${key}）`);
  const year = Number(match[1]);
  const number = Number(match[2]);
  const folder = `${year}/${String(number).padStart(2, '0')}`;
  if (corpus.issues.some((issue) => issue.folder === folder)) throw new ScaffoldError(`${folder} 已经存在`);
  const earlier = corpus.issues.filter((issue) => issue.key < `${year}-${String(number).padStart(2, '0')}`).sort((a, b) => compareCodePoints(a.key, b.key)).at(-1);
  const total = earlier ? earlier.data.total_number + 1 : 1;
  const sections = earlier?.data.sections ?? corpus.config.sections.map((section) => section.name);
  const lastDay = guessPublished(year, number);
  const text = [
    '---',
    `# 总期号按上一期（${earlier ? earlier.key : '无'}）推算；出版日期请改为实际日期；npm run new -- doc 会把新文件加入目录 contents。`,
    `year: ${year}`,
    `number: ${number}`,
    `total_number: ${total}`,
    `published: ${lastDay}`,
    'sections:',
    ...sections.map((section) => `  - ${section}`),
    'contents: []',
    ...(earlier?.data.statements.length ? ['statements:', ...earlier.data.statements.map((statement) => `  - ${statement}`)] : []),
    '---',
    '',
  ].join('\n');
  return { folder, text };
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
  const issue = corpus.issues.find((candidate) => candidate.key === options.issue);
  if (!issue) throw new ScaffoldError(`没有 ${options.issue} 这一期：请先运行 npm run new -- issue ${options.issue}`);
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
  const sameCode = corpus.documents.filter((document) => document.data.doc_number.startsWith(`${parsed.code}〔`)).at(-1);
  const section = options.section ?? (sameCode && issue.data.sections.includes(sameCode.data.section) ? sameCode.data.section : issue.data.sections[0]!);
  const lastPage = Math.max(0, ...issue.documents.map((document) => document.data.page));
  const date = options.date ?? issue.data.published;
  const text = [
    '---',
    `title: ${title}`,
    `doc_number: ${docNumber}`,
    `date: ${date}`,
    `issuers: [${owner.issuer}]`,
    `section: ${section}`,
    `type: ${type}`,
    `page: ${options.page ?? lastPage + 1}`,
    '---',
    '',
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
