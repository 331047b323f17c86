// Writes the baseline's tiny Eleventy project: the corpus's Markdown files (same paths, same front matter) plus one layout.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const LAYOUT_NAME = 'layout.njk';

/** Minimal page: title, then the rendered Markdown inside the element Pagefind indexes (as in our templates). */
const LAYOUT = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body>
<main data-pagefind-body>
<h1>{{ title }}</h1>
{{ content | safe }}
</main>
</body>
</html>
`;

/**
 * Eleventy 3 refuses front matter that sets its reserved `page` variable, so the one key `page` (印刷页码)
 * is renamed `printed_page`; nothing else in the files changes.
 */
export function renameReservedKeys(text: string): string {
  const end = text.indexOf('\n---\n', 4);
  if (!text.startsWith('---\n') || end < 0) return text;
  return text.slice(0, end).replace(/^page:/m, 'printed_page:') + text.slice(end);
}

/** Copy every .md file under `contentDir` into `<projectDir>/src` and add `_includes/layout.njk`; returns the input folder. */
export async function writeBaselineProject(contentDir: string, projectDir: string): Promise<{ input: string; files: number }> {
  const input = path.join(projectDir, 'src');
  await mkdir(path.join(input, '_includes'), { recursive: true });
  await writeFile(path.join(input, '_includes', LAYOUT_NAME), LAYOUT);
  return { input, files: await copyMarkdown(contentDir, input) };
}

/** Copy every .md file under `contentDir` to the same relative path under `target`, reserved keys renamed; returns the count. */
export async function copyMarkdown(contentDir: string, target: string): Promise<number> {
  const names = (await readdir(contentDir, { recursive: true })).filter((name) => name.endsWith('.md'));
  for (const name of names) {
    const file = path.join(target, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, renameReservedKeys(await readFile(path.join(contentDir, name), 'utf8')));
  }
  return names.length;
}
