// Namespaces the anchors of a rendered document body, so several documents can share one page (the issue print view).
import { rewriteElements } from './rewrite-html.ts';

/**
 * Prefix every `id`, in-page `href="#…"` and `aria-describedby` id (footnotes) of `html` with `prefix-`, on its hast
 * tree.
 */
export function prefixIds(html: string, prefix: string): string {
  const prefixed = (id: string) => `${prefix}-${id}`;
  return rewriteElements(html, ({ properties }) => {
    if (typeof properties.id === 'string') properties.id = prefixed(properties.id);
    if (typeof properties.href === 'string' && properties.href.startsWith('#') && properties.href.length > 1) properties.href = `#${prefixed(properties.href.slice(1))}`;
    const described = properties.ariaDescribedBy;
    if (Array.isArray(described)) properties.ariaDescribedBy = described.map((id) => prefixed(String(id)));
  });
}
