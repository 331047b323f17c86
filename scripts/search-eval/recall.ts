// Runs a query set against one served bundle and scores it: the rank of the expected document, recall@1 and @3 per kind.
import type { Browser } from 'playwright-core';
import { openPage, searchInPage, type BundleSetup, type QueryOutcome } from './browser.ts';
import type { EvalQuery, QueryKind } from './queries.ts';

export const TOP = 3;

export interface ScoredQuery extends EvalQuery {
  /** 1-based rank of the expected document among the first TOP results; undefined when not there */
  rank: number | undefined;
  total: number;
  /** 发文字号 of the first result ('' if none) */
  first: string;
}

export interface RecallScore {
  kind: QueryKind;
  queries: number;
  at1: number;
  at3: number;
}

/** Run every query in one page (one Pagefind init) and score it. */
export async function evaluateRecall(browser: Browser, origin: string, setup: BundleSetup, queries: EvalQuery[]): Promise<ScoredQuery[]> {
  const { page, close } = await openPage(browser, origin);
  try {
    const outcomes = await searchInPage(page, setup, queries.map((query) => query.query), TOP);
    return queries.map((query, index) => score(query, outcomes[index]));
  } finally {
    await close();
  }
}

function score(query: EvalQuery, outcome: QueryOutcome | undefined): ScoredQuery {
  const position = outcome?.top.findIndex((result) => result.docNumber === query.expect) ?? -1;
  return { ...query, rank: position < 0 ? undefined : position + 1, total: outcome?.total ?? 0, first: outcome?.top[0]?.docNumber ?? '' };
}

export function recallScores(scored: ScoredQuery[]): RecallScore[] {
  const kinds: QueryKind[] = ['word', 'number'];
  return kinds.map((kind) => {
    const ofKind = scored.filter((query) => query.kind === kind);
    return {
      kind,
      queries: ofKind.length,
      at1: ofKind.filter((query) => query.rank === 1).length,
      at3: ofKind.filter((query) => query.rank !== undefined && query.rank <= TOP).length,
    };
  });
}

/** One line per query not ranked first: `query → expected, got first (n results)`. */
export function failureLines(scored: ScoredQuery[]): string[] {
  return scored
    .filter((query) => query.rank !== 1)
    .map((query) => {
      const where = query.rank === undefined ? `not in top ${TOP}` : `rank ${query.rank}`;
      const first = query.total === 0 ? 'no results' : `first ${query.first || '(no 发文字号)'}, ${query.total} results`;
      return `${query.kind.padEnd(6)} ${query.query} → ${query.expect}: ${where} (${first})`;
    });
}
