// Vitest global setup: every temp folder the tests make (sites, builds, browser profiles) goes under one folder,
// removed when the run ends; and the two fixture sites (the 永州 seed, the second gazette) are built there once each.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the folder of the shared 永州 seed build (helpers/built-site.ts sharedSeedSite) */
    seedSite: string;
    /** the folder of the shared second-gazette build (helpers/built-site.ts sharedSecondSite), built by `npm run build` */
    secondSite: string;
    /** what that `npm run build` printed on stdout */
    secondSiteLog: string;
  }
}

const REPO = path.resolve(import.meta.dirname, '..');

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'gazette-tests-'));
  // Workers are forked after this runs and inherit it; os.tmpdir() reads TMPDIR on every call.
  process.env.TMPDIR = dir;
  const teardown = () => rmSync(dir, { recursive: true, force: true });
  // Built in a tsx child process: Vitest's module runner here cannot load the build (import.meta.resolve).
  const out = path.join(dir, 'shared-seed-site');
  const built = spawnSync(path.join(REPO, 'node_modules/.bin/tsx'), [path.join(REPO, 'tests/helpers/build-shared-seed.ts'), out], { cwd: REPO, encoding: 'utf8' });
  if (built.status !== 0) {
    teardown();
    throw new Error(`building the shared seed site failed (exit ${built.status}):\n${built.stderr}${built.error ?? ''}`);
  }
  project.provide('seedSite', out);
  // The second gazette is built by the build command itself (its summary line is tested), without a build cache in
  // the fixture folder.
  const second = path.join(dir, 'shared-second-site');
  const cli = spawnSync(path.join(REPO, 'node_modules/.bin/tsx'), [path.join(REPO, 'src/cli/build.ts'), '--out', second, '--no-cache'], { cwd: path.join(REPO, 'tests/fixtures/second-gazette'), encoding: 'utf8' });
  if (cli.status !== 0) {
    teardown();
    throw new Error(`building the second gazette failed (exit ${cli.status}):\n${cli.stdout}${cli.stderr}${cli.error ?? ''}`);
  }
  project.provide('secondSite', second);
  project.provide('secondSiteLog', cli.stdout);
  return teardown;
}
