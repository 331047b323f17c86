// remark plugin: a soft line break between Chinese characters disappears instead of becoming a space.
import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { isWide } from './cjk.ts';

/**
 * Remove soft line breaks (and the spaces around them) inside paragraphs when the character before or after is
 * wide (CJK), as CSS Text 3 does for Chinese; a break between two Latin words stays, as a space.
 * Hard breaks (`break` nodes) are untouched.
 */
export default function remarkCjkBreaks() {
  return (tree: Root) => {
    visit(tree, 'text', (node: Text) => {
      if (!node.value.includes('\n')) return;
      node.value = node.value.replace(/[ \t]*\n[ \t]*/g, (match, offset: number, whole: string) => {
        const before = whole[offset - 1];
        const after = whole[offset + match.length];
        return isWide(before) || isWide(after) ? '' : ' ';
      });
    });
  };
}
