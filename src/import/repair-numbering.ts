// Repairs reading order from the numbering: two-column lists read row by row, and items displaced into the next list.
import { markerOf, type MarkerStyle } from './line-patterns.ts';
import type { Block } from './classify-blocks.ts';
import { quote, type Notes } from './review-notes.ts';

interface Item {
  /** index of the block in the region */
  at: number;
  value: number;
}

function textOf(block: Block): string {
  return block.segs.map((seg) => seg.text).join('');
}

/** Each value follows the one before (+1), or numbering restarts at 1 (a new list under the next heading). */
function inSequence(values: number[]): boolean {
  return values.every((value, index) => index === 0 || value === values[index - 1]! + 1 || value === 1);
}

function consecutive(values: number[]): boolean {
  return values.every((value, index) => index === 0 || value === values[index - 1]! + 1);
}

/** The paragraph regions of a body: maximal runs of paragraph blocks, as [start, end) block indexes. */
function regions(blocks: Block[]): [number, number][] {
  const found: [number, number][] = [];
  let start = -1;
  blocks.forEach((block, index) => {
    if (block.kind === 'paragraph' && start < 0) start = index;
    if (block.kind !== 'paragraph' && start >= 0) {
      found.push([start, index]);
      start = -1;
    }
  });
  if (start >= 0) found.push([start, blocks.length]);
  return found;
}

function itemsOf(blocks: Block[], [start, end]: [number, number], style: MarkerStyle): Item[] {
  const items: Item[] = [];
  for (let at = start; at < end; at++) {
    const marker = markerOf(textOf(blocks[at]!));
    if (marker?.style === style) items.push({ at, value: marker.value });
  }
  return items;
}

function dominantStyle(blocks: Block[], [start, end]: [number, number]): MarkerStyle | undefined {
  const counts = new Map<MarkerStyle, number>();
  for (let at = start; at < end; at++) {
    const marker = markerOf(textOf(blocks[at]!));
    if (marker) counts.set(marker.style, (counts.get(marker.style) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= 3 ? best[0] : undefined;
}

/**
 * Look at every run of numbered paragraphs. When the numbers jump, try, in order:
 * - displaced items: a group numbered right after the previous list's last item (…18 | 1…5, 19, 20, 6…) goes back to
 *   the end of that list;
 * - two columns read row by row (1, 14, 2, 15 …): the items are put in number order, and an unnumbered fragment goes to
 *   the column the row-by-row alternation puts it in, appended to the item before it there (the first line of the
 *   right column continues the left column's last item).
 * Every repair is a warning for review; numbering that fits neither stays as it is, also with a warning.
 */
export function repairNumbering(input: Block[], notes: Notes): Block[] {
  let blocks = [...input];
  const last = new Map<MarkerStyle, { value: number; regionEnd: number }>();
  let unrepaired: (() => void)[] = [];
  for (let pass = 0; pass < 50; pass++) {
    let changed = false;
    unrepaired = [];
    last.clear();
    for (const region of regions(blocks)) {
      const style = dominantStyle(blocks, region);
      if (!style) continue;
      const items = itemsOf(blocks, region, style);
      const values = items.map((item) => item.value);
      if (!inSequence(values)) {
        const previous = last.get(style);
        const moved = previous ? moveDisplaced(blocks, items, previous, notes) : undefined;
        if (moved) {
          blocks = moved;
          changed = true;
          break;
        }
        const unzipped = unzipColumns(blocks, items, notes);
        if (unzipped) {
          blocks = unzipped;
          changed = true;
          break;
        }
        const jump = items.find((item, index) => index > 0 && item.value !== items[index - 1]!.value + 1 && item.value !== 1)!;
        const snapshot = blocks;
        unrepaired.push(() => notes.warn(snapshot[jump.at]!.segs[0]!.line, 'import-numbering', `编号不连续（${values.join('、')}）：可能是双栏排版或跨页的文字被抽取打乱了顺序，请对照印刷件核对这一段的顺序`));
      }
      if (items.length > 0) last.set(style, { value: items.at(-1)!.value, regionEnd: region[1] });
    }
    if (!changed) break;
  }
  for (const warn of unrepaired) warn();
  return blocks;
}

function moveDisplaced(blocks: Block[], items: Item[], previous: { value: number; regionEnd: number }, notes: Notes): Block[] | undefined {
  const first = items.findIndex((item) => item.value === previous.value + 1);
  if (first < 0) return undefined;
  let count = 1;
  while (items[first + count]?.value === previous.value + 1 + count) count++;
  const rest = [...items.slice(0, first), ...items.slice(first + count)].map((item) => item.value);
  if (!consecutive(rest) || rest.length === 0) return undefined;
  const from = items[first]!.at;
  const to = items[first + count - 1]!.at + 1;
  const group = blocks.slice(from, to);
  const after = blocks[to];
  if (after && after.kind === 'paragraph' && !markerOf(textOf(after))) after.segs[0] = { ...after.segs[0]!, gap: 'page' };
  const line = group[0]!.segs[0]!.line;
  notes.warn(
    line,
    'import-numbering',
    `第 ${previous.value + 1}${count > 1 ? `–${previous.value + count}` : ''} 条（${quote(textOf(group[0]!), 8)}）夹在另一组编号（${rest.join('、')}）中间，按编号接在上一组第 ${previous.value} 条之后：可能是跨页排版被抽取错位，请对照印刷件核对`,
  );
  const without = [...blocks.slice(0, from), ...blocks.slice(to)];
  const insertAt = previous.regionEnd;
  return [...without.slice(0, insertAt), ...group, ...without.slice(insertAt)];
}

function unzipColumns(blocks: Block[], items: Item[], notes: Notes): Block[] | undefined {
  const jump = items.findIndex((item, index) => index > 0 && item.value > items[index - 1]!.value + 1);
  if (jump < 0) return undefined;
  const split = items[jump]!.value;
  const left = items.filter((item) => item.value < split);
  const right = items.filter((item) => item.value >= split);
  if (!consecutive(left.map((item) => item.value)) || !consecutive(right.map((item) => item.value))) return undefined;
  if (right[0]!.value !== left.at(-1)!.value + 1 || right[0]!.at > left.at(-1)!.at) return undefined;
  const firstAt = items[0]!.at;
  const lastAt = items.at(-1)!.at;
  const column = new Map<number, 'L' | 'R'>();
  for (const item of left) column.set(item.at, 'L');
  for (const item of right) column.set(item.at, 'R');

  // Fragments between the first and the last item: the column the row-by-row reading puts them in.
  const uncertain: number[] = [];
  for (let at = firstAt; at <= lastAt; at++) {
    if (column.has(at)) continue;
    if (markerOf(textOf(blocks[at]!))) return undefined;
    const before = [...column].filter(([index]) => index < at).sort((a, b) => b[0] - a[0])[0]?.[1];
    const after = [...column].filter(([index]) => index > at).sort((a, b) => a[0] - b[0])[0]?.[1];
    if (before === after) column.set(at, before === 'L' ? 'R' : 'L');
    else {
      column.set(at, before ?? 'L');
      uncertain.push(at);
    }
  }
  const leftBlocks: Block[] = [];
  const rightBlocks: Block[] = [];
  const leading: Block[] = [];
  for (let at = firstAt; at <= lastAt; at++) {
    const block = blocks[at]!;
    const side = column.get(at)!;
    const target = side === 'L' ? leftBlocks : rightBlocks;
    if (markerOf(textOf(block))) target.push({ ...block, segs: [...block.segs] });
    else if (target.length > 0) target.at(-1)!.segs.push(...block.segs.map((seg) => ({ ...seg, gap: 'none' as const })));
    else leading.push(block);
  }
  for (const block of leading) leftBlocks.at(-1)!.segs.push(...block.segs.map((seg) => ({ ...seg, gap: 'none' as const })));
  const line = blocks[firstAt]!.segs[0]!.line;
  notes.warn(
    line,
    'import-numbering',
    `这组编号是双栏排版按行交错抽取的（左栏 ${left[0]!.value}–${left.at(-1)!.value}，右栏 ${right[0]!.value}–${right.at(-1)!.value}）：已按编号复原顺序，并把不带编号的半行接到所属条目之后，请对照印刷件核对`,
  );
  for (const at of uncertain) notes.warn(blocks[at]!.segs[0]!.line, 'import-numbering', `不能确定这半行属于哪一栏，接在了上一条之后：${quote(textOf(blocks[at]!))}，请核对`);
  return [...blocks.slice(0, firstAt), ...leftBlocks, ...rightBlocks, ...blocks.slice(lastAt + 1)];
}
