/**
 * Rehype plugin: numbers a part's figures per chapter (图 1-1, 图 1-2 … in
 * chapter 1; 图 1, 图 2 … in an introduction or a note without chapters) and
 * puts the number at the start of each caption, so text and print can refer
 * to "图 2-3". A step of its own, after figures exist (`figures.ts` makes
 * them), so how figures are made and how they are numbered change apart.
 */
import type { Element, Root } from 'hast';
import { eachElement, someElement } from './tree-walk.ts';

export interface FigureNumberOptions {
  /** The chapter's number (`2` → 图 2-1); none for an introduction or a single-page note (图 1). */
  chapter?: number | string | undefined;
}

/** The label of the `index`-th (1-based) figure: `图 2-3`, or `图 3` without a chapter. */
export function figureLabel(index: number, chapter?: number | string): string {
  return chapter === undefined || chapter === '' ? `图 ${index}` : `图 ${chapter}-${index}`;
}

const isElement = (node: unknown, tagName: string): node is Element =>
  typeof node === 'object' &&
  node !== null &&
  (node as Element).type === 'element' &&
  (node as Element).tagName === tagName;

/** Numbers every `<figure>` that has an image and a caption, in document order. */
export function rehypeFigureNumbers(options: FigureNumberOptions = {}) {
  return (tree: Root) => {
    let count = 0;
    eachElement(tree, (node) => {
      if (node.tagName !== 'figure') return;
      const caption = node.children.find((child) => isElement(child, 'figcaption'));
      const hasImage = someElement(node, (inner) => inner.tagName === 'img');
      if (!caption || !hasImage || !isElement(caption, 'figcaption')) return;
      count += 1;
      caption.children.unshift(
        {
          type: 'element',
          tagName: 'span',
          // The number is the page's, not the note's words: search does not index it.
          properties: { className: ['figure-number'], dataPagefindIgnore: '' },
          children: [{ type: 'text', value: figureLabel(count, options.chapter) }],
        },
        { type: 'text', value: ' ' },
      );
    });
  };
}
