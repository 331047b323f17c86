// Namespaces the anchors of a rendered document body, so several documents can share one page (the issue print view).

/**
 * Prefix every `id="…"`, in-page `href="#…"` and `aria-describedby="…"` (footnotes) of `html` with `prefix-`. The HTML
 * comes from our own sanitized pipeline, whose ids are plain ASCII anchors (s1-2, attachment-1, user-content-fn-1), so
 * a pattern over attributes is exact here.
 */
export function prefixIds(html: string, prefix: string): string {
  return html
    .replace(/ id="([^"]+)"/g, ` id="${prefix}-$1"`)
    .replace(/ href="#([^"]+)"/g, ` href="#${prefix}-$1"`)
    .replace(/ aria-describedby="([^"]+)"/g, ` aria-describedby="${prefix}-$1"`);
}
