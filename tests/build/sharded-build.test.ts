// `npm run build -- --shard K/N` in N processes, their caches merged, then one assembling build: the site equals a
// single build byte for byte, and the assembly renders and indexes nothing anew.
import { execFile } from 'node:child_process';
import { cpSync } from 'node:fs';
import { appendFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/generate-corpus.ts';
import { compareDirs } from '../../scripts/bench/compare-dirs.ts';
import { REPO, YONGZHOU_SEED } from '../helpers/content.ts';

const TSX = path.join(REPO, 'node_modules/.bin/tsx');
const BUILD = path.join(REPO, 'src/cli/build.ts');
const run = promisify(execFile);

async function build(cwd: string, args: string[]): Promise<string> {
  // One build date for every job, as the sharded workflow sets it from the commit.
  const { stdout } = await run(TSX, [BUILD, '--content', 'issues', ...args], { cwd, env: { ...process.env, FORCE_COLOR: '0', CI: 'true', SOURCE_DATE_EPOCH: '1700000000' } });
  return stdout;
}

let root: string;
const slices: string[] = [];
let assembly: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'sharded-'));
  // 48 documents over four years, at most 12 a search shard: four shards, dealt to three jobs (1 and 4, 2, 3).
  await generateCorpus({ root, docs: 48, perIssue: 3, seed: YONGZHOU_SEED });
  await appendFile(path.join(root, 'gazette.config.yaml'), '\nsearch_shard_size: 12\n');
  const jobs = [1, 2, 3].map((k) => build(root, ['--shard', `${k}/3`, '--cache', `cache-${k}`]));
  slices.push(...(await Promise.all(jobs)));
  for (const k of [1, 2, 3]) cpSync(path.join(root, `cache-${k}`), path.join(root, 'cache-merged'), { recursive: true });
  assembly = await build(root, ['--cache', 'cache-merged', '--out', 'dist-assembled']);
  await build(root, ['--no-cache', '--out', 'dist-single']);
}, 300_000);

describe('a sharded build', () => {
  it('each job renders and indexes only its slice, and writes no pages', () => {
    const counts = slices.map((stdout) => /渲染 (\d+) 篇、索引 (\d+) 个检索分片/.exec(stdout)!.slice(1).map(Number));
    expect(counts).toEqual([[24, 2], [12, 1], [12, 1]]);
    expect(slices.join('')).not.toContain('已构建');
  });

  it('the assembling build finds every render and every search shard in the merged cache', () => {
    expect(assembly).toContain('0 篇渲染，48 篇取自缓存');
    expect(assembly).toContain('4 个检索分片取自缓存，0 个重新索引');
  });

  it('assembles the same site as a single build, byte for byte', async () => {
    const comparison = await compareDirs(path.join(root, 'dist-assembled'), path.join(root, 'dist-single'));
    expect(comparison.files).toBeGreaterThan(48 * 3);
    expect(comparison).toMatchObject({ onlyInA: [], onlyInB: [], differing: [] });
  });
});
