// Test helper: a temp site for a gazette that is not the seed's (江州), with its own config text and the CLI runner.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO } from './content.ts';

export interface GazetteOptions {
  frequency?: string;
  unit?: string;
  pathPrefix?: string;
  registrationPrefix?: string;
}

/** The config text of the 江州政报 test gazette. */
export function otherGazetteConfig(options: GazetteOptions = {}): string {
  return [
    'name: 江州政报',
    'description: 江州市人民政府机关刊物',
    'supervisor: 江州市人民政府',
    'publisher: 江州市人民政府办公室',
    'base_url: https://zhengbao.example.gov.cn',
    `path_prefix: ${options.pathPrefix ?? '/'}`,
    `issue_unit: ${options.unit ?? '期'}`,
    `frequency: ${options.frequency ?? '月刊'}`,
    ...(options.registrationPrefix ? [`registration_prefix: ${options.registrationPrefix}`] : []),
    'issuers:',
    '  - name: 江州市人民政府',
    '    slug: jzszf',
    '    codes: [{ code: 江政发, slug: jzf }]',
    'sections: [{ name: 市政府文件, slug: city-government }]',
    'types: [{ name: 通知, slug: notice }, { name: 意见, slug: opinion }]',
    '',
  ].join('\n');
}

/** A temp folder with that config (or none: `config: null`) and the given files under it (path → text). */
export function makeGazette(files: Record<string, string> = {}, options: GazetteOptions & { config?: string | null } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gazette-other-'));
  if (options.config !== null) writeFileSync(path.join(dir, 'gazette.config.yaml'), options.config ?? otherGazetteConfig(options));
  mkdirSync(path.join(dir, 'issues'), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** An issue.md of the test gazette. */
export function issueText(year: number, number: number, total: number, published: string): string {
  return `---\nyear: ${year}\nnumber: ${number}\ntotal_number: ${total}\npublished: ${published}\nsections: [市政府文件]\ncontents: []\n---\n`;
}

/** Run a CLI (`new`, `build` …) of src/cli in `cwd`. */
export function runCli(command: string, cwd: string, args: string[]) {
  const result = spawnSync(path.join(REPO, 'node_modules/.bin/tsx'), [path.join(REPO, `src/cli/${command}.ts`), ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
