// What search shows of a document (a result, an exact hit, a citing document): title, numbers, date, issuers, 时效性.
import { validityStatus, type DocumentStatus } from '../gazette/validity.ts';
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
  /** 时效性 as of the build date; null for a document that carries none (config `no_validity`) */
  status: DocumentStatus | null;
  /** 有效期至 and 施行日期 (YYYY-MM-DD) when recorded: the status turns on them, so the page restates it for its reader's day */
  validUntil?: string;
  effective?: string;
}

/** The card of a document (`registration`: the gazette has a 登记号 system). */
export function searchCard(document: DocumentView, registration: boolean): SearchCard {
  return {
    url: document.url,
    title: document.title,
    docNumber: document.docNumber,
    ...(registration && document.registrationCode ? { registrationCode: document.registrationCode } : {}),
    dateText: document.dateText,
    issuers: document.issuers,
    status: document.status,
    ...(document.validUntil ? { validUntil: document.validUntil } : {}),
    ...(document.effective ? { effective: document.effective } : {}),
  };
}

/**
 * A card's status on `today` (YYYY-MM-DD), as the document page restates its own: only the dates move a status (失效
 * once 有效期至 has passed, 有效 once 施行日期 has come); 废止, 已修改 and a recorded 有效 or 失效 stand as built.
 */
export function cardStatus(card: Pick<SearchCard, 'status' | 'validUntil' | 'effective'>, today: string): DocumentStatus | null {
  const built = card.status;
  if (!built) return null;
  return validityStatus(
    {
      valid_until: card.validUntil ?? null,
      effective: card.effective ?? null,
      status: built === '有效' || built === '失效' ? built : null,
      repealed: built === '废止',
      amended: built === '已修改',
    },
    today,
  );
}
