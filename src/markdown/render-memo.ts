// The render memo of this process and the render cache's key and check: outputs by body hash, valid while the index answers the same.
import { LRUCache } from 'lru-cache';
import type { CitationIndex } from '../content/citation-index.ts';
import { issuerCodes, type CitationLookup, type CitationTarget } from './remark-citations.ts';
import { issuerCode } from '../gazette/doc-number.ts';
import type { RenderInput, RenderOutput } from './render-document.ts';
import { hashOf } from '../runtime/hash.ts';
import { pipelineVersion } from './pipeline-version.ts';

/**
 * Bounded, least recently used out first: a long `npm run dev` session re-renders after every save, and outputs for old
 * file versions must not pile up. It holds a whole large corpus. This module loads no part of the processor, so a check
 * whose every render is cached never loads it.
 */
const cache = new LRUCache<string, RenderOutput>({ max: 40_000 });

/**
 * The cache key of an input: pipeline version, path, URL and body. The citation index is not in it: an output keyed so
 * is valid only while the index answers its `lookups` the same (`answersSame`).
 */
export function renderKey(input: Omit<RenderInput, 'index'>): string {
  return hashOf(input.version ?? pipelineVersion(), input.path, input.url ?? '', input.body);
}

/** The memoised output for a `renderKey`, if there is one and `index` still answers as it did (render-pool.ts renders only the others). */
export function cachedRender(key: string, index: CitationIndex | undefined): RenderOutput | undefined {
  const hit = cache.get(key);
  return hit && answersSame(hit.lookups, index) ? hit : undefined;
}

const NO_TARGETS: ReadonlyMap<string, CitationTarget> = new Map();
const codesOfIndex = new WeakMap<CitationIndex, string[]>();

/** Whether `index` gives every answer a render recorded: the same target (or none) per key, the same 机关代字 per run. */
export function answersSame(lookups: readonly CitationLookup[], index: CitationIndex | undefined): boolean {
  if (!Array.isArray(lookups)) return false; // an entry of another shape is never served
  let codes = index ? codesOfIndex.get(index) : [];
  for (const [kind, key, answer] of lookups) {
    if (kind === 'code') {
      if (!codes) codesOfIndex.set(index!, (codes = issuerCodes(index!.numbers)));
      if (issuerCode(key, codes) !== answer) return false;
    } else if (!sameTarget((kind === 'number' ? (index?.numbers ?? NO_TARGETS) : (index?.titles ?? NO_TARGETS)).get(key), answer)) {
      return false;
    }
  }
  return true;
}

function sameTarget(now: CitationTarget | undefined, then: CitationTarget | null): boolean {
  if (!now || !then) return !now && !then;
  return now.url === then.url && now.title === then.title && now.docNumber === then.docNumber;
}

/** Drop every memoised output (tests: the next render reads the persistent cache, as a new process would). */
export function forgetRenders(): void {
  cache.clear();
}

/** Memoise an output rendered without `renderDocument` (in a worker thread, or by render-pool.ts) under its key. */
export function rememberRender(key: string, output: RenderOutput): void {
  cache.set(key, output);
}
