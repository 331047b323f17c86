// Writes the front matter of an issue or document file with the yaml Document API, in the layout of the committed content.
import { Document, isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { DocumentFrontMatter, IssueFrontMatter } from './schema.ts';

/** Comments to leave in the written front matter: one before the first key, and one at the end of a key's line. */
export interface FrontMatterComments {
  /** a comment line right after the opening `---` */
  top?: string;
  /** key → comment at the end of that key's line (`published: 2020-02-29 # …`) */
  lines?: Readonly<Record<string, string>>;
}

/** Short lists written on one line (`issuers: [永州市人民政府]`); other lists are written one item a line. */
const FLOW_KEYS = new Set(['issuers', 'amended_by', 'members']);

/** The issue file's front matter (`---` … `---\n`): empty 编辑委员会 and 封面声明 are left out, an empty 目录 is `[]`. */
export function issueFrontMatterText(issue: IssueFrontMatter, comments: FrontMatterComments = {}): string {
  const { editorial_board, statements, ...rest } = issue;
  return frontMatterText({ ...rest, ...(editorial_board.length > 0 ? { editorial_board } : {}), ...(statements.length > 0 ? { statements } : {}) }, comments);
}

/** A document file's front matter (`---` … `---\n`), fields in the order of the field table; absent ones left out. */
export function documentFrontMatterText(data: DocumentFrontMatter, comments: FrontMatterComments = {}): string {
  return frontMatterText(data, comments);
}

/** Any front matter: keys in the object's order, undefined values left out, strings quoted only when they must be. */
export function frontMatterText(data: Readonly<Record<string, unknown>>, comments: FrontMatterComments = {}): string {
  const defined = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
  const doc = new Document(defined);
  markFlow(doc.contents);
  if (isMap(doc.contents)) {
    const first = doc.contents.items[0];
    if (comments.top && first && isScalar(first.key)) first.key.commentBefore = ` ${comments.top}`;
    for (const [key, comment] of Object.entries(comments.lines ?? {})) {
      const node = doc.contents.get(key, true) as Scalar | Node | undefined;
      if (node) node.comment = ` ${comment}`;
    }
  }
  return `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n`;
}

/** Sequences under FLOW_KEYS become flow sequences, at any depth. */
function markFlow(node: unknown): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isSeq(pair.value) && isScalar(pair.key) && FLOW_KEYS.has(String(pair.key.value))) pair.value.flow = true;
      markFlow(pair.value);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) markFlow(item);
  }
}
