// The Hugo + Pagefind CLI anchor: a minimal Hugo site over the same Markdown, built by Debian's hugo, indexed by the Pagefind CLI.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { countHtml } from './run-result.ts';
import { runCommand, type ChildRun } from './run-child.ts';
import { REPO } from './seed-corpus.ts';

/** Future dates are built (the corpus runs decades ahead); no taxonomies, feeds or sitemap; raw HTML kept, as markdown-it does. */
const CONFIG = `baseURL = "http://localhost/"
buildFuture = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = true
`;

/** The same page as the Eleventy baseline's layout: title, then the body inside the element Pagefind indexes. */
const SINGLE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body>
<main data-pagefind-body>
<h1>{{ .Title }}</h1>
{{ .Content }}
</main>
</body>
</html>
`;

/** Home and section pages exist (Hugo makes them) but hold nothing to index. */
const LIST = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body></body></html>
`;

export const PAGEFIND_CLI = path.join(REPO, 'node_modules/.bin/pagefind');

export interface HugoFigures {
  version: string;
  hugo: ChildRun;
  /** undefined when search was skipped */
  pagefind: ChildRun | undefined;
  htmlFiles: number;
}

/** `hugo version`, or undefined when hugo is not on PATH. */
export function hugoVersion(): string | undefined {
  try {
    return execFileSync('hugo', ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** Write the Hugo project: config, two layouts, and the corpus copied unchanged into content/ (Hugo reserves no key it uses). */
export async function writeHugoProject(contentDir: string, projectDir: string): Promise<void> {
  await mkdir(path.join(projectDir, 'layouts', '_default'), { recursive: true });
  await writeFile(path.join(projectDir, 'hugo.toml'), CONFIG);
  await writeFile(path.join(projectDir, 'layouts', '_default', 'single.html'), SINGLE);
  await writeFile(path.join(projectDir, 'layouts', '_default', 'list.html'), LIST);
  await cp(contentDir, path.join(projectDir, 'content'), { recursive: true });
}

/** Build with hugo, then index with the Pagefind CLI (unless `search` is false); each process timed and its tree watched. */
export async function measureHugo(contentDir: string, projectDir: string, search: boolean): Promise<HugoFigures> {
  const version = hugoVersion();
  if (!version) throw new Error('hugo is not on PATH');
  await writeHugoProject(contentDir, projectDir);
  const site = path.join(projectDir, 'public');
  const hugo = await runCommand('hugo', ['--quiet', '--source', projectDir, '--destination', site], { label: 'hugo', cwd: projectDir });
  if (hugo.code !== 0) throw new Error(`hugo failed (exit ${hugo.code})`);
  let pagefind: ChildRun | undefined;
  if (search) {
    pagefind = await runCommand(PAGEFIND_CLI, ['--site', site, '--force-language', 'zh-cn'], { label: 'pagefind', cwd: projectDir, quiet: true });
    if (pagefind.code !== 0) throw new Error(`Pagefind CLI failed (exit ${pagefind.code})`);
  }
  return { version, hugo, pagefind, htmlFiles: await countHtml(site) };
}
