// schema.org JSON-LD: a document is a Legislation that is part of a PublicationIssue of the gazette (a Periodical).
import type { DocumentView, IssueView, SiteModel } from './site-model.ts';
import { absoluteUrl } from './format.ts';

function periodical(model: SiteModel) {
  return {
    '@type': 'Periodical',
    name: model.config.name,
    url: absoluteUrl(model.config, '/'),
    publisher: { '@type': 'GovernmentOrganization', name: model.config.publisher },
    sourceOrganization: { '@type': 'GovernmentOrganization', name: model.config.supervisor },
    inLanguage: 'zh-CN',
  };
}

function publicationIssue(issue: Pick<IssueView, 'url' | 'label'> & { number?: number; published?: string }, model: SiteModel) {
  return {
    '@type': 'PublicationIssue',
    '@id': absoluteUrl(model.config, issue.url),
    name: `${model.config.name} ${issue.label}`,
    url: absoluteUrl(model.config, issue.url),
    ...(issue.number !== undefined ? { issueNumber: String(issue.number) } : {}),
    ...(issue.published ? { datePublished: issue.published } : {}),
    isPartOf: periodical(model),
  };
}

/** `legislationLegalForce`: schema.org's LegalForceStatus values; none when nothing is recorded or none applies. */
function legalForce(document: DocumentView): Record<string, string> {
  if (document.status === null || document.status === '未标注') return {};
  const inForce = document.status === '有效' || document.status === '已修改';
  return { legislationLegalForce: inForce ? 'https://schema.org/InForce' : 'https://schema.org/NotInForce' };
}

export function documentJsonLd(document: DocumentView, model: SiteModel): Record<string, unknown> {
  const issue = model.issues.find((candidate) => candidate.key === document.issue.key);
  return {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    '@id': absoluteUrl(model.config, document.url),
    url: absoluteUrl(model.config, document.url),
    name: document.title,
    inLanguage: 'zh-CN',
    legislationIdentifier: [document.docNumber, ...(document.registrationCode ? [document.registrationCode] : [])],
    legislationDate: document.date,
    legislationPassedBy: document.issuers.map((name) => ({ '@type': 'GovernmentOrganization', name })),
    legislationType: document.type,
    ...legalForce(document),
    ...(document.effective ? { legislationDateOfApplicability: document.effective } : {}),
    ...(document.validUntil ? { expires: document.validUntil } : {}),
    ...(document.cites.length ? { citation: document.cites.map((cited) => absoluteUrl(model.config, cited.url)) } : {}),
    isPartOf: publicationIssue(issue ?? document.issue, model),
    pagination: String(document.page),
  };
}

export function issueJsonLd(issue: IssueView, model: SiteModel): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    ...publicationIssue(issue, model),
    hasPart: issue.documents.map((document) => ({ '@type': 'Legislation', name: document.title, url: absoluteUrl(model.config, document.url), legislationIdentifier: document.docNumber })),
  };
}

/** JSON for a <script type="application/ld+json">: `<` escaped so the text can never close the script element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
