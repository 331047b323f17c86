// The public open-data records (/api/documents.json, /api/issues.json): stable field names, absolute URLs.
import type { SiteModel } from './site-model.ts';
import { absoluteUrl } from './format.ts';

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

export function documentRecords(model: SiteModel): DocumentRecord[] {
  return model.documents.map((document) => ({
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
  }));
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
