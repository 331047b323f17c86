// remark plugin: recognises the 落款 (issuing organ(s) + 成文日期) and keeps its lines, marked for right alignment.
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { addClass, hardenBreaks, paragraphLines } from './hard-breaks.ts';

const CHINESE_DATE = /^(?:\d{4}|[〇零一二三四五六七八九]{4})年\d{1,2}月\d{1,2}日$/;
const ORGAN = /^[\p{Script=Han}（）()·]{2,40}$/u;

/**
 * A paragraph whose last line is a Chinese date (2018年2月6日) and whose other lines are organ names
 * becomes `<p class="signature">` with its lines kept (GB/T 9704 §7.3.5: 落款 and 成文日期).
 */
export default function remarkSignature() {
  return (tree: Root) => {
    visit(tree, 'paragraph', (node) => {
      const lines = paragraphLines(node);
      if (lines.length < 2) return;
      const date = lines.at(-1)!;
      if (!CHINESE_DATE.test(date) || !lines.slice(0, -1).every((line) => ORGAN.test(line))) return;
      hardenBreaks(node);
      addClass(node, 'signature');
    });
  };
}
