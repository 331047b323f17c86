// Rejoins paragraphs split by a page break or a wrapped line: a paragraph that stops mid-sentence continues in the next one.
import { CONTINUATION_START, endsSentence, endsSentenceStrictly, markerOf, SPACES, type MarkerStyle } from './line-patterns.ts';
import { ADDRESSEE } from '../gazette/conventions.ts';
import { joinLines } from './normalize-text.ts';
import type { Block } from './classify-blocks.ts';
import { head, tail, type Notes } from './review-notes.ts';

function textOf(block: Block): string {
  return joinLines(block.segs.map((seg) => seg.text));
}

/** For each marker style in a run of paragraphs: the share of its paragraphs that end a sentence. */
type Terminated = Map<MarkerStyle, number>;

function terminatedShares(blocks: Block[]): Terminated {
  const counts = new Map<MarkerStyle, [number, number]>();
  for (const block of blocks) {
    const text = textOf(block);
    const marker = markerOf(text);
    if (!marker) continue;
    const [ended, all] = counts.get(marker.style) ?? [0, 0];
    counts.set(marker.style, [ended + (endsSentence(text) ? 1 : 0), all + 1]);
  }
  return new Map([...counts].map(([style, [ended, all]]) => [style, ended / all]));
}

/**
 * A numbered heading (`一、深入实施就业优先战略`, `（一）指导思想`): a marker and a short text without sentence
 * punctuation; nothing continues it. Up to 8 characters it is always one; up to 24 when the other paragraphs numbered
 * the same way are headings too (most end without a full stop), not sentences. A short unnumbered line without any
 * punctuation is taken the same way.
 */
export function headingLike(text: string, terminated: Terminated = new Map()): boolean {
  const bare = text.replace(SPACES, '');
  const marker = markerOf(bare);
  if (marker) {
    const rest = [...bare.slice(marker.text.replace(SPACES, '').length)];
    if (/[，。；：,;:]/.test(rest.join(''))) return false;
    if (rest.length <= 8) return true;
    const share = terminated.get(marker.style) ?? 0;
    return rest.length <= (share >= 0.5 ? 16 : 24);
  }
  return [...bare].length <= 12 && !/[\p{P}]/u.test(bare);
}

type Decision = 'join' | 'keep' | 'unsure' | 'colon' | 'candidate';

/** A piece of a heading cut off by a page break (`二、评估内` | `容`): a few characters, no punctuation, no numbering. */
function headingTail(text: string): boolean {
  const bare = text.replace(SPACES, '');
  return [...bare].length <= 6 && !/[\p{P}]/u.test(bare) && !markerOf(bare);
}

function decide(before: Block, after: Block, terminated: Terminated, wraps: boolean): Decision {
  const a = textOf(before);
  const first = after.segs[0]!;
  const b = first.text;
  const page = first.gap === 'page';
  if (after.name) return 'keep';
  if (before.name) {
    const bare = b.replace(SPACES, '');
    return bare.length <= 10 && !/\s/.test(b.trim()) && !/[：:]$/.test(bare) && !markerOf(bare) ? 'join' : 'keep';
  }
  if (CONTINUATION_START.test(b)) return 'join';
  if (markerOf(b)) return /[，、,]$/.test(a) || (page && !endsSentence(a) && !headingLike(a, terminated)) ? 'unsure' : 'keep';
  if (wraps && first.gap === 'none') return 'join';
  // After a finished paragraph, a label of its own (组长：, 成　员：) starts a list: never the rest of the paragraph before.
  if (endsSentence(a) && /^[^。；，,;]{1,12}[：:]$/u.test(b.replace(SPACES, ''))) return 'keep';
  if (/[：:]$/.test(a)) return [...a].length > 20 ? 'colon' : page ? 'candidate' : 'keep';
  // After a page break the text goes on after a closing bracket or quote that ends no sentence (各县（区）| 人民政府…).
  if (page && !endsSentenceStrictly(a) && /[”’」』）》】〕)\]]$/u.test(a) && !headingLike(a, terminated)) return 'join';
  if (endsSentence(a)) return page && !endsSentenceStrictly(a) && !/[：:]$/.test(a) ? 'candidate' : 'keep';
  if (headingLike(a, terminated)) {
    // A heading cut by a page break: its last characters stand alone at the top of the next page.
    if (page && headingTail(b)) return 'join';
    return page && !markerOf(a) ? 'candidate' : 'keep';
  }
  return 'join';
}

/**
 * Join consecutive paragraph blocks that belong together; everything else passes through. `wraps`: the extraction
 * separates paragraphs by blank lines, so two lines with no blank between are one paragraph wrapped. Every page break
 * where the text before ends no sentence and the paragraphs were not joined is reported with its raw lines.
 */
export function joinParagraphs(blocks: Block[], notes: Notes, options: { wraps?: boolean } = {}): Block[] {
  const out: Block[] = [];
  const shares = new Map<Block, Terminated>();
  let run: Block[] = [];
  const closeRun = () => {
    const terminated = terminatedShares(run);
    for (const block of run) shares.set(block, terminated);
    run = [];
  };
  for (const block of blocks) {
    if (block.kind === 'paragraph') run.push(block);
    else closeRun();
  }
  closeRun();

  for (const block of blocks) {
    const previous = out.at(-1);
    if (block.kind !== 'paragraph' || previous?.kind !== 'paragraph') {
      out.push(block.kind === 'paragraph' ? { ...block, segs: [...block.segs] } : block);
      continue;
    }
    const decision = decide(previous, block, shares.get(block) ?? new Map(), options.wraps ?? false);
    const first = block.segs[0]!;
    const lines = `第 ${previous.segs.at(-1)!.line} 行与第 ${first.line} 行`;
    if (decision === 'join') {
      const before = textOf(previous);
      previous.segs.push(...block.segs);
      if (first.gap !== 'none') {
        const heads = first.heads.length > 0 ? `，中间的页眉「${first.heads.join('」「')}」已删除` : '';
        notes.info(first.line, 'import-page-break', `跨页接合：上一段在句中断开（${tail(before)}），与这一行（${head(first.text)}）接成一段${heads}`);
      }
      // The first paragraph, rejoined, may be the 主送机关 (各县（区）| 人民政府，…：).
      if (out.length === 1 && ADDRESSEE.test(textOf(previous).replace(SPACES, ''))) previous.kind = 'addressee';
      continue;
    }
    if (decision === 'colon') {
      notes.warn(first.line, 'import-page-break', `上一段以冒号结尾（${tail(textOf(previous))}），这一段（${head(first.text)}）不是编号段落：可能是跨页断开的同一段，未接合，请核对（${lines}）`);
    }
    if (decision === 'unsure') {
      notes.warn(first.line, 'import-page-break', `上一段没有句末标点（${tail(textOf(previous))}），但这一行是编号段落（${head(first.text)}）：未接合，请核对是否为同一段（${lines}）`);
    }
    if (decision === 'candidate') {
      notes.warn(first.line, 'import-page-break', `分页处上一段没有以句号等结束（${tail(textOf(previous))}），这一段（${head(first.text)}）另起：未接合，请对照印刷件核对是否为同一段（${lines}）`);
    }
    out.push({ ...block, segs: [...block.segs] });
  }
  return out;
}
