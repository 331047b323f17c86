// rehype plugin: wraps each table in a focusable, labelled scroll box, so wide tables scroll on phones (and by keyboard).
import type { Element, Root } from 'hast';
import { visit, SKIP } from 'unist-util-visit';

/**
 * `<table>` → `<div class="table-scroll" role="region" tabindex="0" aria-label="表格N">…</div>`. Runs after the
 * sanitizer: the wrapper is ours, not the editor's.
 */
export default function rehypeTableScroll() {
  return (tree: Root) => {
    let count = 0;
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      count++;
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: `表格${count}` },
        children: [node],
      };
      parent.children[index] = wrapper;
      return SKIP;
    });
  };
}
