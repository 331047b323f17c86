// Renders one document body to HTML and plain text: a pure function of the file's text, cached by content hash.
import { createHash } from 'node:crypto';
import { VFile } from 'vfile';
import { toText } from 'hast-util-to-text';
import type { Root as HastRoot } from 'hast';
import { createProcessor, PIPELINE_VERSION } from './processor.ts';

export interface RenderInput {
  /** path for messages */
  path: string;
  /** Markdown body, front-matter lines blanked so positions are file positions */
  body: string;
}

export interface RenderMessage {
  reason: string;
  line: number | undefined;
  column: number | undefined;
  ruleId: string | undefined;
  source: string | undefined;
  fatal: boolean | null | undefined;
}

/** Everything here is plain data: it can be cached, stored as JSON, or sent from a worker. */
export interface RenderOutput {
  html: string;
  text: string;
  messages: RenderMessage[];
}

const processor = createProcessor();
const cache = new Map<string, RenderOutput>();

export function renderKey(input: RenderInput): string {
  return createHash('sha256').update(PIPELINE_VERSION).update('\0').update(input.path).update('\0').update(input.body).digest('hex');
}

/** Render a document body. Same input, same output: results are memoised by content hash. */
export function renderDocument(input: RenderInput): RenderOutput {
  const key = renderKey(input);
  const hit = cache.get(key);
  if (hit) return hit;
  const file = new VFile({ path: input.path, value: input.body });
  const tree = processor.runSync(processor.parse(file), file) as HastRoot;
  const output: RenderOutput = {
    html: processor.stringify(tree, file),
    text: toText(tree).trim(),
    messages: file.messages.map((message) => ({
      reason: message.reason,
      line: message.line,
      column: message.column,
      ruleId: message.ruleId,
      source: message.source,
      fatal: message.fatal,
    })),
  };
  cache.set(key, output);
  return output;
}
