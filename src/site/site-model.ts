// The data the templates see: issues with their 目录 grouped by 栏目, documents with metadata, HTML and neighbours.
import type { Corpus, LoadedDocument, LoadedIssue } from '../content/load-corpus.ts';
import type { GazetteConfig } from '../content/schema.ts';
import type { RenderOutput } from '../markdown/render-document.ts';
import { formatChineseDate, issueLabel, totalLabel } from './format.ts';
import { validityStatus, type ValidityStatus } from '../content/validity.ts';

export interface IssueRef {
  key: string;
  url: string;
  label: string;
  totalLabel: string;
}

export interface DocumentLink {
  url: string;
  title: string;
  docNumber: string;
}

export interface DocumentView {
  slug: string;
  url: string;
  title: string;
  docNumber: string;
  registrationCode: string | null;
  date: string;
  dateText: string;
  issuers: string[];
  section: string;
  type: string;
  page: number;
  validUntil: string | null;
  validUntilText: string | null;
  /** 时效性 as of the build date (the reading-page script re-evaluates it for the reader's today) */
  status: ValidityStatus;
  year: number;
  issue: IssueRef;
  /** source file, relative to the working directory */
  sourcePath: string;
  html: string;
  text: string;
  previous: DocumentLink | null;
  next: DocumentLink | null;
}

export interface IssueView extends IssueRef {
  year: number;
  number: number;
  totalNumber: number;
  published: string;
  publishedText: string;
  /** 目录: 栏目 in printed order, each with its documents in 目录 order */
  sections: { name: string; documents: DocumentView[] }[];
  documents: DocumentView[];
  editorialBoard: { role: string; members: string[] }[];
  statements: string[];
}

export interface SiteModel {
  config: GazetteConfig;
  /** newest first */
  issues: IssueView[];
  /** every document, newest issue first, 目录 order within an issue */
  documents: DocumentView[];
  latest: IssueView | null;
  /** content problems, shown by the dev server in the page (empty in a real build, which stops on errors) */
  problems: string[];
  /** the build date (YYYY-MM-DD, China time): statuses are stated as of this day */
  today: string;
  todayText: string;
}

export function issueUrl(issue: LoadedIssue): string {
  return `/${issue.folder}/`;
}

/** Build the template model. `rendered` maps a document's source path to its rendered body. */
export function buildSiteModel(corpus: Corpus, rendered: Map<string, RenderOutput>, today: string, problems: string[] = []): SiteModel {
  const issues = [...corpus.issues]
    .sort((a, b) => b.key.localeCompare(a.key))
    .map((issue) => issueView(issue, rendered, today));
  return {
    config: corpus.config,
    issues,
    documents: issues.flatMap((issue) => issue.documents),
    latest: issues[0] ?? null,
    problems,
    today,
    todayText: formatChineseDate(today),
  };
}

function issueView(issue: LoadedIssue, rendered: Map<string, RenderOutput>, today: string): IssueView {
  const ref: IssueRef = {
    key: issue.key,
    url: issueUrl(issue),
    label: issueLabel(issue.data.year, issue.data.number),
    totalLabel: totalLabel(issue.data.total_number),
  };
  const bySlug = new Map(issue.documents.map((document) => [document.slug, document]));
  const ordered = issue.data.contents.flatMap((slug) => bySlug.get(slug) ?? []);
  const documents = ordered.map((document) => documentView(document, ref, rendered, today));
  documents.forEach((document, index) => {
    document.previous = link(documents[index - 1]);
    document.next = link(documents[index + 1]);
  });
  return {
    ...ref,
    year: issue.data.year,
    number: issue.data.number,
    totalNumber: issue.data.total_number,
    published: issue.data.published,
    publishedText: formatChineseDate(issue.data.published),
    sections: issue.data.sections.map((name) => ({ name, documents: documents.filter((document) => document.section === name) })),
    documents,
    editorialBoard: issue.data.editorial_board,
    statements: issue.data.statements,
  };
}

function documentView(document: LoadedDocument, issue: IssueRef, rendered: Map<string, RenderOutput>, today: string): DocumentView {
  const { data } = document;
  const body = rendered.get(document.file.path);
  return {
    slug: document.slug,
    url: `${issue.url}${document.slug}/`,
    title: data.title,
    docNumber: data.doc_number,
    registrationCode: data.registration_code ?? null,
    date: data.date,
    dateText: formatChineseDate(data.date),
    issuers: data.issuers,
    section: data.section,
    type: data.type,
    page: data.page,
    validUntil: data.valid_until ?? null,
    validUntilText: data.valid_until ? formatChineseDate(data.valid_until) : null,
    status: validityStatus(data, today),
    year: Number(data.date.slice(0, 4)),
    issue,
    sourcePath: document.file.path,
    html: body?.html ?? '',
    text: body?.text ?? '',
    previous: null,
    next: null,
  };
}

function link(document: DocumentView | undefined): DocumentLink | null {
  return document ? { url: document.url, title: document.title, docNumber: document.docNumber } : null;
}
