// The data the templates see: issues and their 目录, documents with metadata, citations both ways, and browse groupings.
import { formatCitation } from '../gazette/citation.ts';
import { listedDocuments, type Corpus, type LoadedDocument, type LoadedIssue } from '../content/load-corpus.ts';
import type { GazetteConfig } from '../content/schema.ts';
import type { RenderOutput } from '../markdown/render-document.ts';
import type { Attachment, OutlineEntry } from '../markdown/remark-outline.ts';
import { formatChineseDate } from '../content/chinese-date.ts';
import { documentUrl as documentPath, issueLabel, issuePdfUrl, issueUrl as issuePath, totalLabel, type IssueUnit } from '../gazette/issue-address.ts';
import { byNewest, compareCodePoints as compare } from '../gazette/order.ts';
import { carriesValidity, statusClass, validityStatus, type DocumentStatus, type ValidityRecord } from '../gazette/validity.ts';
import { contentExamples, corpusExampleSource, type ContentExamples } from '../content/examples.ts';
import { BROWSE_KINDS, browseUrl, SEARCH_FACET, SEARCH_META, type BrowseKindName } from '../gazette/browse.ts';
import { DOCUMENT_FIELDS, fieldLabelsIn, ISSUE_FIELDS, type DocumentFieldKey, type IssueFieldKey } from '../gazette/fields.ts';

export interface IssueRef {
  /** `2018-02` */
  key: string;
  /** `2018/02`: the folder under the content root and in the zip */
  folder: string;
  url: string;
  label: string;
  totalLabel: string;
  /** the issue's PDF (`npm run build -- --pdf`), else null */
  pdf: string | null;
}

export interface DocumentLink {
  url: string;
  title: string;
  docNumber: string;
}

/** A document named by its 发文字号: linked when it is in the corpus. */
export interface DocumentRef {
  docNumber: string;
  url: string | null;
  title: string | null;
  /** the day it took effect: its 施行日期, else its 成文日期 (null when it is not in the corpus) */
  inForceFrom: string | null;
}

/**
 * The notices a document that is, or will be, no longer in force opens with: what happened, since when, and by which
 * documents. The only place that decides them; the template renders each it is given.
 */
export interface StatusNotice {
  /** 废止 or 已修改 as of the build date */
  replaced: {
    status: DocumentStatus;
    /** when the (first) repealing or amending document took effect, when it is known */
    date: string | null;
    dateText: string | null;
    /** the repealing document (废止) or the amending documents (已修改) */
    by: DocumentRef[];
  } | null;
  /**
   * 失效, with its 有效期至 (null for a 失效 stated without one). `later`: the document is not 失效 on the build date,
   * so the page carries this notice hidden, and the reading-page script shows it once the reader's day has passed 有效期至.
   */
  expired: { date: string | null; dateText: string | null; later: boolean } | null;
}

/** A browse page's key: an issuer, a 文种 or a 栏目 with its stable slug. */
export interface Facet {
  name: string;
  slug: string;
  url: string;
}

export interface DocumentView {
  slug: string;
  url: string;
  /** stable alias URLs that redirect here: /d/<slug>/ and /r/<登记号>/ */
  aliases: string[];
  title: string;
  docNumber: string;
  registrationCode: string | null;
  date: string;
  dateText: string;
  issuers: string[];
  issuerFacets: Facet[];
  section: string;
  sectionFacet: Facet;
  type: string;
  typeFacet: Facet;
  page: number;
  validUntil: string | null;
  validUntilText: string | null;
  /** 施行日期 */
  effective: string | null;
  effectiveText: string | null;
  /**
   * the records `status` is stated from, only those present; null: none applies. Badges (as JSON) and search cards carry
   * it, so the page restates the status for its reader's day with validityStatus.
   */
  validity: ValidityRecord | null;
  /**
   * 时效性 as of the build date, from the records only (未标注 when there are none); null for a document that carries
   * no validity (config `no_validity`). The reading-page script re-evaluates it for the reader's today.
   */
  status: DocumentStatus | null;
  statusClass: string | null;
  /** for 失效, 废止 and 已修改, and for one with an 有效期至 still ahead: the notices at the top of the page */
  statusNotice: StatusNotice | null;
  /** 引用本文: 发文机关. 标题（发文字号）. 刊名, 年份(期号): 页码. */
  citation: string;
  repealedBy: DocumentRef | null;
  amendedBy: DocumentRef[];
  year: number;
  issue: IssueRef;
  html: string;
  text: string;
  /** 本文目录 (shown for long documents) */
  outline: OutlineEntry[];
  attachments: Attachment[];
  /** documents of the corpus this one cites (each once, in order of first mention) */
  cites: DocumentLink[];
  /** citations of documents outside the corpus, as written (each once) */
  references: string[];
  /** documents that cite this one (被引用) */
  citedBy: DocumentLink[];
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

export interface Group extends Facet {
  documents: DocumentView[];
}

/** One way of browsing (/issuers/, /types/, /sections/) and its groups. */
export interface BrowseKind {
  kind: BrowseKindName;
  /** 发文机关 / 文种 / 栏目 */
  label: string;
  url: string;
  groups: Group[];
}

/** A group's own page, with the way of browsing it belongs to. */
export interface GroupPage extends Group {
  browse: Pick<BrowseKind, 'kind' | 'label' | 'url'>;
}

/** A stable alias URL that redirects to a document. */
export interface Alias {
  url: string;
  target: DocumentLink;
}

export interface YearView {
  year: number;
  url: string;
  issues: IssueView[];
}

/** The 规范性文件目录 page (only in a gazette with a 登记号 system). */
export interface RegisterPage {
  url: string;
  /** documents with a 登记号, sorted by it */
  documents: DocumentView[];
}

/**
 * The items the per-item templates paginate over: every document, alias and issue in a full render; only the pages
 * missing from the page cache in an incremental build (see page-cache.ts).
 */
export interface PageSet {
  /** document.njk */
  documents: DocumentView[];
  /** api/document.json.njk */
  documentJson: DocumentView[];
  /** alias.njk */
  aliases: Alias[];
  /** issue.njk */
  issues: IssueView[];
  /** issue-print.njk */
  printIssues: IssueView[];
}

export interface SiteModel {
  config: GazetteConfig;
  /** how issues are numbered: 第2期 or 第2号 (config `issue_unit`); every count or number of issues uses it */
  issueUnit: IssueUnit;
  /** the gazette has a 登记号 system (config `registration_prefix`): without one, nothing on the site names a 登记号 */
  registration: boolean;
  /** the Chinese label of every document field (gazette/fields.ts), for the metadata block */
  fields: Record<DocumentFieldKey, string>;
  /** the Chinese label of every issue field in the gazette's unit (期号 or 号数), for the cover */
  issueFields: Record<IssueFieldKey, string>;
  /** the search facet names (`data-pagefind-filter`) and result fields (`data-pagefind-meta`), gazette/browse.ts */
  facets: typeof SEARCH_FACET;
  searchMeta: typeof SEARCH_META;
  /** a 发文字号 and a 登记号 in this gazette's own form, for hints (search box, tips) */
  examples: ContentExamples;
  /** absolute content folder (the download zip reads the Markdown sources from it) */
  contentRoot: string;
  /** newest first */
  issues: IssueView[];
  /** every document, newest issue first, 目录 order within an issue */
  documents: DocumentView[];
  /** issues by 出版日期, newest first (the same day: the later issue address first): what is new, for the home page and the feeds */
  byPublished: IssueView[];
  /** the issue published last, the first of `byPublished`: the nav's 最新一期 and the home page */
  latest: IssueView | null;
  years: YearView[];
  /** configured issuers / 文种 / 栏目 that have documents, in config order; documents newest first */
  issuers: Group[];
  types: Group[];
  sections: Group[];
  /** the three ways of browsing, and one page per group */
  browse: BrowseKind[];
  groupPages: GroupPage[];
  /** the 规范性文件目录 page (/register/): documents with a 登记号, sorted by it; none without a 登记号 system */
  registerPages: RegisterPage[];
  aliases: Alias[];
  /** what the per-item templates render (all of it, unless an incremental build narrows it) */
  pages: PageSet;
  /** content problems, shown by the dev server in the page (empty in a real build, which stops on errors) */
  problems: string[];
  /** the build date (YYYY-MM-DD, China time, or the day of SOURCE_DATE_EPOCH): statuses are stated as of this day */
  today: string;
  /** the build date as written: 2018年3月1日 */
  todayText: string;
  /** fingerprint of the key that signs this build's manifest (shown on /verify/); null: unsigned */
  signingKey: string | null;
}

export function issueUrl(issue: LoadedIssue): string {
  return issuePath(issue.address);
}

/** A document's page: /<year>/<NN>/<file name>/. */
export function documentUrl(document: Pick<LoadedDocument, 'issueAddress' | 'slug'>): string {
  return documentPath(document.issueAddress, document.slug);
}

/** Build the template model. `rendered` maps a document's source path to its rendered body. */
/** `pdf`: the build renders each issue's PDF (`--pdf`), so every issue links its own. */
export function buildSiteModel(corpus: Corpus, rendered: Map<string, RenderOutput>, today: string, problems: string[] = [], options: { pdf?: boolean } = {}): SiteModel {
  const config = corpus.config;
  const byNumber = new Map(corpus.documents.map((document) => [document.data.doc_number, document]));
  const ref = (docNumber: string): DocumentRef => {
    const target = byNumber.get(docNumber);
    return { docNumber, url: target ? documentUrl(target) : null, title: target?.data.title ?? null, inForceFrom: target ? (target.data.effective ?? target.data.date) : null };
  };
  const issues = [...corpus.issues]
    .sort((a, b) => compare(b.key, a.key))
    .map((issue) => issueView(issue, config.issue_unit, options.pdf ?? false, (document, issueRef) => documentView(document, issueRef, rendered.get(document.file.path), { config, today, ref })));
  const documents = issues.flatMap((issue) => issue.documents);
  const byPublished = issuesByPublished(issues);
  linkCitedBy(documents);
  const newest = [...documents].sort(byNewest((document) => document.date, (document) => document.docNumber));
  const issuers = groups(config.issuers.map((issuer) => facet('issuers', issuer)), newest, (document) => document.issuers);
  const types = groups(config.types.map((type) => facet('types', type)), newest, (document) => [document.type]);
  const sections = groups(config.sections.map((section) => facet('sections', section)), newest, (document) => [document.section]);
  const byKind: Record<BrowseKindName, Group[]> = { issuers, types, sections };
  const browse: BrowseKind[] = BROWSE_KINDS.map((kind) => ({ ...kind, groups: byKind[kind.kind] }));
  const registration = Boolean(config.registration_prefix);
  const register = documents.filter((document) => document.registrationCode).sort((a, b) => compare(a.registrationCode!, b.registrationCode!));
  const aliases = documents.flatMap((document) => document.aliases.map((url) => ({ url, target: link(document)! })));
  return {
    config,
    issueUnit: config.issue_unit,
    registration,
    fields: Object.fromEntries(Object.entries(DOCUMENT_FIELDS).map(([key, field]) => [key, field.label])) as Record<DocumentFieldKey, string>,
    issueFields: Object.fromEntries(Object.keys(ISSUE_FIELDS).map((key) => [key, fieldLabelsIn(config.issue_unit)[key]!.label])) as Record<IssueFieldKey, string>,
    facets: SEARCH_FACET,
    searchMeta: SEARCH_META,
    contentRoot: corpus.root,
    issues,
    documents,
    byPublished,
    latest: byPublished[0] ?? null,
    years: [...new Set(issues.map((issue) => issue.year))].map((year) => ({ year, url: `/${year}/`, issues: issues.filter((issue) => issue.year === year) })),
    issuers,
    types,
    sections,
    browse,
    groupPages: browse.flatMap(({ groups: list, ...kind }) => list.map((group) => ({ ...group, browse: kind }))),
    aliases,
    pages: { documents, documentJson: documents, aliases, issues, printIssues: issues },
    registerPages: registration ? [{ url: REGISTER_URL, documents: register }] : [],
    problems,
    today,
    todayText: formatChineseDate(today),
    signingKey: null,
    examples: contentExamples(corpus.config, corpusExampleSource(corpus)),
  };
}

/**
 * What is new on the site is what was published last: issues by 出版日期, newest first, the same day the later issue
 * address first (a 出版日期 is fixed-width, so one key orders by both). A document is new when its issue is, whatever
 * its 成文日期.
 */
export function issuesByPublished(issues: readonly IssueView[]): IssueView[] {
  return [...issues].sort(byNewest((issue) => `${issue.published} ${issue.key}`));
}

/** The 规范性文件目录's page. */
const REGISTER_URL = '/register/';

function facet(kind: BrowseKindName, item: { name: string; slug: string }): Facet {
  return { name: item.name, slug: item.slug, url: browseUrl(kind, item.slug) };
}

function groups(facets: Facet[], documents: DocumentView[], keys: (document: DocumentView) => string[]): Group[] {
  return facets
    .map((item) => ({ ...item, documents: documents.filter((document) => keys(document).includes(item.name)) }))
    .filter((group) => group.documents.length > 0);
}

function issueView(issue: LoadedIssue, unit: IssueUnit, pdf: boolean, view: (document: LoadedDocument, ref: IssueRef) => DocumentView): IssueView {
  const ref: IssueRef = {
    key: issue.key,
    folder: issue.folder,
    url: issueUrl(issue),
    label: issueLabel(issue.data, unit),
    totalLabel: totalLabel(issue.data.total_number, unit),
    pdf: pdf ? issuePdfUrl(issue.address) : null,
  };
  const documents = listedDocuments(issue).map((document) => view(document, ref));
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

interface ViewContext {
  config: GazetteConfig;
  today: string;
  ref: (docNumber: string) => DocumentRef;
}

function documentView(document: LoadedDocument, issue: IssueRef, body: RenderOutput | undefined, { config, today, ref }: ViewContext): DocumentView {
  const { data } = document;
  const url = documentUrl(document);
  // Without a 登记号 system the site names none (the validator reports a stray registration_code).
  const registrationCode = config.registration_prefix ? (data.registration_code ?? null) : null;
  const validity: ValidityRecord | null = carriesValidity(data, config.no_validity)
    ? {
        ...(data.valid_until ? { valid_until: data.valid_until } : {}),
        ...(data.effective ? { effective: data.effective } : {}),
        ...(data.status ? { status: data.status } : {}),
        ...(data.repealed_by ? { repealed: true } : {}),
        ...(data.amended_by?.length ? { amended: true } : {}),
      }
    : null;
  const status = validity ? validityStatus(validity, today) : null;
  const repealedBy = data.repealed_by ? ref(data.repealed_by) : null;
  const amendedBy = (data.amended_by ?? []).map(ref);
  const find = (items: { name: string; slug: string }[], name: string) => items.find((item) => item.name === name) ?? { name, slug: '' };
  const citations = body?.citations ?? [];
  return {
    slug: document.slug,
    url,
    aliases: [`/d/${document.slug}/`, ...(registrationCode ? [`/r/${registrationCode}/`] : [])],
    title: data.title,
    docNumber: data.doc_number,
    registrationCode,
    date: data.date,
    dateText: formatChineseDate(data.date),
    issuers: data.issuers,
    issuerFacets: data.issuers.map((name) => facet('issuers', find(config.issuers, name))),
    section: data.section,
    sectionFacet: facet('sections', find(config.sections, data.section)),
    type: data.type,
    typeFacet: facet('types', find(config.types, data.type)),
    page: data.page,
    validUntil: data.valid_until ?? null,
    validUntilText: data.valid_until ? formatChineseDate(data.valid_until) : null,
    effective: data.effective ?? null,
    effectiveText: data.effective ? formatChineseDate(data.effective) : null,
    validity,
    status,
    statusClass: status ? statusClass(status) : null,
    statusNotice: status ? statusNotice(status, data.valid_until ?? null, repealedBy, amendedBy) : null,
    citation: formatCitation({ issuers: data.issuers, title: data.title, docNumber: data.doc_number, page: data.page }, config.name, document.issueAddress),
    repealedBy,
    amendedBy,
    year: Number(data.date.slice(0, 4)),
    issue,
    html: body?.html ?? '',
    text: body?.text ?? '',
    outline: body?.outline ?? [],
    attachments: body?.attachments ?? [],
    cites: unique(
      // A document quoting its own 发文字号 cites nothing (the plugin made that an in-page link or plain text).
      citations.flatMap((citation) => (citation.target && citation.target.docNumber !== data.doc_number ? [citation.target.docNumber] : [])),
      (docNumber) => docNumber,
    ).map((docNumber) => {
      const cited = ref(docNumber);
      return { docNumber, url: cited.url!, title: cited.title! };
    }),
    // Not in the corpus: a 发文字号 with no document of that number (its own number is in the corpus).
    references: unique(citations.filter((citation) => citation.kind === 'doc-number' && ref(citation.docNumber!).url === null).map((citation) => citation.docNumber!), (text) => text),
    citedBy: [],
    previous: null,
    next: null,
  };
}

/**
 * The notices of a document on the build date: 废止 or 已修改 (what replaced it), and 失效, now or (with an 有效期至 still
 * ahead, unless it is 废止) later. Null for one in force with no 有效期至, or without records.
 */
function statusNotice(status: DocumentStatus, validUntil: string | null, repealedBy: DocumentRef | null, amendedBy: DocumentRef[]): StatusNotice | null {
  const dated = (date: string | null) => ({ date, dateText: date ? formatChineseDate(date) : null });
  const by = status === '废止' ? (repealedBy ? [repealedBy] : []) : status === '已修改' ? amendedBy : null;
  const replaced = by ? { status, ...dated(by.map((document) => document.inForceFrom).find((day) => day !== null) ?? null), by } : null;
  const expired = status === '失效' ? { ...dated(validUntil), later: false } : validUntil && status !== '废止' ? { ...dated(validUntil), later: true } : null;
  return replaced || expired ? { replaced, expired } : null;
}

/** Fill every document's 被引用 list from the others' citations. */
function linkCitedBy(documents: DocumentView[]): void {
  const byUrl = new Map(documents.map((document) => [document.url, document]));
  for (const document of documents) {
    for (const cited of document.cites) byUrl.get(cited.url)?.citedBy.push(link(document)!);
  }
}

function unique<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}

function link(document: DocumentView | undefined): DocumentLink | null {
  return document ? { url: document.url, title: document.title, docNumber: document.docNumber } : null;
}
