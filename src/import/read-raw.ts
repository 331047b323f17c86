// Decodes the raw extracted text: strict UTF-8 (a BOM and CRLF are accepted) into numbered, trimmed lines, or a placed failure.
import type { RawLine } from './line-patterns.ts';

export type RawText =
  | { ok: true; text: string; lines: RawLine[] }
  | { ok: false; line: number; column: number; reason: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

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

/** Decode the bytes of a raw text. Not UTF-8, binary or empty input is a failure placed at its line and column. */
export function decodeRaw(bytes: Uint8Array): RawText {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const before = bytes.subarray(0, bad);
    let line = 1;
    let lineStart = 0;
    before.forEach((byte, index) => {
      if (byte === 0x0a) {
        line++;
        lineStart = index + 1;
      }
    });
    const column = decoder.decode(bytes.subarray(lineStart, bad)).length + 1;
    return {
      ok: false,
      line,
      column,
      reason: '原文不是 UTF-8 编码（可能是 GBK/GB2312）：请用编辑器“另存为 UTF-8”，或用 iconv -f GBK -t UTF-8 转换后再导入',
    };
  }
  const text = decoder.decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    return { ok: false, line, column: 1, reason: '原文含有 NUL 字符，不是纯文本：请导入从 PDF 提取出的 .txt 文本' };
  }
  if (text.trim() === '') return { ok: false, line: 1, column: 1, reason: '原文为空：请导入从印刷版 PDF 提取出的文本' };
  return { ok: true, text, lines: toLines(text) };
}
