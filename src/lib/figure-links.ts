/**
 * Rehype plugin: links each figure's image to the image file itself, so a
 * figure can be opened larger. The figure viewer (`components/FigureZoom`)
 * turns a click or Enter on the link into a dialog; without it, or with a
 * modifier key, the link opens the file as any link would. Done once at
 * build time, so the browser does no work until a figure is opened.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** The class of the link around a figure's image; the figure viewer looks for it. */
export const FIGURE_LINK_CLASS = 'figure-link';

/** Wraps the image (or picture) of each `<figure>` in a link to the image's file. */
export function rehypeFigureLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'figure') return;
      let img: Element | undefined;
      let linked = false;
      visit(node, 'element', (inner) => {
        if (inner.tagName === 'img') img ??= inner;
        if (inner.tagName === 'a') linked = true;
      });
      const src = img?.properties.src;
      // An image already inside a link (raw HTML) keeps the author's link.
      if (typeof src !== 'string' || linked) return;
      // Everything but the caption goes into the link, where the first of it stood.
      const isCaption = (child: ElementContent) => child.type === 'element' && child.tagName === 'figcaption';
      const at = node.children.findIndex((child) => !isCaption(child));
      const link: Element = {
        type: 'element',
        tagName: 'a',
        properties: { className: [FIGURE_LINK_CLASS], href: src },
        children: node.children.filter((child) => !isCaption(child)),
      };
      const captions = node.children.filter(isCaption);
      node.children = [...captions.slice(0, at), link, ...captions.slice(at)];
    });
  };
}
