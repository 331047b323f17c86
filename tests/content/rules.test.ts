// Every rule id the validator can report is documented in README with an example.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/content/rules.ts';

const README = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');

describe('rule documentation', () => {
  for (const ruleId of Object.keys(RULES)) {
    it(`README documents ${ruleId}`, () => expect(README).toContain(`\`${ruleId}\``));
  }
});
