// remark plugin: keeps the lines of the 附件说明 (附件：1.… 2.…) before the 落款, as printed.
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { addClass, hardenBreaks, paragraphLines } from './hard-breaks.ts';
import { ATTACHMENT_LIST } from '../gazette/conventions.ts';

/** A paragraph starting with 附件： (or 附：) keeps its line breaks and becomes `<p class="attachment-list">` (GB/T 9704 §7.3.4). */
export default function remarkAttachmentList() {
  return (tree: Root) => {
    visit(tree, 'paragraph', (node) => {
      const lines = paragraphLines(node);
      if (!ATTACHMENT_LIST.test(lines[0] ?? '')) return;
      if (lines.length > 1) hardenBreaks(node);
      addClass(node, 'attachment-list');
    });
  };
}
