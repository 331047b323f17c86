// Guesses left for review: `# 待核对：…` in front matter and `<!-- 待核对：… -->` in a body, written by the importer and warned about by check.
import type { VFile } from 'vfile';
import { report } from './rules.ts';

/** The word a guess comment starts with. */
export const GUESS_MARK = '待核对';

/** The text of a YAML comment marking a guessed value (`published: 2020-01-31 # 待核对：…`). */
export function guessComment(reason: string): string {
  return `${GUESS_MARK}：${reason.replace(/\s*\n\s*/g, ' ')}`;
}

/** An HTML comment marking a guessed block in a body (never rendered: the sanitizer drops comments). */
export function guessHtmlComment(reason: string): string {
  return `<!-- ${GUESS_MARK}：${reason.replace(/\s*\n\s*/g, ' ').replace(/--+/g, '—').replace(/>/g, '〉')} -->`;
}

const FENCE = /^---[ \t]*$/;
const YAML_GUESS = new RegExp(`(?:^|[ \\t])#[ \\t]*${GUESS_MARK}[：:][ \\t]*(.*)$`, 'u');
const HTML_GUESS = new RegExp(`<!--[ \\t]*${GUESS_MARK}[：:][ \\t]*([\\s\\S]*?)[ \\t]*-->`, 'gu');

/**
 * Warn (`unchecked-guess`) at every guess comment still in a content file: a value or block the importer (or an
 * editor) marked as guessed passes only once someone has checked it and removed the comment.
 */
export function checkGuessComments(file: VFile): void {
  const text = String(file.value ?? '');
  if (!text.includes(GUESS_MARK)) return;
  const lines = text.split('\n');
  const closing = FENCE.test(lines[0] ?? '') ? lines.findIndex((line, index) => index > 0 && FENCE.test(line)) : -1;
  for (let index = 1; index < closing; index++) {
    const match = YAML_GUESS.exec(lines[index]!);
    if (match) warn(file, match[1]!, index + 1, match.index + match[0].indexOf('#') + 1);
  }
  const bodyStart = closing >= 0 ? lines.slice(0, closing + 1).join('\n').length : 0;
  for (const match of text.slice(bodyStart).matchAll(HTML_GUESS)) {
    const before = text.slice(0, bodyStart + match.index);
    const line = before.split('\n').length;
    warn(file, match[1]!, line, before.length - before.lastIndexOf('\n'));
  }
}

function warn(file: VFile, reason: string, line: number, column: number): void {
  report(file, `导入时推断的内容尚未核对（${reason.trim()}）：请对照印刷件核对，改正后删去这条“${GUESS_MARK}”注释`, { line, column }, 'unchecked-guess', 'warning');
}
