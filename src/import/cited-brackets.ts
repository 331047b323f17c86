// Notes every 发文字号 cited in a body with other brackets than 〔〕 (rendering writes it with 〔〕): mojibake as a warning.
import { DOC_NUMBER_IN_TEXT, docNumberKey } from '../gazette/doc-number.ts';
import { fullWidthPunctuation } from './normalize-text.ts';
import type { Block } from './classify-blocks.ts';
import type { Notes } from './review-notes.ts';

/** Brackets that are extraction damage rather than a writer's habit: quotes, angle brackets, mojibake of 〔〕. */
const MOJIBAKE = /[„‟"”<>〈〉]/u;

/**
 * For each cited 发文字号 whose year is not in 〔〕 (`国办发„2009‟3号`, `人社部发[2014]97号`), a note at its raw line: the
 * body is written with the standard brackets (normalize-text), and the editor should know where the print differed.
 */
export function noteCitedBrackets(blocks: Block[], notes: Notes): void {
  for (const block of blocks) {
    if (block.kind === 'table' || block.kind === 'signature') continue;
    const texts = block.segs.map((seg) => fullWidthPunctuation(seg.text));
    const joined = texts.join('');
    for (const match of joined.matchAll(DOC_NUMBER_IN_TEXT)) {
      const year = /(.)\s*(?:19|20)\d{2}\s*(.)/u.exec(match[0].slice(match[1]!.length));
      if (!year || (year[1] === '〔' && year[2] === '〕')) continue;
      let offset = match.index;
      let seg = 0;
      while (seg < texts.length - 1 && offset >= texts[seg]!.length) offset -= texts[seg++]!.length;
      const line = block.segs[seg]!.line;
      // Running text gives no start to a 机关代字: words such as 和 or 及 before it are not part of it.
      const cited = match[0].replace(/\s+/g, '').replace(/^[和及与或并的按据依照见经由对在]+(?=\p{Script=Han}{2})/u, '');
      const standard = docNumberKey(cited) ?? cited;
      const printed = cited;
      if (MOJIBAKE.test(`${year[1]}${year[2]}`)) {
        notes.warn(line, 'import-text', `引用的发文字号「${printed}」括号是乱码（抽取把六角括号读错了）：已改为 ${standard}，请对照印刷件核对`);
      } else {
        notes.info(line, 'import-text', `引用的发文字号「${printed}」括号不规范：已改为 ${standard}`);
      }
    }
  }
}
