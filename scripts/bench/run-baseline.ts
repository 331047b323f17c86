// Benchmark child: the baseline — stock Eleventy (markdown-it, one Nunjucks layout) over the same Markdown, then stock Pagefind.
import { parseArgs } from 'node:util';
import Eleventy from '@11ty/eleventy';
import * as pagefind from 'pagefind';
import { Phases } from '../../src/build/phases.ts';
import { LAYOUT_NAME } from './baseline-project.ts';
import { finishRun, phaseMeter, runChild } from './run-result.ts';

const USAGE = 'usage: node --import tsx scripts/bench/run-baseline.ts --input DIR --out DIR --result FILE [--no-search]';

interface BaselineConfig {
  addGlobalData(name: string, value: unknown): void;
}

/** The only configuration: every page uses the one layout. Everything else is Eleventy's default (Liquid-preprocessed markdown-it). */
function configure(config: BaselineConfig): void {
  config.addGlobalData('layout', LAYOUT_NAME);
}

async function buildEleventy(input: string, out: string): Promise<void> {
  const eleventy = new Eleventy(input, out, { quietMode: true, configPath: false, config: configure as (config: never) => unknown });
  await eleventy.write();
}

/** Stock Pagefind Node API, same language setting as our pipeline. */
async function indexPagefind(out: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  try {
    if (!index) throw new Error(`Pagefind did not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: out });
    if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    const written = await index.writeFiles({ outputPath: `${out}/pagefind` });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
  } finally {
    await pagefind.close();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { input: { type: 'string' }, out: { type: 'string' }, result: { type: 'string' }, 'no-search': { type: 'boolean' } },
  });
  const { input, out, result } = values;
  if (!input || !out || !result) throw new Error(USAGE);

  const meter = phaseMeter();
  const phases = new Phases(meter.log);
  await phases.run('eleventy', () => buildEleventy(input, out));
  if (!values['no-search']) await phases.run('search', () => indexPagefind(out));
  await finishRun(result, meter, phases.results, out);
  return 0;
}

runChild(main);
