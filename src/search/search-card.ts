// What search shows of a document (a result, an exact hit, a citing document): title, numbers, date, issuers, 时效性.
import { validityStatus, type DocumentStatus, type ValidityRecord } from '../gazette/validity.ts';
import type { DocumentView } from '../site/site-model.ts';

export interface SearchCard {
  /** site-root URL (`/2018/02/yzf-2018-3/`); the search page adds the path prefix */
  url: string;
  title: string;
  docNumber: string;
  /** only in a gazette with a 登记号 system, and only when the document has one */
  registrationCode?: string;
  dateText: string;
  issuers: string[];
  /** the records it is stated from, only those present (site-model `validity`): the page restates it for its reader's day */
  validity?: ValidityRecord;
}

/** The card of a document (its 登记号 is null in a gazette without a 登记号 system: see site-model). */
export function searchCard(document: DocumentView): SearchCard {
  return {
    url: document.url,
    title: document.title,
    docNumber: document.docNumber,
    ...(document.registrationCode ? { registrationCode: document.registrationCode } : {}),
    dateText: document.dateText,
    issuers: document.issuers,
    ...(document.validity ? { validity: document.validity } : {}),
  };
}

/** A card's status on `today` (YYYY-MM-DD): validityStatus of its records, as the document page restates its own. */
export function cardStatus(card: Pick<SearchCard, 'validity'>, today: string): DocumentStatus | null {
  return card.validity ? validityStatus(card.validity, today) : null;
}
