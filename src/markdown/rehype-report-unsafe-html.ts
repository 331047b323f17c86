// rehype plugin: reports, at its line, raw HTML that the sanitizer will remove (elements, event handlers, unsafe URLs).
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import type { Options as Schema } from 'rehype-sanitize';
import { report } from '../content/rules.ts';

export interface Options {
  /** the sanitize schema that runs next */
  schema: Schema;
}

const SAFE_PROTOCOL = /^(?:https?:|mailto:|tel:|#|\/|\.{0,2}\/|[^:]*$)/i;

/**
 * Warn (`unsafe-html`) for every element outside `schema.tagNames`, every attribute outside `schema.attributes`,
 * and every `javascript:`-style URL, so an editor learns that part of the input is not published.
 */
export default function rehypeReportUnsafeHtml(options: Options) {
  const tags = new Set(options.schema.tagNames ?? []);
  const strip = new Set(options.schema.strip ?? []);
  const attributes = options.schema.attributes ?? {};
  const allowedAttribute = (tag: string, name: string) =>
    [...(attributes[tag] ?? []), ...(attributes['*'] ?? [])].some((entry) => (Array.isArray(entry) ? entry[0] : entry) === name);

  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node: Element) => {
      const place = node.position;
      if (!tags.has(node.tagName)) {
        const what = strip.has(node.tagName) ? '元素及其内容' : '元素';
        warn(file, `已移除不允许的 HTML ${what} <${node.tagName}>：正文只能使用 Markdown 和表格等安全的 HTML，请删除它`, place);
        return;
      }
      for (const [name, value] of Object.entries(node.properties ?? {})) {
        const attribute = name === 'className' ? 'class' : name.toLowerCase();
        if ((name === 'href' || name === 'src') && typeof value === 'string' && !SAFE_PROTOCOL.test(value.trim())) {
          warn(file, `已移除 <${node.tagName}> 中不安全的链接 ${value.slice(0, 40)}：只允许 http(s)、mailto 和站内链接`, place);
        } else if (!allowedAttribute(node.tagName, name)) {
          warn(file, `已移除 <${node.tagName}> 的属性 ${attribute}：脚本、样式等属性不会发布，请删除它`, place);
        }
      }
    });
  };
}

function warn(file: VFile, reason: string, place: Element['position']): void {
  report(file, reason, place, 'unsafe-html', 'warning');
}
