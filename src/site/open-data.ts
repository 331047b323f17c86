// The public open data under /api/: the catalogue (documents.json, documents.csv), issues.json, and one JSON per document.
// Field names are stable; URLs are absolute; nothing depends on the build clock except 时效性, which is stated as of the build.
import type { DocumentLink, DocumentView, SiteModel } from './site-model.ts';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../gazette/validity.ts';
import type { Attachment, OutlineEntry } from '../markdown/remark-outline.ts';
import { absoluteUrl } from './format.ts';
import { rewriteElements } from './rewrite-html.ts';
import { DOCUMENT_FIELDS, type DocumentFieldKey } from '../gazette/fields.ts';
import { SEARCH_FACET } from '../gazette/browse.ts';

/** One row of the catalogue: /api/documents.json and /api/documents.csv. */
export interface DocumentRecord {
  url: string;
  title: string;
  doc_number: string;
  /** only in a gazette with a 登记号 system (config `registration_prefix`) */
  registration_code?: string | null;
  date: string;
  issuers: string[];
  type: string;
  issue: string;
  section: string;
  page: number;
  /** 施行日期 */
  effective: string | null;
  valid_until: string | null;
  /** absolute URL of this document's own JSON (/api/documents/<issue>/<slug>.json) */
  json: string;
  /** 时效性 as of the build, from the records only (未标注 without any); null for a document that carries none */
  status: DocumentStatus | null;
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
  /** `2018年第2期` / `2020年第2号`, in the gazette's own issue unit */
  label: string;
  /** `总第103期` / `总第55号` */
  total_label: string;
  year: number;
  number: number;
  total_number: number;
  published: string;
  /** the issue's PDF (built with --pdf), else null */
  pdf: string | null;
  documents: string[];
}

/** The catalogue files (site paths without the leading slash): documents.njk, issues.njk and documents.csv.njk write them. */
export const CATALOGUE_FILES = ['api/documents.json', 'api/issues.json', 'api/documents.csv'] as const;

/** Where every document's own JSON lies (documentJsonPath), without the leading slash. */
export const DOCUMENT_JSON_DIR = 'api/documents/';

/** Site path of a document's JSON: `/api/documents/2018-02/yzf-2018-3.json`. */
export function documentJsonPath(document: Pick<DocumentView, 'issue' | 'slug'>): string {
  return `/${DOCUMENT_JSON_DIR}${document.issue.key}/${document.slug}.json`;
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
    ...(model.registration ? { registration_code: document.registrationCode } : {}),
    date: document.date,
    issuers: document.issuers,
    type: document.type,
    issue: document.issue.key,
    section: document.section,
    page: document.page,
    effective: document.effective,
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
    label: issue.label,
    total_label: issue.totalLabel,
    year: issue.year,
    number: issue.number,
    total_number: issue.totalNumber,
    published: issue.published,
    pdf: issue.pdf ? absoluteUrl(model.config, issue.pdf) : null,
    documents: issue.documents.map((document) => document.docNumber),
  }));
}

/** A root-relative `href` or `src`, as rehype-stringify writes it. */
const SITE_LINK = /\s(?:href|src)="\//;

/**
 * Make the site links of a rendered body absolute (`href="/2018/02/yzf-2018-3/"` → `https://…/2018/02/yzf-2018-3/`), so
 * the HTML works outside the site and under a path prefix. In-page anchors (`#attachment-1`) stay as they are.
 */
export function absoluteLinks(model: SiteModel, html: string): string {
  // Most bodies link nowhere on the site: they need no parse (rehype-stringify writes every attribute double-quoted,
  // and an untouched body would come back byte for byte anyway).
  if (!SITE_LINK.test(html)) return html;
  return rewriteElements(html, ({ properties }) => {
    for (const name of ['href', 'src'] as const) {
      const value = properties[name];
      if (typeof value === 'string' && value.startsWith('/')) properties[name] = absoluteUrl(model.config, value);
    }
  });
}

/** A field of the catalogue record: its Chinese label (from the field table where it is a front-matter field) and its note for the zip README. */
export interface RecordField {
  name: keyof DocumentRecord;
  label: string;
  /** what the README adds after the label */
  note: string;
  /** the CSV cell; absent: JSON only */
  csv?: (record: DocumentRecord) => string | number | null | undefined;
}

/** A front-matter field as a catalogue field: label and name from gazette/fields.ts. */
function tableField(key: DocumentFieldKey, note: string, csv: RecordField['csv'] = (record) => record[key as keyof DocumentRecord] as string | number | null): RecordField {
  const field = DOCUMENT_FIELDS[key];
  return { name: field.openData as keyof DocumentRecord, label: field.label, note, csv };
}

/** The catalogue's fields, in record order: the CSV columns and the README's field list come from here. */
const RECORD_FIELDS: readonly RecordField[] = [
  { name: 'url', label: '网址', note: '（文件网页）', csv: (record) => record.url },
  tableField('title', ''),
  tableField('doc_number', ''),
  tableField('registration_code', '（没有时为 null，CSV 中为空）'),
  tableField('date', '（YYYY-MM-DD）'),
  tableField('issuers', '（联合发文时有多个；CSV 中以“、”连接）', (record) => record.issuers.join('、')),
  tableField('type', ''),
  tableField('section', ''),
  { name: 'issue', label: '所在期', note: '', csv: (record) => record.issue },
  tableField('page', '（在该期中的印刷页码）'),
  tableField('effective', '（没有时为 null，CSV 中为空）'),
  tableField('valid_until', '（没有时为 null，CSV 中为空）'),
  {
    name: 'status',
    label: SEARCH_FACET.status,
    note: `：${DOCUMENT_STATUSES.join('、')}，只依据记录（${DOCUMENT_FIELDS.valid_until.label}、${DOCUMENT_FIELDS.effective.label}、废止、修改或明确标注的时效性），没有记录时为“未标注”；不适用时效性的文件（如人事任免）为 null，CSV 中为空。按本数据生成之日计算，可据 effective、valid_until 自行重新判断`,
    csv: (record) => record.status,
  },
  { name: 'json', label: '该文件完整数据（api/documents/…）的网址', note: '（仅 JSON）' },
  { name: 'cites', label: '本文引用的、本刊收录的文件的发文字号', note: '（仅 JSON）' },
  { name: 'cited_by', label: '引用本文的文件的发文字号', note: '（仅 JSON）' },
];

/** The catalogue fields of this gazette: no registration_code without a 登记号 system. */
export function recordFields(model: Pick<SiteModel, 'registration'>): RecordField[] {
  return RECORD_FIELDS.filter((field) => model.registration || field.name !== 'registration_code');
}

/** The CSV columns: one header row, each cell `中文 english` (the English part is the JSON field name). */
function csvColumns(model: Pick<SiteModel, 'registration'>): { header: string; value: NonNullable<RecordField['csv']> }[] {
  return recordFields(model).flatMap((field) => (field.csv ? [{ header: `${field.label} ${field.name}`, value: field.csv }] : []));
}

/**
 * /api/documents.csv: UTF-8 with a BOM (so spreadsheet programs read it as UTF-8), CRLF line endings and RFC 4180
 * quoting. A null field is an empty cell; several 发文机关 are joined with 、.
 */
export function documentsCsv(model: SiteModel): string {
  const columns = csvColumns(model);
  const rows = [columns.map((column) => column.header), ...documentRecords(model).map((record) => columns.map((column) => String(column.value(record) ?? '')))];
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * One RFC 4180 cell. A value a spreadsheet would run as a formula (it begins with = + - @, a tab or a carriage return:
 * OWASP's CSV injection list) gets a leading apostrophe, so it is shown as the text it is.
 */
export function csvField(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

