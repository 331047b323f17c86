// remark plugin: recognises the 落款 (issuing organ(s) + 成文日期) and keeps its lines, marked for right alignment.
import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { addClass, hardenBreaks, paragraphLines } from './hard-breaks.ts';
import { CHINESE_DATE, ORGAN_NAME, looksLikeOrgan } from '../gazette/conventions.ts';
import { report } from '../content/rules.ts';

/**
 * A paragraph whose last line is a Chinese date (2018年2月6日) and whose other lines are organ names
 * becomes `<p class="signature">` with its lines kept (GB/T 9704 §7.3.5: 落款 and 成文日期).
 *
 * A 落款 pasted with blank lines between its lines (永州市人民政府 / blank / 2018年2月1日) would be separate body
 * paragraphs: it is warned about (`signature-split`, at its first line, with the fix) and rendered as one 落款.
 */
export default function remarkSignature() {
  return (tree: Root, file: VFile) => {
    joinSplitSignatures(tree, file);
    visit(tree, 'paragraph', (node) => {
      const lines = paragraphLines(node);
      if (lines.length < 2 || !isSignature(lines)) return;
      hardenBreaks(node);
      addClass(node, 'signature');
    });
  };
}

/** Organ lines, then the 成文日期 as the last line. */
function isSignature(lines: string[]): boolean {
  return CHINESE_DATE.test(lines.at(-1)!) && lines.slice(0, -1).every((line) => ORGAN_NAME.test(line));
}

/**
 * Runs of top-level paragraphs that are a 落款 split by blank lines: paragraphs of organ names only, then a paragraph
 * ending with the 成文日期. Each run becomes one paragraph.
 */
function joinSplitSignatures(tree: Root, file: VFile): void {
  const children = tree.children;
  for (let start = 0; start < children.length; start++) {
    // The run starts with a line that looks like an organ (…人民政府), so 特此通知 before it is left alone; the other
    // organs of a joint 落款 (永州军分区) need only be names.
    if (!organsOnly(children[start], looksLikeOrgan)) continue;
    let end = start + 1;
    while (organsOnly(children[end], (line) => ORGAN_NAME.test(line))) end++;
    const last = children[end];
    if (last?.type !== 'paragraph' || !isSignature(paragraphLines(last))) continue;
    const run = children.slice(start, end + 1) as Paragraph[];
    const lines = run.flatMap(paragraphLines);
    report(
      file,
      `落款被空行分开（${lines.join(' / ')}）：落款的发文机关和成文日期之间不应有空行，请删去空行，使其连续成行`,
      run[0]!.position?.start,
      'signature-split',
      'warning',
    );
    const joined: Paragraph = {
      type: 'paragraph',
      children: run.flatMap((paragraph, index): PhrasingContent[] => [...(index > 0 ? [{ type: 'text', value: '\n' } as const] : []), ...paragraph.children]),
      ...(run[0]!.position && last.position ? { position: { start: run[0]!.position.start, end: last.position.end } } : {}),
    };
    children.splice(start, run.length, joined);
  }
}

function organsOnly(node: RootContent | undefined, organ: (line: string) => boolean): boolean {
  return node?.type === 'paragraph' && paragraphLines(node).every(organ);
}
