// What Pagefind indexes of a document page, as a small HTML page built from the model (no rendered page needed).
import type { DocumentView, SiteModel } from '../site/site-model.ts';
import { searchCard, type SearchCard } from './search-card.ts';
import { SEARCH_SORT_DATE } from '../gazette/browse.ts';

/** One page for Pagefind: the URL its results link to, the HTML it indexes, and the card its results show. */
export interface SearchPage {
  url: string;
  html: string;
  /** written beside the index as the result's snippets (snippets.ts), so part of the shard's cache key */
  card: SearchCard;
}

/**
 * The indexed part of templates/_includes/layouts/document.njk, and only that: the `data-pagefind-body` article with
 * its weighted title and numbers, the body, and the hidden meta, filter and sort elements, in the page's order. The
 * parts the page marks `data-pagefind-ignore` (status, metadata block, 本文目录) and everything outside the article add
 * nothing to the index, so they are left out. tests/search/search-html.test.ts checks that Pagefind writes the same
 * bundle from these pages as from the built site.
 */
export function searchPage(document: DocumentView, model: Pick<SiteModel, 'facets' | 'searchMeta'>): SearchPage {
  const meta = model.searchMeta;
  const facet = model.facets;
  const hidden = (kind: 'meta' | 'filter' | 'sort', name: string, value: string) => `<span hidden data-pagefind-${kind}="${escape(`${name}:${value}`)}"></span>`;
  const parts = [
    '<html><body><article class="document" data-pagefind-body>',
    ...indexedHeader(document).map((text, position) => (position === 0 ? `<h1 data-pagefind-meta="title" data-pagefind-weight="10">${escape(text)}</h1>` : `<p data-pagefind-weight="8">${escape(text)}</p>`)),
    `<div class="document-body">${document.html}</div>`,
    hidden('meta', meta.docNumber, document.docNumber),
    document.registrationCode ? hidden('meta', meta.registrationCode, document.registrationCode) : '',
    hidden('meta', meta.issuers, document.issuers.join('、')),
    hidden('meta', meta.date, document.dateText),
    hidden('filter', facet.year, String(document.year)),
    ...document.issuers.map((issuer) => hidden('filter', facet.issuer, issuer)),
    hidden('filter', facet.type, document.type),
    hidden('filter', facet.section, document.section),
    document.status ? hidden('filter', facet.status, document.status) : '',
    hidden('sort', SEARCH_SORT_DATE, document.date),
    '</article></body></html>',
  ];
  return { url: document.url, html: parts.join(''), card: searchCard(document) };
}

/**
 * What an indexed page holds before its body, in order: the title, the 发文字号, and the 登记号 when there is one. The
 * result snippets (snippets.ts) find where the body starts after them.
 */
export function indexedHeader(fields: Pick<SearchCard, 'title' | 'docNumber'> & { registrationCode?: string | null }): string[] {
  return [fields.title, fields.docNumber, ...(fields.registrationCode ? [fields.registrationCode] : [])];
}

/** As Nunjucks autoescape writes text and attribute values. */
function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
