// rehype plugin: before rehype-raw, sets aside every id the pipeline made (headings, 附件, footnotes) for rehype-own-ids.
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** The attribute that carries a generated id through rehype-raw; rehype-own-ids turns it back into the id. */
export const GENERATED_ID = 'dataGazetteId';

/**
 * Before rehype-raw, raw HTML is still text (`raw` nodes): every element that has an id now was made by the pipeline.
 * Its id moves to a data attribute, which rehype-raw carries through, so that afterwards any `id` is the editor's.
 */
export default function rehypeMarkIds() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const id = node.properties?.id;
      if (id === undefined) return;
      node.properties[GENERATED_ID] = String(id);
      delete node.properties.id;
    });
  };
}
