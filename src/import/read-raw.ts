// Decodes the raw extracted text — UTF-8 (a BOM and CRLF are accepted), or GBK/GB18030 detected — into numbered lines, or a placed failure.
import type { RawLine } from './line-patterns.ts';

/** The encodings a raw text is read in: UTF-8, or the Chinese national ones (GBK is a part of GB18030). */
export type RawEncoding = 'UTF-8' | 'GBK' | 'GB18030';

export type RawText =
  | { ok: true; text: string; lines: RawLine[]; encoding: RawEncoding }
  | { ok: false; line: number; column: number; reason: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Characters common in government text (simplified). Text decoded in the right encoding is mostly made of them; the
 * same bytes decoded in a wrong one give rare characters (mojibake).
 */
const COMMON = new Set(
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞'
);

/** The share of the Han characters of a text that are common ones (0 when it has none). */
function commonShare(text: string): number {
  let han = 0;
  let common = 0;
  for (const char of text) {
    if (!/\p{Script=Han}/u.test(char)) continue;
    han++;
    if (COMMON.has(char)) common++;
  }
  return han === 0 ? 0 : common / han;
}

/** Decode as `label` or undefined when the bytes are not valid in it. */
function tryDecode(bytes: Uint8Array, label: string): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * UTF-16, what Windows “Unicode” saves: a byte-order mark, or a NUL in every other byte; with `byText`, also bytes
 * that decode in it to ordinary Chinese (Han characters have no NUL byte).
 */
function utf16(bytes: Uint8Array, byText: boolean): 'UTF-16LE' | 'UTF-16BE' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  const sample = bytes.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  sample.forEach((byte, index) => {
    if (byte === 0) {
      if (index % 2 === 0) even++;
      else odd++;
    }
  });
  const half = sample.length / 2;
  if (half >= 8 && odd / half > 0.3 && even / half < 0.05) return 'UTF-16LE';
  if (half >= 8 && even / half > 0.3 && odd / half < 0.05) return 'UTF-16BE';
  if (!byText || bytes.length % 2 !== 0) return undefined;
  return (['UTF-16LE', 'UTF-16BE'] as const).find((label) => {
    const text = tryDecode(bytes, label.toLowerCase());
    return text !== undefined && commonShare(text) >= 0.3;
  });
}

/** GB18030's four-byte sequences (GBK has only one and two bytes). */
function hasFourByteSequences(bytes: Uint8Array): boolean {
  for (let index = 0; index + 3 < bytes.length; index++) {
    const byte = bytes[index]!;
    if (byte < 0x81) continue;
    const next = bytes[index + 1]!;
    if (next >= 0x30 && next <= 0x39 && bytes[index + 2]! >= 0x81 && bytes[index + 3]! >= 0x30 && bytes[index + 3]! <= 0x39) return true;
    index++; // a two-byte character
  }
  return false;
}

const CONVERT = '请用编辑器“另存为 UTF-8”，或用 iconv 转换为 UTF-8 后再导入';

/** Byte offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    let extra = 0;
    let min = 0;
    if (byte < 0x80) {
      index++;
      continue;
    } else if (byte >= 0xc2 && byte <= 0xdf) {
      extra = 1;
      min = 0x80;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      extra = 2;
      min = 0x800;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      extra = 3;
      min = 0x10000;
    } else return index;
    let code = byte & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const next = bytes[index + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return index;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return index;
    index += extra + 1;
  }
  return -1;
}

/** Split text into numbered lines, each trimmed (tabs inside a line are kept: they separate table cells). */
export function toLines(text: string): RawLine[] {
  return text.split('\n').map((line, index) => {
    const raw = line.replace(/\u00a0/g, ' ').replace(/^[ \u3000]+|[ \u3000]+$/g, '');
    return { n: index + 1, text: raw.trim(), raw };
  });
}

/** The line and column (1-based) of byte `offset`, counting the bytes before it as UTF-8. */
function placeOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    if (bytes[index] === 0x0a) {
      line++;
      lineStart = index + 1;
    }
  }
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}

/**
 * Decode the bytes of a raw text: UTF-8; else GBK or GB18030 when the bytes decode in it to ordinary Chinese. Any
 * other encoding (UTF-16, Big5, or bytes that are no text) is a failure that names it, placed at its line and column.
 */
export function decodeRaw(bytes: Uint8Array): RawText {
  const bad = firstInvalidUtf8(bytes);
  const gb = bad < 0 ? undefined : tryDecode(bytes, 'gb18030');
  const chinese = gb !== undefined && commonShare(gb) >= 0.3 ? gb : undefined;
  // UTF-16 by its marks first; by its text only when the bytes are neither UTF-8 nor Chinese in GBK/GB18030.
  const wide = utf16(bytes, bad >= 0 && chinese === undefined);
  if (wide) return { ok: false, line: 1, column: 1, reason: `原文是 ${wide} 编码（Windows 记事本的“Unicode”），不是 UTF-8：${CONVERT}（如 iconv -f ${wide} -t UTF-8）` };
  let text: string;
  let encoding: RawEncoding = 'UTF-8';
  if (bad < 0) text = decoder.decode(bytes);
  else if (chinese !== undefined) {
    text = chinese;
    encoding = hasFourByteSequences(bytes) ? 'GB18030' : 'GBK';
  } else {
    const traditional = tryDecode(bytes, 'big5');
    const named = traditional !== undefined && commonShare(traditional) >= 0.3 ? '像是 Big5（繁体中文）编码' : '既不是 UTF-8，也不是 GBK/GB18030 编码';
    return { ok: false, ...placeOf(bytes, bad), reason: `原文${named}（从这里起无法按 UTF-8 读出）：${CONVERT}（如 iconv -f ${named.startsWith('像是 Big5') ? 'BIG5' : '<原编码>'} -t UTF-8）` };
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    return { ok: false, line, column: 1, reason: '原文含有 NUL 字符，不是纯文本：请导入从 PDF 提取出的 .txt 文本' };
  }
  if (text.trim() === '') return { ok: false, line: 1, column: 1, reason: '原文为空：请导入从印刷版 PDF 提取出的文本' };
  return { ok: true, text, lines: toLines(text), encoding };
}
