// rehype plugin: raw HTML written in the Markdown cannot set ids or names; each one removed is reported at its line.
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { report } from '../content/rules.ts';
import { GENERATED_ID } from './rehype-mark-ids.ts';

/**
 * The page's anchors (`#main`, `#s2`, `#attachment-1`, footnotes) are generated, so they are unique; an `id` or `name`
 * written in raw HTML could take one of them. Runs after rehype-raw, with rehype-mark-ids before it: an `id` or `name`
 * present now came from raw HTML and is removed with a warning; the generated ids are then put back.
 */
export default function rehypeOwnIds() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node: Element) => {
      const properties = node.properties ?? {};
      for (const name of ['id', 'name'] as const) {
        if (properties[name] === undefined) continue;
        report(file, `已移除 <${node.tagName}> 的 ${name}="${String(properties[name])}"：页面的锚点由系统生成（标题、附件、注释），正文中的 HTML 不能再设 ${name}，请删除它`, node.position, 'unsafe-html', 'warning');
        delete properties[name];
      }
      const { [GENERATED_ID]: generated, ...rest } = properties;
      if (generated !== undefined) node.properties = { id: String(generated), ...rest }; // back in first place
    });
  };
}
