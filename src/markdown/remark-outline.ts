// remark plugin: anchors the Chinese heading hierarchy (一、 （一） 1.) and the 附件 sections, and records the outline.
import type { Root, Paragraph, Heading, Emphasis, Text } from 'mdast';
import type { VFile } from 'vfile';
import { toString } from 'mdast-util-to-string';
import { addClass } from './hard-breaks.ts';
import { ATTACHMENT_LABEL, headingLevelOf } from '../gazette/conventions.ts';

/** One entry of a document's 本文目录. */
export interface OutlineEntry {
  id: string;
  /** 1 for 一、, 2 for （一） */
  depth: 1 | 2;
  text: string;
  /** the 附件 (attachment id) this heading belongs to, null for the main text */
  part: string | null;
}

/** An attachment (or the document a 印发 notice issues): a `##` section. */
export interface Attachment {
  id: string;
  title: string;
  /** the printed label above it (附件1), if any */
  label: string | null;
}


/**
 * `##` headings become `<h2 id="attachment-N">` and are listed in `file.data.attachments`; paragraphs opening with
 * 一、 or （一） get ids (`s2`, `s2-3`, or `attachment-1-s2` inside an attachment) and are listed in `file.data.outline`;
 * those opening with 1. under them get ids too (`s2-3-n1`), without an outline entry.
 * They also get the class `level-1` or `level-2`, so that the heading can be set as GB/T 9704-2012 §7.3.3 asks (first
 * level in 黑体, second in 楷体): a heading line alone gets `heading-line`; a run-in heading (一、严明政令规矩。各部门要…)
 * has its words up to the first 。 wrapped in `<span class="run-in">`.
 */
export default function remarkOutline() {
  return (tree: Root, file: VFile) => {
    const outline: OutlineEntry[] = [];
    const attachments: Attachment[] = [];
    let part: string | null = null;
    let level1 = 0;
    let level2 = 0;
    let level3 = 0;
    tree.children.forEach((node, index) => {
      if (node.type === 'heading' && node.depth === 2) {
        part = `attachment-${attachments.length + 1}`;
        const previous = tree.children[index - 1];
        const label = previous?.type === 'paragraph' && ATTACHMENT_LABEL.test(toString(previous).trim()) ? toString(previous).trim().replace(/[:：]$/, '') : null;
        attachments.push({ id: part, title: toString(node).trim(), label });
        setId(node, part);
        [level1, level2, level3] = [0, 0, 0];
        return;
      }
      if (node.type !== 'paragraph') return;
      const text = toString(node).trim();
      const prefix = part ? `${part}-` : '';
      const level = headingLevelOf(text);
      const depth = level === 1 ? 1 : level === 2 && level1 > 0 ? 2 : undefined;
      if (depth) {
        if (depth === 1) [level1, level2] = [level1 + 1, 0];
        else level2++;
        level3 = 0;
        const id = depth === 1 ? `${prefix}s${level1}` : `${prefix}s${level1}-${level2}`;
        setId(node, id);
        markHeading(node, depth, text);
        outline.push({ id, depth, text: headingText(text), part });
      } else if (level === 3 && level1 > 0) {
        // Third level (1.): an anchor under its heading (s2-3-n1, or s2-n1 without a （一）), not in the 本文目录.
        level3++;
        const id = `${prefix}s${level1}${level2 > 0 ? `-${level2}` : ''}-n${level3}`;
        setId(node, id);
        addClass(node, 'level-3');
      }
    });
    file.data.outline = outline;
    file.data.attachments = attachments;
  };
}

/** The end of a heading that runs into its paragraph: its first 。 or ：（（一）发文办理：从收文…）, with any closing
 *  quote or bracket right after it. */
const RUN_IN_END = /[。：][”’」』）)]*/u;

/** The heading part of a numbered paragraph, for the 本文目录: what the run-in span holds, without the 。 or ：
 *  (一、严明政令规矩。各部门要… → 一、严明政令规矩). */
function headingText(text: string): string {
  const end = RUN_IN_END.exec(text);
  const heading = end ? text.slice(0, end.index) : text;
  return heading.length > 60 ? `${heading.slice(0, 58)}…` : heading;
}
/** A line alone is a heading when short, unbroken and not an item of a list (…；  …，  …：). */
const HEADING_LINE_MAX = 40;
const LIST_ITEM_END = /[；;，,：:、]$/u;

function markHeading(node: Paragraph, depth: 1 | 2, text: string): void {
  addClass(node, `level-${depth}`);
  const end = RUN_IN_END.exec(text);
  if (!end || end.index + end[0].length === text.length) {
    const alone = text.length <= HEADING_LINE_MAX && !LIST_ITEM_END.test(text) && !node.children.some((child) => child.type === 'break');
    if (alone) addClass(node, 'heading-line');
    return;
  }
  // Run-in: split the first text node after its 。 (when the 。 lies further on, the class alone marks the level).
  const first = node.children[0];
  const match = first?.type === 'text' ? RUN_IN_END.exec(first.value) : null;
  if (first?.type !== 'text' || !match) return;
  const cut = match.index + match[0].length;
  const head: Text = { type: 'text', value: first.value.slice(0, cut) };
  const rest = first.value.slice(cut);
  // An emphasis node renamed to <span>: mdast has no span, and remark-rehype honours data.hName.
  const runIn: Emphasis = { type: 'emphasis', children: [head], data: { hName: 'span', hProperties: { className: ['run-in'] } } };
  node.children.splice(0, 1, runIn, ...(rest ? [{ type: 'text', value: rest } satisfies Text] : []));
}

function setId(node: Paragraph | Heading, id: string): void {
  node.data ??= {};
  node.data.hProperties ??= {};
  node.data.hProperties.id = id;
  if (node.type === 'heading') addClass(node, 'attachment-title');
}
