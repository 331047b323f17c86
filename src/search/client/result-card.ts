// One search result on the page: title link, 时效性 badge (restated for the reader's day), numbers, date, issuers, excerpt.
import { statusClass, todayInChina } from '../../gazette/validity.ts';
import { cardStatus, type SearchCard } from '../search-card.ts';
import { markRanges } from '../search-terms.ts';

export interface CardOptions {
  /** the site's path prefix: card URLs are site-root URLs */
  base: string;
  /** the exact hit of a 发文字号/登记号 query */
  exact?: boolean;
  /** the query as typed, for the target page to highlight */
  highlight?: string;
  /** excerpt text and the words to mark in it */
  excerpt?: { text: string; words: readonly string[] };
  /** heading level of the title: 2, or 3 under 其他相关文件 */
  level?: 2 | 3;
}

/** A site-root URL (`/2018/02/x/`) under the site's path prefix `base`. */
export function siteHref(base: string, url: string): string {
  return `${base}${url.replace(/^\//, '')}`;
}

export function resultItem(card: SearchCard, options: CardOptions): HTMLElement {
  const href = `${siteHref(options.base, card.url)}${options.highlight ? `?highlight=${encodeURIComponent(options.highlight)}` : ''}`;
  const item = element('li', { class: options.exact ? 'result result--exact' : 'result' });
  const heading = element(`h${options.level ?? 2}`, { class: 'result__title' });
  heading.append(element('a', { href }, card.title));
  if (options.exact) heading.append(element('span', { class: 'result__badge' }, '精确匹配'));
  const details = element('p', { class: 'result__meta' });
  const status = cardStatus(card, todayInChina());
  if (status) details.append(element('span', { class: `status status--${statusClass(status)}` }, status), ' ');
  details.append([card.docNumber, card.registrationCode, card.dateText, card.issuers.join('、')].filter(Boolean).join(' · '));
  item.append(heading, details);
  if (options.excerpt) item.append(excerptElement(options.excerpt.text, options.excerpt.words));
  return item;
}

/** The excerpt as text with the query's words marked. */
function excerptElement(text: string, words: readonly string[]): HTMLElement {
  const paragraph = element('p', { class: 'result__excerpt' });
  let last = 0;
  for (const [start, end] of markRanges(text, words)) {
    paragraph.append(text.slice(last, start), element('mark', {}, text.slice(start, end)));
    last = end;
  }
  paragraph.append(text.slice(last));
  return paragraph;
}

export function element(tag: string, attributes: Record<string, string> = {}, text?: string): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}
