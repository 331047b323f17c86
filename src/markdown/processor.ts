// The one unified processor for document bodies: Markdown → mdast (gazette plugins) → hast (sanitized) → HTML.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkAddressee from './remark-addressee.ts';
import remarkSignature from './remark-signature.ts';
import remarkAttachmentList from './remark-attachment-list.ts';
import remarkCjkBreaks from './remark-cjk-breaks.ts';
import remarkOutline from './remark-outline.ts';
import remarkCitations, { type Options as CitationOptions } from './remark-citations.ts';
import rehypeReportUnsafeHtml from './rehype-report-unsafe-html.ts';
import rehypeOwnIds from './rehype-own-ids.ts';
import rehypeSameSiteImages from './rehype-same-site-images.ts';
import rehypeMarkIds from './rehype-mark-ids.ts';
import { sanitizeSchema } from './sanitize-schema.ts';
import rehypeTableScroll from './rehype-table-scroll.ts';

/**
 * Build the processor. Line-keeping plugins (落款, 附件说明) run before the CJK line joiner; citations are found after
 * it, so a 发文字号 broken across two source lines is still one citation.
 */
export function createProcessor(citations: CitationOptions = {}) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkCjkFriendly)
    .use(remarkAddressee)
    .use(remarkSignature)
    .use(remarkAttachmentList)
    .use(remarkCjkBreaks)
    .use(remarkOutline)
    .use(remarkCitations, citations)
    // Footnotes ([^1]) are labelled in Chinese, for screen readers (the label is visually hidden).
    .use(remarkRehype, {
      allowDangerousHtml: true,
      footnoteLabel: '注释',
      footnoteBackLabel: (referenceIndex: number) => `返回正文第 ${referenceIndex + 1} 处注释`,
    })
    .use(rehypeMarkIds)
    .use(rehypeRaw)
    .use(rehypeOwnIds)
    .use(rehypeSameSiteImages)
    .use(rehypeReportUnsafeHtml, { schema: sanitizeSchema })
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeTableScroll)
    .use(rehypeStringify);
}
