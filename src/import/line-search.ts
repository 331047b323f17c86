// Finding lines by index in the extracted text: the nearest line with text, and the first of a sorted list at or after a line.
import type { RawLine } from './line-patterns.ts';

/** The nearest line with text before (`step` -1) or after (1) `index`, skipping the lines in `skip`, at most `limit` lines away. */
export function nearestTextLine(lines: readonly RawLine[], index: number, step: 1 | -1, skip: ReadonlyMap<number, unknown>, limit = Infinity): RawLine | undefined {
  for (let at = index + step, seen = 0; at >= 0 && at < lines.length && seen < limit; at += step, seen++) {
    if (!skip.has(at) && lines[at]!.text) return lines[at];
  }
  return undefined;
}

/** The position in `items` (sorted by line index) of the first one at or after line `index`: `items.length` when none is. */
export function firstAtOrAfter(items: readonly { index: number }[], index: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (items[middle]!.index < index) low = middle + 1;
    else high = middle;
  }
  return low;
}
