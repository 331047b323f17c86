// rehype plugin: raw HTML written in the Markdown cannot set ids or names; each one removed is reported at its line.
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { report } from '../content/rules.ts';

/**
 * The page's anchors (`#main`, `#s2`, `#attachment-1`, footnotes) are generated, so they are unique; an `id` or `name`
 * written in raw HTML could take one of them. Runs after rehype-raw: an element counts as raw HTML when the source
 * text at its start is its own tag (`<p …`); elements made from Markdown start at Markdown (`一、…`, `[^1]`).
 */
export default function rehypeOwnIds() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, 'element', (node: Element) => {
      const offset = node.position?.start.offset;
      if (offset === undefined || source.slice(offset, offset + node.tagName.length + 1).toLowerCase() !== `<${node.tagName}`) return;
      const properties = node.properties ?? {};
      for (const name of ['id', 'name'] as const) {
        if (properties[name] === undefined) continue;
        report(file, `已移除 <${node.tagName}> 的 ${name}="${String(properties[name])}"：页面的锚点由系统生成（标题、附件、注释），正文中的 HTML 不能再设 ${name}，请删除它`, node.position, 'unsafe-html', 'warning');
        delete properties[name];
      }
    });
  };
}
