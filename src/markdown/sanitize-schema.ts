// The allow-list for HTML in documents: GitHub's sanitize schema plus table spans and our own block classes.
import { defaultSchema, type Options } from 'rehype-sanitize';

const classes = ['addressee', 'signature', 'attachment-list'];

export const sanitizeSchema: Options = {
  ...defaultSchema,
  // No "user-content-" prefix: ids are ours (headings, 附件 anchors), not user-supplied HTML from the web.
  clobberPrefix: '',
  attributes: {
    ...defaultSchema.attributes,
    p: [...(defaultSchema.attributes?.p ?? []), ['className', ...classes]],
    td: [...(defaultSchema.attributes?.td ?? []), 'rowSpan', 'colSpan'],
    th: [...(defaultSchema.attributes?.th ?? []), 'rowSpan', 'colSpan'],
  },
};
