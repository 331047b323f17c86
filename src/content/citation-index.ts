// What citations can point to: every 发文字号 and every document or attachment title in the corpus, with its URL.
import { createHash } from 'node:crypto';
import type { Corpus, LoadedDocument } from './load-corpus.ts';
import { titleKey } from '../gazette/titles.ts';

export interface CitationTarget {
  url: string;
  title: string;
  docNumber: string;
}

export interface CitationIndex {
  numbers: Map<string, CitationTarget>;
  titles: Map<string, CitationTarget>;
  /** content hash of the index: part of every render cache key, since links depend on it */
  key: string;
}

const ATTACHMENT_HEADING = /^##[ \t]+(.+?)[ \t#]*$/gm;

/** `## ` headings of a body, in order: the attachments (ids attachment-1, -2, … as remark-outline gives them). */
export function attachmentTitles(body: string): string[] {
  if (!body.includes('##')) return []; // most bodies: no need to run the pattern over them
  return [...body.matchAll(ATTACHMENT_HEADING)].map((match) => match[1]!.trim());
}

export function buildCitationIndex(corpus: Corpus, urlOf: (document: LoadedDocument) => string): CitationIndex {
  const numbers = new Map<string, CitationTarget>();
  const titles = new Map<string, CitationTarget>();
  for (const document of corpus.documents) {
    const url = urlOf(document);
    const target = { url, title: document.data.title, docNumber: document.data.doc_number };
    numbers.set(document.data.doc_number, target);
    titles.set(titleKey(document.data.title), target);
    attachmentTitles(document.body).forEach((title, index) => {
      const key = titleKey(title);
      if (!titles.has(key)) titles.set(key, { url: `${url}#attachment-${index + 1}`, title, docNumber: document.data.doc_number });
    });
  }
  const key = createHash('sha256').update(JSON.stringify([[...numbers], [...titles]])).digest('hex').slice(0, 16);
  return { numbers, titles, key };
}
