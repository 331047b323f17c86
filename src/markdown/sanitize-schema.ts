// The allow-list for HTML in documents: GitHub's sanitize schema plus table spans, anchors and our own block classes, without <picture>/<source>.
import { defaultSchema, type Options } from 'rehype-sanitize';

type AttributeList = NonNullable<NonNullable<Options['attributes']>[string]>;

/** The default attributes of `tag`, with `classes` added to the classes it allows. */
function withClasses(tag: string, ...classes: string[]): AttributeList {
  const attributes = defaultSchema.attributes?.[tag] ?? [];
  const existing = attributes.find((entry) => Array.isArray(entry) && entry[0] === 'className') as unknown[] | undefined;
  const others = attributes.filter((entry) => !(Array.isArray(entry) && entry[0] === 'className'));
  return [...others, ['className', ...((existing?.slice(1) ?? []) as string[]), ...classes]];
}

export const sanitizeSchema: Options = {
  ...defaultSchema,
  // <source srcset> would load an image from any host, past rehype-same-site-images (which checks <img src>): a body
  // has <img> only, and <picture>'s children stay.
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== 'picture' && tag !== 'source'),
  // No "user-content-" prefix: ids are ours (heading and 附件 anchors); rehype-own-ids has already removed any id or
  // name written in raw HTML, so none can clash with the page's own.
  clobberPrefix: '',
  attributes: {
    ...defaultSchema.attributes,
    p: withClasses('p', 'addressee', 'signature', 'attachment-list', 'level-1', 'level-2', 'level-3', 'heading-line'),
    span: withClasses('span', 'run-in'),
    h2: withClasses('h2', 'attachment-title'),
    a: withClasses('a', 'citation'),
    td: [...(defaultSchema.attributes?.td ?? []), 'rowSpan', 'colSpan'],
    th: [...(defaultSchema.attributes?.th ?? []), 'rowSpan', 'colSpan'],
  },
};
