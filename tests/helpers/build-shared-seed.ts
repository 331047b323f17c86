// Run by tests/global-setup.ts under tsx (Vitest's module runner cannot load the build): builds the shared seed site into argv[2].
import path from 'node:path';
import { buildSite } from '../../src/build/build-site.ts';
import { formatReport } from '../../src/report/format-report.ts';
import { SHARED_SEED_BUILD } from './content.ts';

const out = process.argv[2];
if (!out) throw new Error('usage: tsx tests/helpers/build-shared-seed.ts <out>');
// Its own build cache beside the output, not .cache/ inside the fixture folder (the build's working folder).
const result = await buildSite({ ...SHARED_SEED_BUILD, out, cacheDir: path.join(path.dirname(out), 'seed-cache') });
if (result.failed) {
  process.stderr.write(`the 永州 seed fixture does not build:\n${formatReport(result.files)}\n`);
  process.exitCode = 1;
}
