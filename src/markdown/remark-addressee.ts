// remark plugin: marks the 主送机关 line (the body's first paragraph, ending in a colon) so it is set flush left.
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { addClass } from './hard-breaks.ts';
import { ADDRESSEE } from '../gazette/conventions.ts';


/** The first paragraph of a body, if it ends with ：and holds no sentence end, becomes `<p class="addressee">` (GB/T 9704 §7.3.2). */
export default function remarkAddressee() {
  return (tree: Root) => {
    const first = tree.children[0];
    if (first?.type !== 'paragraph') return;
    if (ADDRESSEE.test(toString(first).replace(/\s+/g, ''))) addClass(first, 'addressee');
  };
}
