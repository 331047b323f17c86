// One fixture per importer heuristic: tests/import/fixtures/<heuristic>/input.txt → expected/ (issue.md and documents)
// and review.txt (every note of the review report, as `line severity rule`). UPDATE_FIXTURES=1 rewrites them; review the diff.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectFixture, importFixture, validationErrors } from './helpers/fixture.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

describe('importer fixtures', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    const folder = path.join(FIXTURES, name);
    it(name, async () => {
      const result = await importFixture(folder);
      expectFixture(folder, result);
      // The output is a valid issue as it stands: the validator finds no error in it.
      expect(await validationErrors(folder, result)).toEqual([]);
    });
  }
});
