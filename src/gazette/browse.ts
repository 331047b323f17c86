// The ways of browsing (发文机关 / 文种 / 栏目, with their URLs) and the search facets and result fields, named once for the site model, the templates and the search page.

/** The search facets (`data-pagefind-filter` names), by role. */
export const SEARCH_FACET = { year: '年份', issuer: '发文机关', type: '文种', section: '栏目', status: '时效性' } as const;

/** The facets in the order the search page shows them. */
export const SEARCH_FACETS = [SEARCH_FACET.year, SEARCH_FACET.issuer, SEARCH_FACET.type, SEARCH_FACET.section, SEARCH_FACET.status] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

/** The sort key a document page gives the search page (`data-pagefind-sort`): its 成文日期. */
export const SEARCH_SORT_DATE = 'date';

/** The result fields a document page gives the search page (`data-pagefind-meta` names), by role. */
export const SEARCH_META = { docNumber: '发文字号', registrationCode: '登记号', issuers: '发文机关', date: '成文日期' } as const;

/** The three ways of browsing: each a 发文机关 / 文种 / 栏目 page per configured item, under its own URL. */
export const BROWSE_KINDS = [
  { kind: 'issuers', label: SEARCH_FACET.issuer, url: '/issuers/' },
  { kind: 'types', label: SEARCH_FACET.type, url: '/types/' },
  { kind: 'sections', label: SEARCH_FACET.section, url: '/sections/' },
] as const;
export type BrowseKindName = (typeof BROWSE_KINDS)[number]['kind'];

/** The page of one item of a way of browsing: `/issuers/yzszf/`. */
export function browseUrl(kind: BrowseKindName, slug: string): string {
  return `/${kind}/${slug}/`;
}
