// Vitest global setup: every temp folder the tests make (sites, builds, browser profiles) goes under one folder,
// removed when the run ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'gazette-tests-'));
  // Workers are forked after this runs and inherit it; os.tmpdir() reads TMPDIR on every call.
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
