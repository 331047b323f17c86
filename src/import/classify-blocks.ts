// Recognises the structure of a body: 主送机关, 落款, 附件说明, 附件 labels and titles, name lists, tables, and plain paragraphs.
import type { GazetteConfig } from '../content/schema.ts';
import {
  ATTACHMENT_LIST,
  attachmentLabelOf,
  CHINESE_DATE,
  compact,
  isOrganLine,
  isTableRow,
  markerOf,
  hanCount,
} from './line-patterns.ts';
import { ADDRESSEE } from '../gazette/conventions.ts';
import { nameLineOf } from './normalize-text.ts';
import { convertTable, rowsFromHtml, rowsFromTabs } from './convert-tables.ts';
import { cellRunAt, cellTableAt } from './rebuild-cell-tables.ts';
import type { Segment } from './segment-body.ts';
import { quote, type Notes } from './review-notes.ts';

export type BlockKind = 'addressee' | 'paragraph' | 'signature' | 'lines' | 'label' | 'heading' | 'list' | 'table';

export interface Block {
  kind: BlockKind;
  /** the raw segments of the block, in order (a paragraph's are joined later) */
  segs: Segment[];
  /** signature: organ lines then the date; lines: the kept lines; list: the items; heading/label: one line */
  lines: string[];
  /** a name-list line kept as a paragraph: 赵应云　市委副书记… */
  name?: { name: string; rest: string };
  /** table: its Markdown (GFM or HTML) */
  markdown?: string;
  /** signature without a printed date */
  undated?: boolean;
  /** why the block is a guess that needs review: a `<!-- 待核对：… -->` comment above it */
  review?: string;
}

export interface ClassifyContext {
  config: GazetteConfig;
  /** 发文机关 of the document's 机关代字 */
  issuer?: string;
  notes: Notes;
}


function isDate(text: string): boolean {
  return CHINESE_DATE.test(compact(text));
}

/** A line that can be the title of an attachment or of the document a notice issues (印发的文件). */
export function titleLike(text: string, config: GazetteConfig): boolean {
  const bare = compact(text);
  return (
    bare.length >= 4 &&
    bare.length <= 60 &&
    hanCount(bare) >= 4 &&
    !/[。；！？;!?]/.test(bare) &&
    !/[：:]$/.test(bare) &&
    !/^[（(]/.test(bare) &&
    !markerOf(bare) &&
    !isDate(bare) &&
    !isOrganLine(text, config) &&
    !nameLineOf(text)
  );
}

/** A `- ` line that is really a list item (a name line, or a short item), not a paragraph extraction marked. */
function realListItem(text: string): boolean {
  if (markerOf(text)) return false;
  if (nameLineOf(text)) return true;
  const bare = compact(text);
  return bare.length <= 30 && !/[。；，,;]/.test(bare);
}

interface Match {
  block: Block;
  next: number;
}

function signatureAt(segs: Segment[], at: number, context: ClassifyContext): Match | undefined {
  const organs: Segment[] = [];
  let index = at;
  while (index < segs.length && organs.length < 4 && isOrganLine(segs[index]!.text, context.config) && !isDate(segs[index]!.text)) {
    organs.push(segs[index]!);
    index++;
  }
  if (organs.length === 0) return undefined;
  const date = segs[index];
  if (date && isDate(date.text)) {
    return { block: { kind: 'signature', segs: [...organs, date], lines: [...organs.map((seg) => compact(seg.text)), compact(date.text)] }, next: index + 1 };
  }
  const known = [context.issuer, ...context.config.issuers.map((issuer) => issuer.name)];
  if (index === segs.length && organs.every((seg) => known.includes(compact(seg.text)))) {
    return { block: { kind: 'signature', segs: organs, lines: organs.map((seg) => compact(seg.text)), undated: true }, next: index };
  }
  return undefined;
}

/** 附件说明 (附件：1.… then 2.… 3.… on the following lines) or a label with inline numbering (说明：1、… / 2、…). */
function enumerationAt(segs: Segment[], at: number): Match | undefined {
  const first = segs[at]!;
  const attachmentList = ATTACHMENT_LIST.test(first.text);
  const labelled = /^\p{Script=Han}{1,6}\s*[：:]\s*/u.exec(first.text);
  if (!attachmentList && !labelled) return undefined;
  const marker = markerOf(first.text.slice(labelled?.[0].length ?? 0).trim());
  const lines = [first.text];
  let index = at + 1;
  if (marker) {
    let expected = marker.value + 1;
    while (index < segs.length) {
      const seg = segs[index]!;
      const next = markerOf(seg.text);
      const short = compact(seg.text).length <= 80 && !/。/.test(seg.text);
      const close = attachmentList ? seg.gap !== 'page' && short : seg.gap === 'none';
      if (!next || next.style !== marker.style || next.value !== expected || !close) break;
      lines.push(seg.text);
      expected++;
      index++;
    }
  }
  if (!attachmentList && lines.length === 1) return undefined;
  return { block: { kind: 'lines', segs: segs.slice(at, index), lines }, next: index };
}

function tableAt(segs: Segment[], at: number, notes: Notes): Match | undefined {
  const first = segs[at]!;
  if (/^<table\b/i.test(first.text)) {
    let index = at;
    const parts: string[] = [];
    while (index < segs.length) {
      parts.push(segs[index]!.raw);
      index++;
      if (/<\/table\s*>/i.test(parts.at(-1)!)) break;
    }
    const rows = rowsFromHtml(parts.join('\n'), first.line, notes);
    if (rows.length === 0) return undefined;
    const table = convertTable(rows, notes);
    return { block: { kind: 'table', segs: segs.slice(at, index), lines: [], markdown: table.markdown }, next: index };
  }
  if (!isTableRow(first.raw)) return undefined;
  let index = at + 1;
  while (index < segs.length && segs[index]!.raw.includes('\t')) index++;
  const rows = rowsFromTabs(segs.slice(at, index).map((seg) => ({ line: seg.line, raw: seg.raw })), notes);
  const table = convertTable(rows, notes);
  if (segs.slice(at + 1, index).some((seg) => seg.gap === 'page')) notes.info(first.line, 'import-table', '表格跨页的几部分已合并为一个表格');
  return { block: { kind: 'table', segs: segs.slice(at, index), lines: [], markdown: table.markdown }, next: index };
}

/**
 * Classify the segments of one body into blocks. Paragraphs stay one segment each here: numbering repair and
 * page-break joining come next, on the paragraph blocks only.
 */
export function classifyBlocks(segs: Segment[], context: ClassifyContext): Block[] {
  const { config, notes } = context;
  const blocks: Block[] = [];
  let afterSignature = false;
  let expectTitle = false;
  let openList: Block | undefined;
  let debris: Segment[] = [];

  const flushDebris = () => {
    if (debris.length === 0) return;
    const first = debris[0]!.line;
    const last = debris.at(-1)!.line;
    notes.info(first, 'import-list', `第 ${first}${last > first ? `–${last}` : ''} 行开头的「- 」是抽取留下的（这些行是普通段落或编号段落），已删除`);
    debris = [];
  };

  for (let index = 0; index < segs.length; ) {
    const seg = segs[index]!;
    // A run of `- ` debris ends at the first line without it, or where a real list starts.
    if (!seg.dash || (openList === undefined && realListItem(seg.text))) flushDebris();

    const cells = cellTableAt(segs, index, notes) ?? cellRunAt(segs, index, config, notes);
    const table = cells ? { block: { kind: 'table' as const, segs: cells.table.segs, lines: [], markdown: cells.table.markdown, review: cells.table.review }, next: cells.next } : tableAt(segs, index, notes);
    if (table) {
      blocks.push(table.block);
      index = table.next;
      afterSignature = expectTitle = false;
      openList = undefined;
      continue;
    }

    if (blocks.length === 0 && ADDRESSEE.test(compact(seg.text))) {
      blocks.push({ kind: 'addressee', segs: [seg], lines: [seg.text] });
      index++;
      continue;
    }

    const signature = signatureAt(segs, index, context);
    if (signature) {
      blocks.push(signature.block);
      if (signature.block.undated) {
        notes.warn(seg.line, 'import-signature', `落款「${signature.block.lines.join('、')}」下没有成文日期（抽取时丢失或印刷件漏印）：成文日期暂填本期出版日期，请按印刷件补上日期并改正 date`);
      }
      index = signature.next;
      afterSignature = true;
      expectTitle = false;
      openList = undefined;
      continue;
    }

    const label = attachmentLabelOf(seg.text);
    if (label) {
      blocks.push({ kind: 'label', segs: [seg], lines: [label] });
      index++;
      expectTitle = true;
      afterSignature = false;
      openList = undefined;
      continue;
    }

    if (expectTitle || (afterSignature && titleLike(seg.text, config))) {
      const parts = [seg];
      const next = segs[index + 1];
      if (next && next.gap === 'none' && titleLike(next.text, config) && compact(seg.text + next.text).length <= 60 && !/[》）)]$/.test(compact(seg.text))) {
        parts.push(next);
      }
      if (expectTitle && !titleLike(seg.text, config)) {
        notes.warn(seg.line, 'import-attachment', `附件标注下的这一行不像附件标题，仍作为标题：${quote(seg.text)}，请核对`);
      }
      blocks.push({ kind: 'heading', segs: parts, lines: [parts.map((part) => part.text).join('')] });
      index += parts.length;
      expectTitle = afterSignature = false;
      openList = undefined;
      continue;
    }
    afterSignature = false;

    const enumeration = enumerationAt(segs, index);
    if (enumeration) {
      blocks.push(enumeration.block);
      index = enumeration.next;
      openList = undefined;
      continue;
    }

    const name = nameLineOf(seg.text);
    if ((seg.dash && realListItem(seg.text)) || (openList && name)) {
      if (!openList) {
        openList = { kind: 'list', segs: [], lines: [] };
        blocks.push(openList);
        notes.info(seg.line, 'import-list', '「- 」开头的名单保留为列表');
      }
      openList.segs.push(seg);
      openList.lines.push(seg.text);
      index++;
      continue;
    }
    if (openList && !seg.dash && seg.gap === 'none' && !name && !markerOf(seg.text)) {
      // A wrapped list item: the rest of the previous item.
      openList.segs.push(seg);
      openList.lines[openList.lines.length - 1] += seg.text;
      index++;
      continue;
    }
    openList = undefined;

    if (seg.dash) debris.push(seg);
    // A name line is a name-list entry only among others like it, or under a label (组长：); alone it is a paragraph.
    const listed = (other: Segment | undefined) => other !== undefined && (!!nameLineOf(other.text) || /^[^。；，]{1,12}[：:]$/u.test(compact(other.text)));
    const named = !seg.dash && name && (listed(segs[index - 1]) || listed(segs[index + 1])) ? name : undefined;
    blocks.push({ kind: 'paragraph', segs: [seg], lines: [], name: named });
    index++;
  }
  flushDebris();
  return blocks;
}
