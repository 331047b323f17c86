// Feeds and crawler files from the model: Atom (/feed.xml, /issuers/<slug>/feed.xml), /sitemap.xml and /robots.txt.
// Every date comes from the content (出版日期), never from the build clock, so rebuilds are byte-identical.
import type { DocumentView, Group, SiteModel } from './site-model.ts';
import { absoluteUrl } from './format.ts';

/** How many documents a feed lists: those of the newest issues by 出版日期, in 目录 order within an issue. */
export const FEED_SIZE = 20;
/** How many characters of the text a feed entry's summary quotes. */
export const SUMMARY_CHARS = 120;

export const FEED_PATH = '/feed.xml';
export const SITEMAP_PATH = '/sitemap.xml';

/** Site path of an issuer's feed: `/issuers/yzszf/feed.xml`. */
export function issuerFeedPath(group: Pick<Group, 'url'>): string {
  return `${group.url}feed.xml`;
}

/**
 * A day of the gazette (written in China time) as an RFC 3339 timestamp: `2018-02-01` → `2018-02-01T00:00:00+08:00`.
 * The same on every machine and in every time zone.
 */
export function rfc3339(day: string): string {
  return `${day}T00:00:00+08:00`;
}

/** A feed's entries: each document with its issue's 出版日期, newest issue first, 目录 order within an issue. */
export interface FeedEntry {
  document: DocumentView;
  /** the 出版日期 of the document's issue (YYYY-MM-DD) */
  published: string;
}

/** The documents of `model`'s issues (all, or those `include` keeps) as feed entries, newest 出版日期 first. */
export function feedEntries(model: Pick<SiteModel, 'byPublished'>, include: (document: DocumentView) => boolean = () => true): FeedEntry[] {
  return model.byPublished.flatMap((issue) =>
    issue.documents.filter(include).map((document) => ({ document, published: issue.published })),
  );
}

/** `永政发〔2018〕3号 · 永州市人民政府 · 2018年2月1日`, then the first SUMMARY_CHARS characters of the text. */
export function entrySummary(document: DocumentView): string {
  const heading = [document.docNumber, document.issuers.join('、'), document.dateText].join(' · ');
  // Paragraph breaks between Chinese text (or its punctuation) vanish, as in print; elsewhere whitespace becomes one space.
  const flat = document.text.trim().replace(/(?<=[\p{Script=Han}\p{P}])\s+(?=[\p{Script=Han}\p{P}])/gu, '').replace(/\s+/g, ' ');
  const chars = Array.from(flat);
  const excerpt = chars.length > SUMMARY_CHARS ? `${chars.slice(0, SUMMARY_CHARS).join('').trimEnd()}…` : chars.join('');
  return excerpt ? `${heading}\n${excerpt}` : heading;
}

/** The site's feed: the documents of the newest issues of the whole gazette. */
export function siteFeed(model: SiteModel): string {
  return atom(model, {
    path: FEED_PATH,
    title: `${model.config.name}：最新文件`,
    page: '/',
    entries: feedEntries(model),
  });
}

/** One 发文机关's feed: its documents in the newest issues that have any. */
export function issuerFeed(model: SiteModel, group: Group): string {
  const own = new Set(group.documents.map((document) => document.url));
  return atom(model, {
    path: issuerFeedPath(group),
    title: `${model.config.name}：${group.name}`,
    page: group.url,
    entries: feedEntries(model, (document) => own.has(document.url)),
  });
}

interface FeedSpec {
  path: string;
  title: string;
  /** the HTML page the feed follows */
  page: string;
  /** newest first */
  entries: FeedEntry[];
}

/** An Atom feed: the feed and each entry are dated by 出版日期 (an entry by its issue's), the newest entry's for the feed. */
function atom(model: SiteModel, spec: FeedSpec): string {
  const url = (sitePath: string) => absoluteUrl(model.config, sitePath);
  const entries = spec.entries.slice(0, FEED_SIZE);
  const updated = entries[0]?.published ?? model.latest?.published ?? '1970-01-01';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <title>${xmlText(spec.title)}</title>`,
    `  <subtitle>${xmlText(model.config.description)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlAttribute(url(spec.path))}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlAttribute(url(spec.page))}"/>`,
    `  <id>${xmlText(url(spec.path))}</id>`,
    `  <updated>${rfc3339(updated)}</updated>`,
    `  <author><name>${xmlText(model.config.publisher)}</name></author>`,
  ];
  for (const { document, published } of entries) {
    lines.push(
      '  <entry>',
      `    <title>${xmlText(document.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlAttribute(url(document.url))}"/>`,
      `    <id>${xmlText(url(document.url))}</id>`,
      `    <updated>${rfc3339(published)}</updated>`,
      ...document.issuers.map((issuer) => `    <author><name>${xmlText(issuer)}</name></author>`),
      `    <category term="${xmlAttribute(document.type)}"/>`,
      `    <summary type="text">${xmlText(entrySummary(document))}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>');
  return `${lines.join('\n')}\n`;
}

export interface SitemapEntry {
  /** site path */
  path: string;
  /** the newest 出版日期 among the issues whose documents the page shows (YYYY-MM-DD), if any */
  lastmod: string | null;
}

/**
 * Every HTML page worth indexing, from the model: home, search, the archive and year pages, issues, documents, the
 * browse pages and the 规范性文件目录 (when the gazette has 登记号). Not listed: 404, the alias redirects (/d/…, /r/…) and the issue print views,
 * which repeat the documents' text.
 *
 * A page's lastmod is the newest 出版日期 of the issues it draws on. A document page also shows who cites, amends or
 * repeals it, so a later issue that does counts for it too.
 */
export function sitemapEntries(model: SiteModel): SitemapEntry[] {
  const issuePublished = new Map(model.issues.map((issue) => [issue.key, issue.published]));
  const published = new Map(model.documents.map((document) => [document.url, issuePublished.get(document.issue.key)]));
  const newest = (dates: (string | null | undefined)[]) => dates.filter((date): date is string => Boolean(date)).sort().at(-1) ?? null;
  const listing = (documents: DocumentView[]) => newest(documents.map((document) => published.get(document.url)));
  const documentLastmod = (document: DocumentView) =>
    newest([
      published.get(document.url),
      ...document.citedBy.map((link) => published.get(link.url)),
      ...[document.repealedBy, ...document.amendedBy].map((ref) => (ref?.url ? published.get(ref.url) : null)),
    ]);
  const everything = newest(model.issues.map((issue) => issue.published));
  const browse = model.browse.flatMap((kind) => [
    { path: kind.url, lastmod: everything },
    ...kind.groups.map((group) => ({ path: group.url, lastmod: listing(group.documents) })),
  ]);
  return [
    { path: '/', lastmod: everything },
    { path: '/search/', lastmod: null },
    { path: '/verify/', lastmod: null },
    { path: '/archive/', lastmod: everything },
    ...model.years.map((year) => ({ path: year.url, lastmod: newest(year.issues.map((issue) => issue.published)) })),
    ...model.issues.map((issue) => ({ path: issue.url, lastmod: issue.published })),
    ...model.documents.map((document) => ({ path: document.url, lastmod: documentLastmod(document) })),
    ...browse,
    ...model.registerPages.map((page) => ({ path: page.url, lastmod: listing(page.documents) })),
  ];
}

export function sitemap(model: SiteModel): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const entry of sitemapEntries(model)) {
    const lastmod = entry.lastmod ? `<lastmod>${entry.lastmod}</lastmod>` : '';
    lines.push(`  <url><loc>${xmlText(absoluteUrl(model.config, entry.path))}</loc>${lastmod}</url>`);
  }
  lines.push('</urlset>');
  return `${lines.join('\n')}\n`;
}

/** /robots.txt: everything may be crawled; the sitemap's absolute URL. */
export function robots(model: SiteModel): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(model.config, SITEMAP_PATH)}\n`;
}

// Characters XML 1.0 cannot carry at all (C0 controls other than tab/newline/CR, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escape character data. */
function xmlText(value: string): string {
  return value.replace(NOT_XML, '').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Escape a double-quoted attribute value. */
function xmlAttribute(value: string): string {
  return xmlText(value).replaceAll('"', '&quot;');
}
