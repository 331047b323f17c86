// Test helper: text encoded as GBK (Node decodes GBK but cannot encode it), from a table made with the decoder itself.
let table: Map<string, number[]> | undefined;

function gbkTable(): Map<string, number[]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return table;
}

/** The GBK bytes of `text` (ASCII as itself); a character GBK lacks throws. */
export function encodeGbk(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable().get(char);
      if (!pair) throw new Error(`GBK has no ${char}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}
