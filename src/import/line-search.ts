// Finding lines by index in the extracted text: the nearest line with text, skipping removed lines.
import type { RawLine } from './line-patterns.ts';

/** The nearest line with text before (`step` -1) or after (1) `index`, skipping the lines in `skip`, at most `limit` lines away. */
export function nearestTextLine(lines: readonly RawLine[], index: number, step: 1 | -1, skip: ReadonlyMap<number, unknown>, limit = Infinity): RawLine | undefined {
  for (let at = index + step, seen = 0; at >= 0 && at < lines.length && seen < limit; at += step, seen++) {
    if (!skip.has(at) && lines[at]!.text) return lines[at];
  }
  return undefined;
}
