// rehype plugin: keeps only the ids the gazette plugins gave (headings, 附件); raw HTML's id and name go, with a warning.
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { report } from '../content/rules.ts';
import type { Attachment, OutlineEntry } from './remark-outline.ts';

/**
 * The page's anchors (`#main`, `#s2`, `#attachment-1`) must be unique and ours: an id or name written in raw HTML
 * could take one of them, or clash with the page's own. So every `id` that remark-outline did not record (in
 * `file.data.outline`, `.attachments` and `.anchors`), and every `name`, is removed and reported (`unsafe-html`).
 * Runs after rehype-raw (which parses the raw HTML) and before the sanitizer.
 */
export default function rehypeOwnIds() {
  return (tree: Root, file: VFile) => {
    const outline = (file.data.outline as OutlineEntry[] | undefined) ?? [];
    const attachments = (file.data.attachments as Attachment[] | undefined) ?? [];
    const anchors = (file.data.anchors as string[] | undefined) ?? [];
    const ours = new Set([...outline.map((entry) => entry.id), ...attachments.map((attachment) => attachment.id), ...anchors]);
    const given = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      const properties = node.properties ?? {};
      const id = typeof properties.id === 'string' ? properties.id : undefined;
      if (id !== undefined && (!ours.has(id) || given.has(id) || !marked(node))) {
        delete properties.id;
        warn(file, `已移除 <${node.tagName}> 的 id="${id}"：页面的锚点由系统生成（标题、附件），正文中的 HTML 不能再设 id，请删除它`, node);
      } else if (id !== undefined) {
        given.add(id);
      }
      if (properties.name !== undefined) {
        warn(file, `已移除 <${node.tagName}> 的 name 属性：正文中的 HTML 不能设锚点名，请删除它`, node);
        delete properties.name;
      }
    });
  };
}

/** remark-outline's elements carry its classes as well as its ids (a raw `<p id="s1">` before the heading does not). */
function marked(node: Element): boolean {
  const classes = node.properties?.className;
  return Array.isArray(classes) && classes.some((name) => ['level-1', 'level-2', 'level-3', 'attachment-title'].includes(String(name)));
}

function warn(file: VFile, reason: string, node: Element): void {
  report(file, reason, node.position, 'unsafe-html', 'warning');
}
