// Only same-site images are published: an image on another host becomes its alt text and an `external-image` warning at its line.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/markdown/render-document.ts';
import { imageNote, isSameSiteUrl } from '../../src/markdown/rehype-same-site-images.ts';

const body = readFileSync(path.join(import.meta.dirname, 'fixtures/same-site-images/input.md'), 'utf8');

describe('isSameSiteUrl', () => {
  it.each(['/images/a.png', 'a.png', './a.png', '../a.png', 'images/a%20b.png', '/a.png?v=2', '#x'])('%s is same-site', (url) => {
    expect(isSameSiteUrl(url)).toBe(true);
  });

  it.each([
    'https://host/a.png', 'http://host/a.png', 'HTTPS://host/a.png', '//host/a.png', ' //host/a.png', '/\\host/a.png',
    '\\\\host/a.png', 'ht\ttps://host/a.png', '/\n/host/a.png', '\u0001https://host/a.png', 'data:image/png;base64,AA==', 'ftp://host/a.png',
  ])('%j is another host', (url) => {
    expect(isSameSiteUrl(url)).toBe(false);
  });
});

describe('images in a body', () => {
  const output = renderDocument({ path: 'images.md', body });

  it('keeps same-site images and writes no image of another host', () => {
    const sources = [...output.html.matchAll(/<img [^>]*src="([^"]*)"/g)].map((match) => match[1]);
    expect(sources).toEqual(['/images/2018/map.png', 'figure-1.png', '/images/narrow.png', './images/seal.png']);
    expect(output.html).not.toMatch(/evil|tracker|data:|srcset|<source|<picture/i);
  });

  it('shows an image of another host as its alt text', () => {
    expect(output.html).toContain('<p>外站图片只留替代文字：［图片：跟踪像素］</p>');
    expect(output.html).toContain('<p>原始 HTML 的外站图片：［图片：统计］</p>');
    expect(output.html).toContain('<p>［图片］［图片］</p>');
    expect(output.html).toContain('<p>［图片：内嵌］<img src="./images/seal.png" alt="印章"></p>');
    expect(output.text).toContain('［图片：跟踪像素］');
    expect(imageNote('  两行\n说明 ')).toBe('［图片：两行 说明］');
  });

  it('warns at each one\'s line (external-image), with the URL and the fix', () => {
    const messages = [...output.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)).map((message) => [message.line, message.ruleId, message.fatal, message.source, message.reason.split('：')[0]]);
    expect(messages).toEqual([
      [5, 'external-image', false, 'gazette', '外站图片 https://tracker.example.com/p.gif 未发布（读者看到的是「［图片'],
      [7, 'external-image', false, 'gazette', '外站图片 //evil.example.com/pixel.gif 未发布（读者看到的是「［图片'],
      [9, 'external-image', false, 'gazette', '外站图片 /\\evil.example.com/p.gif 未发布（读者看到的是「［图片］」）'],
      [9, 'external-image', false, 'gazette', '外站图片 http://evil.example.com/a.png 未发布（读者看到的是「［图片］」）'],
      [11, 'unsafe-html', false, 'gazette', '已移除不允许的 HTML 元素 <picture>'],
      [11, 'unsafe-html', false, 'gazette', '已移除不允许的 HTML 元素 <source>'],
      [13, 'external-image', false, 'gazette', '外站图片 data:image/gif;base64,R0lGODlhAQABAAAAACw= 未发布（读者看到的是「［图片'],
    ]);
    expect(output.messages[0]?.reason).toContain('请把图片放到本站，用站内路径引用，或删除它');
    expect(output.messages[0]?.column).toBe(12);
  });
});
