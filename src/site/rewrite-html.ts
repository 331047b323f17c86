// Rewrite the elements of a finished HTML fragment on its hast tree (parse, visit, serialize), never with patterns over the text.
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';

/**
 * Parse `html` as a fragment, let `change` edit each element in place, and serialize it the way rehype-stringify does
 * (the bodies come from it, so an untouched body comes back byte for byte).
 */
export function rewriteElements(html: string, change: (element: Element) => void): string {
  const tree = fromHtml(html, { fragment: true });
  visit(tree, 'element', (element) => {
    change(element);
  });
  return toHtml(tree);
}
