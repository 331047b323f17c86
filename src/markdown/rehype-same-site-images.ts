// rehype plugin: only same-site images (a relative or site path) are published; an image on another host becomes its alt text, reported at its line (`external-image`).
import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { report } from '../content/rules.ts';

/**
 * Whether an image URL stays on this site: no scheme (`https:`, `data:` …) and no host (`//host/…`). A browser drops
 * tabs and newlines anywhere in a URL, leading and trailing spaces and control characters, and reads `\` as `/`, so
 * `/\host/x.png` and `ht\ttps://host/x.png` are other hosts too.
 */
export function isSameSiteUrl(url: string): boolean {
  const normal = url
    .replace(/[\t\n\r]/g, '')
    .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')
    .replaceAll('\\', '/');
  return !/^[a-z][a-z\d+.-]*:/i.test(normal) && !normal.startsWith('//');
}

/** What a reader sees instead of an image from another host: its alt text, marked as a picture. */
export function imageNote(alt: string): string {
  const text = alt.replace(/\s+/g, ' ').trim();
  return text ? `［图片：${text}］` : '［图片］';
}

/**
 * Replace every `<img>` (Markdown `![]()` or raw HTML) whose `src` is not same-site with a text note, so that a
 * published page never makes a reader's browser call another host (tracking pixels). Runs after rehype-raw, before
 * the sanitizer.
 */
export default function rehypeSameSiteImages() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'img' || !parent || index === undefined) return;
      const src = node.properties.src;
      if (typeof src !== 'string' || isSameSiteUrl(src)) return;
      const alt = typeof node.properties.alt === 'string' ? node.properties.alt : '';
      const note: ElementContent = { type: 'text', value: imageNote(alt), position: node.position };
      parent.children.splice(index, 1, note);
      const shown = src.length > 60 ? `${src.slice(0, 60)}…` : src;
      report(
        file,
        `外站图片 ${shown} 未发布（读者看到的是「${imageNote(alt)}」）：正文只能使用本站的图片（相对路径或以 / 开头的站内路径），外站图片会让读者的浏览器访问其他网站；请把图片放到本站，用站内路径引用，或删除它`,
        node.position,
        'external-image',
        'warning',
      );
      return [SKIP, index + 1];
    });
  };
}
