// Every rule id the validator can report is documented in the editors' guide (docs/editors-guide.md) with an example,
// and each content rule's example states the fix (`problem → fix`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/content/rules.ts';

const GUIDE = readFileSync(path.resolve(import.meta.dirname, '../../docs/editors-guide.md'), 'utf8');

describe('rule documentation', () => {
  for (const ruleId of Object.keys(RULES)) {
    it(`the editors' guide documents ${ruleId}`, () => expect(GUIDE).toContain(`\`${ruleId}\``));
  }

  for (const ruleId of Object.keys(RULES).filter((id) => !id.startsWith('import-'))) {
    it(`the editors' guide's example for ${ruleId} says the fix`, () => {
      const rulesTable = GUIDE.slice(GUIDE.indexOf('| rule id | checks |'));
      const row = rulesTable.split('\n').find((line) => line.startsWith('| `') && line.split('|')[1]!.includes(`\`${ruleId}\``));
      expect(row, ruleId).toBeDefined();
      expect(row!.split('|').at(-2), ruleId).toContain('→');
    });
  }
});
