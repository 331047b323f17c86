// Fuzz: 2,000 seeded random mutations of valid files (YAML, dates, numbers, encodings, Markdown); every case ends as
// valid content or as placed messages — never a crash, never a message without a place and a rule id; a sample of the
// valid ones is built into pages too.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/build/load-site.ts';
import { buildSite } from '../../src/build/build-site.ts';
import { makeSite, SMALL_CONTENT } from '../helpers/content.ts';

const CASES = 2000;
const TARGETS = ['issues/2018/02/yzf-2018-3.md', 'issues/2018/02/issue.md', 'issues/2018/03/yzbh-2018-20.md'];

/** mulberry32: a small seeded PRNG, so a failing case can be replayed from its index. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALUES = [
  '2018-02-30', '2018-13-01', '0000-00-00', '2018-2-1', '2018年2月1日', '', '~', 'null', '[]', '{}', '"', "'", '&a x', '*a',
  '!!binary aGk=', '>-', '|', '-1', '0', '1e999', '0x10', '3.5', 'true', '永政发[2018]3号', '永政发〔2018〕03号', '湘政发〔2018〕1号',
  'YZCR-2018-1', 'yzcr201800001', '[永州市人民政府, 永州市人民政府]', '[ ]', '{ a: 1 }', '"\\u0000"', '　', '永'.repeat(500),
];
const NOISE = [
  '<script>alert(1)</script>', '{{ gazette }}', '{% include "x" %}', '| a | b |\n|---|', '```', '---', '<table><tr><td rowspan=999>x',
  '**', '\u0000', '\uFEFF', '\r\n', '<img src=x onerror=alert(1)>', '[link](javascript:alert(1))', '<!--', '&amp;', '\t', '> ', '#',
];

function mutate(text: string, next: () => number): string | Uint8Array {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const lines = text.split('\n');
  const at = Math.floor(next() * lines.length);
  switch (Math.floor(next() * 9)) {
    case 0: lines.splice(at, 1); return lines.join('\n');
    case 1: lines.splice(at, 0, lines[at] ?? ''); return lines.join('\n');
    case 2: {
      const other = Math.floor(next() * lines.length);
      [lines[at], lines[other]] = [lines[other]!, lines[at]!];
      return lines.join('\n');
    }
    case 3: lines[at] = (lines[at] ?? '').replace(/:.*$/, `: ${pick(VALUES)}`); return lines.join('\n');
    case 4: {
      const offset = Math.floor(next() * text.length);
      return text.slice(0, offset) + pick(NOISE) + text.slice(offset);
    }
    case 5: return text.slice(0, Math.floor(next() * text.length));
    case 6: {
      const bytes = Buffer.from(text, 'utf8');
      const offset = Math.floor(next() * bytes.length);
      bytes[offset] = Math.floor(next() * 256);
      return bytes;
    }
    case 7: return text.replace(/\n/g, '\r\n');
    default: {
      const offset = Math.floor(next() * text.length);
      return text.slice(0, offset) + text.slice(offset + 1 + Math.floor(next() * 4));
    }
  }
}

describe('fuzz', () => {
  it(`${CASES} mutations end as valid content or placed messages`, async () => {
    const cwd = makeSite({}, { from: SMALL_CONTENT });
    const originals = Object.fromEntries(TARGETS.map((target) => [target, readFileSync(path.join(cwd, target), 'utf8')]));
    const next = random(20180228);
    const outcomes = { valid: 0, invalid: 0 };
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'fuzz-')), 'dist');
    let builds = 0;
    for (let index = 0; index < CASES; index++) {
      const target = TARGETS[index % TARGETS.length]!;
      const mutated = mutate(originals[target]!, next);
      writeFileSync(path.join(cwd, target), mutated);
      let site;
      try {
        site = await loadSite({ cwd });
      } catch (error) {
        throw new Error(`case ${index} (${target}) crashed: ${(error as Error).stack}\n--- input ---\n${String(mutated)}`);
      }
      for (const file of site.files) {
        for (const message of file.messages) {
          const where = `case ${index}: ${file.path}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`;
          expect(message.line, where).toBeGreaterThanOrEqual(1);
          expect(message.column, where).toBeGreaterThanOrEqual(1);
          expect(message.ruleId, where).toMatch(/^[a-z-]+$/);
          expect(message.reason, where).toMatch(/\p{Script=Han}/u);
          expect(message.reason, where).not.toMatch(/\n\s+at /);
        }
      }
      expect(site.failed, `case ${index}`).toBe(site.files.some((file) => file.messages.some((message) => message.fatal === true)));
      if (!site.failed) expect(site.model?.documents.length, `case ${index}`).toBeGreaterThan(0);
      // Every 100th valid case is also built into pages: valid content must never crash the pages phase.
      if (!site.failed && outcomes.valid % 100 === 0) {
        const built = await buildSite({ cwd, out, search: false }).catch((error: Error) => {
          throw new Error(`case ${index} (${target}) crashed the build: ${error.stack}\n--- input ---\n${String(mutated)}`);
        });
        expect(built.failed, `case ${index}`).toBe(false);
        builds++;
      }
      outcomes[site.failed ? 'invalid' : 'valid']++;
      writeFileSync(path.join(cwd, target), originals[target]!);
    }
    // Both outcomes occur: the mutations are neither all harmless nor all fatal.
    expect(outcomes.valid).toBeGreaterThan(100);
    expect(outcomes.invalid).toBeGreaterThan(100);
    expect(builds).toBeGreaterThan(5);
  }, 300_000);
});
