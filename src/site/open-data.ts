// The public open data under /api/: the catalogue (documents.json, documents.csv), issues.json, and one JSON per document.
// Field names are stable; URLs are absolute; nothing depends on the build clock except 时效性, which is stated as of the build.
import type { DocumentLink, DocumentView, SiteModel } from './site-model.ts';
import type { ValidityStatus } from '../content/validity.ts';
import type { Attachment, OutlineEntry } from '../markdown/remark-outline.ts';
import { absoluteUrl } from './format.ts';

/** One row of the catalogue: /api/documents.json and /api/documents.csv. */
export interface DocumentRecord {
  url: string;
  title: string;
  doc_number: string;
  registration_code: string | null;
  date: string;
  issuers: string[];
  type: string;
  issue: string;
  section: string;
  page: number;
  valid_until: string | null;
  /** absolute URL of this document's own JSON (/api/documents/<issue>/<slug>.json) */
  json: string;
  /** 时效性 as of the build */
  status: ValidityStatus;
  /** 发文字号 of the documents of the corpus this one cites */
  cites: string[];
  /** 发文字号 of the documents that cite this one */
  cited_by: string[];
}

export interface CitedDocument {
  doc_number: string;
  title: string;
  url: string;
}

/** /api/documents/<issue>/<slug>.json: the catalogue record plus the text, the body and the citations. */
export interface DocumentDetail extends DocumentRecord {
  /** plain text of the body */
  text: string;
  /** the sanitized body HTML, with site links made absolute */
  html: string;
  outline: OutlineEntry[];
  attachments: Attachment[];
  citations: {
    cites: CitedDocument[];
    cited_by: CitedDocument[];
    /** 发文字号 cited in the text that are not in the corpus, as written */
    references: string[];
  };
  /** path of the Markdown source inside /api/gazette.zip */
  source: string;
}

export interface IssueRecord {
  url: string;
  issue: string;
  year: number;
  number: number;
  total_number: number;
  published: string;
  documents: string[];
}

/** Site path of a document's JSON: `/api/documents/2018-02/yzf-2018-3.json`. */
export function documentJsonPath(document: Pick<DocumentView, 'issue' | 'slug'>): string {
  return `/api/documents/${document.issue.key}/${document.slug}.json`;
}

/** Path of a document's Markdown source inside the download zip: `issues/2018/02/yzf-2018-3.md`. */
export function documentSourcePath(document: Pick<DocumentView, 'issue' | 'slug'>): string {
  return `issues/${document.issue.folder}/${document.slug}.md`;
}

export function documentRecord(model: SiteModel, document: DocumentView): DocumentRecord {
  return {
    url: absoluteUrl(model.config, document.url),
    title: document.title,
    doc_number: document.docNumber,
    registration_code: document.registrationCode,
    date: document.date,
    issuers: document.issuers,
    type: document.type,
    issue: document.issue.key,
    section: document.section,
    page: document.page,
    valid_until: document.validUntil,
    json: absoluteUrl(model.config, documentJsonPath(document)),
    status: document.status,
    cites: document.cites.map((cited) => cited.docNumber),
    cited_by: document.citedBy.map((citing) => citing.docNumber),
  };
}

export function documentRecords(model: SiteModel): DocumentRecord[] {
  return model.documents.map((document) => documentRecord(model, document));
}

export function documentDetail(model: SiteModel, document: DocumentView): DocumentDetail {
  const cited = (link: DocumentLink): CitedDocument => ({ doc_number: link.docNumber, title: link.title, url: absoluteUrl(model.config, link.url) });
  return {
    ...documentRecord(model, document),
    text: document.text,
    html: absoluteLinks(model, document.html),
    outline: document.outline,
    attachments: document.attachments,
    citations: {
      cites: document.cites.map(cited),
      cited_by: document.citedBy.map(cited),
      references: document.references,
    },
    source: documentSourcePath(document),
  };
}

export function issueRecords(model: SiteModel): IssueRecord[] {
  return model.issues.map((issue) => ({
    url: absoluteUrl(model.config, issue.url),
    issue: issue.key,
    year: issue.year,
    number: issue.number,
    total_number: issue.totalNumber,
    published: issue.published,
    documents: issue.documents.map((document) => document.docNumber),
  }));
}

/**
 * Make the site links of a rendered body absolute (`href="/2018/02/yzf-2018-3/"` → `https://…/2018/02/yzf-2018-3/`), so
 * the HTML works outside the site and under a path prefix. In-page anchors (`#attachment-1`) stay as they are. The body
 * comes from rehype-stringify, which always double-quotes attributes and escapes `<` in text, so a tag match is exact.
 */
export function absoluteLinks(model: SiteModel, html: string): string {
  return html.replace(/<[a-z][a-z0-9]*\s[^>]*>/g, (tag) =>
    tag.replace(/(\s(?:href|src)=")(\/[^"]*)"/g, (_match, attribute: string, sitePath: string) => `${attribute}${absoluteUrl(model.config, sitePath)}"`),
  );
}

/** The CSV columns: one header row, each cell `中文 english` (the English part is the JSON field name). */
export const CSV_COLUMNS: readonly { header: string; value: (record: DocumentRecord) => string | number | null }[] = [
  { header: '网址 url', value: (record) => record.url },
  { header: '标题 title', value: (record) => record.title },
  { header: '发文字号 doc_number', value: (record) => record.doc_number },
  { header: '登记号 registration_code', value: (record) => record.registration_code },
  { header: '成文日期 date', value: (record) => record.date },
  { header: '发文机关 issuers', value: (record) => record.issuers.join('、') },
  { header: '文种 type', value: (record) => record.type },
  { header: '栏目 section', value: (record) => record.section },
  { header: '所在期 issue', value: (record) => record.issue },
  { header: '页码 page', value: (record) => record.page },
  { header: '有效期至 valid_until', value: (record) => record.valid_until },
  { header: '时效性 status', value: (record) => record.status },
];

/**
 * /api/documents.csv: UTF-8 with a BOM (so spreadsheet programs read it as UTF-8), CRLF line endings and RFC 4180
 * quoting. A null field is an empty cell; several 发文机关 are joined with 、.
 */
export function documentsCsv(model: SiteModel): string {
  const rows = [CSV_COLUMNS.map((column) => column.header), ...documentRecords(model).map((record) => CSV_COLUMNS.map((column) => String(column.value(record) ?? '')))];
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

