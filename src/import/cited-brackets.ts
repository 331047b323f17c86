// Notes every 发文字号 cited in a body with other brackets than 〔〕 (rendering writes it with 〔〕): mojibake as a warning.
import type { GazetteConfig } from '../content/schema.ts';
import { DOC_NUMBER_IN_TEXT, issuerCode, standardizeCitedBrackets } from '../gazette/doc-number.ts';
import { fullWidthPunctuation } from './normalize-text.ts';
import type { Block } from './classify-blocks.ts';
import type { Notes } from './review-notes.ts';

/** Brackets that are extraction damage rather than a writer's habit: quotes, angle brackets, mojibake of 〔〕. */
const MOJIBAKE = /[„‟"”<>〈〉]/u;

/**
 * For each cited 发文字号 whose year is not in 〔〕 (`国办发„2009‟3号`, `人社部发[2014]97号`), a note at its raw line: the
 * body is written with the standard brackets (normalize-text), and the editor should know where the print differed.
 * The citation is named from its 机关代字 (the renderer's issuerCode, with the configured codes) and the note gives what
 * the body gets: the same text with 〔〕, nothing else changed.
 */
export function noteCitedBrackets(blocks: Block[], notes: Notes, config: GazetteConfig): void {
  const codes = config.issuers.flatMap((issuer) => issuer.codes.map((code) => code.code));
  for (const block of blocks) {
    if (block.kind === 'table' || block.kind === 'signature') continue;
    const texts = block.segs.map((seg) => fullWidthPunctuation(seg.text));
    const joined = texts.join('');
    for (const match of joined.matchAll(DOC_NUMBER_IN_TEXT)) {
      const code = issuerCode(match[1]!, codes);
      let offset = match.index + match[1]!.length - code.length;
      const cited = joined.slice(offset, match.index + match[0].length).replace(/\s+/g, '');
      const standard = standardizeCitedBrackets(cited);
      if (standard === cited) continue;
      let seg = 0;
      while (seg < texts.length - 1 && offset >= texts[seg]!.length) offset -= texts[seg++]!.length;
      const line = block.segs[seg]!.line;
      if (MOJIBAKE.test(cited)) {
        notes.warn(line, 'import-text', `引用的发文字号「${cited}」括号是乱码（抽取把六角括号读错了）：已改为 ${standard}，请对照印刷件核对`);
      } else {
        notes.info(line, 'import-text', `引用的发文字号「${cited}」括号不规范：已改为 ${standard}`);
      }
    }
  }
}
