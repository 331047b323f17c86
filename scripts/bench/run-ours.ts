// Benchmark child: one build of a generated corpus with our pipeline (buildSite); writes phase times and peak RSS as JSON.
import { parseArgs } from 'node:util';
import { buildSite } from '../../src/build/build-site.ts';
import { listMessages } from './list-messages.ts';
import { finishRun, phaseMeter, runChild } from './run-result.ts';
import { REPO } from './seed-corpus.ts';

const USAGE = 'usage: node --import tsx scripts/bench/run-ours.ts --content DIR --config FILE --out DIR --result FILE (--cache DIR | --no-cache) [--no-search]';

/** The first lines of a long message list, with the total. */
function summarize(title: string, messages: string, shown = 20): string {
  const lines = messages.split('\n');
  const more = lines.length > shown ? `\n… ${lines.length - shown} more` : '';
  return `${title} (${lines.length}):\n${lines.slice(0, shown).join('\n')}${more}\n`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      content: { type: 'string' },
      config: { type: 'string' },
      out: { type: 'string' },
      result: { type: 'string' },
      'no-search': { type: 'boolean' },
      cache: { type: 'string' },
      'no-cache': { type: 'boolean' },
    },
  });
  const { content, config, out, result } = values;
  if (!content || !config || !out || !result) throw new Error(USAGE);
  // Never the default .cache/gazette of the repository: every bench build names its cache, or has none.
  if (!values.cache === !values['no-cache']) throw new Error(USAGE);
  const cacheDir = values['no-cache'] ? false : values.cache;

  const meter = phaseMeter();
  // cwd stays the repository: buildSite finds its templates relative to it; the corpus paths are absolute. With a
  // cache, the build prunes it after publishing, as `npm run build` does (its `cache` phase).
  const build = await buildSite({ cwd: REPO, content, config, out, search: !values['no-search'], cacheDir, pruneCache: cacheDir !== false, log: meter.log });
  const messages = listMessages(build.files);
  if (build.failed) {
    process.stderr.write(summarize('generated corpus failed validation', messages));
    return 1;
  }
  if (messages) process.stderr.write(summarize('warnings', messages));
  await finishRun(result, meter, build.phases.results, out);
  return 0;
}

runChild(main);
