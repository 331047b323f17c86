// Turns the soft line breaks of one paragraph into hard breaks, for blocks whose lines are meaningful (落款, 附件说明).
import type { Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** The lines of a paragraph's plain text. */
export function paragraphLines(paragraph: Paragraph): string[] {
  return toString(paragraph).split('\n').map((line) => line.trim());
}

/** Split every text child at its newlines and put `break` nodes between the pieces. */
export function hardenBreaks(paragraph: Paragraph): void {
  const children: PhrasingContent[] = [];
  for (const child of paragraph.children) {
    if (child.type !== 'text' || !child.value.includes('\n')) {
      children.push(child);
      continue;
    }
    child.value.split('\n').forEach((piece, index) => {
      if (index > 0) children.push({ type: 'break' });
      const value = piece.trim();
      if (value) children.push({ type: 'text', value });
    });
  }
  paragraph.children = children;
}

/** Add a class to the element a node becomes. */
export function addClass(node: { data?: { hProperties?: Record<string, unknown> } }, className: string): void {
  node.data ??= {};
  node.data.hProperties ??= {};
  const existing = node.data.hProperties.className;
  node.data.hProperties.className = [...(Array.isArray(existing) ? existing : []), className];
}
