/**
 * Rehype plugin: lets each figure open larger, with no script. The image
 * becomes a button that opens a modal `<dialog>` beside it holding the image
 * at the window's size and the numbered caption; the browser does the rest
 * (invoker commands: `command="show-modal"`, `command="close"`): focus moves
 * to the close button and back to the figure, Esc closes, and so does a tap
 * outside (`closedby="any"`). The dialog's image loads only when opened.
 * Search skips the dialog (its text is the figure's, again), and so does the
 * reading time. Done once at build time, after figures are numbered
 * (`figure-numbers.ts`), so a reader's browser runs no code for it.
 * @see https://html.spec.whatwg.org/multipage/form-elements.html#attr-button-command
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { eachElement } from './tree-walk.ts';

/** Classes the figure viewer's stylesheet (`components/FigureZoom.astro`) styles. */
export const FIGURE_OPEN_CLASS = 'figure-open';
export const FIGURE_DIALOG_CLASS = 'figure-dialog';
/** The dialog's link to the figure's original file, the full-size view. */
export const FULL_SIZE_LINK_CLASS = 'figure-full-size';

/** The id of the `n`-th figure's dialog in a part: with a `·`, which no heading id or footnote id contains. */
export const figureDialogId = (n: number): string => `图·${n}`;

const element = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

/** Turns the image (or picture) of each `<figure>` with a caption into a button that opens it in a dialog. */
export function rehypeFigureDialogs() {
  return (tree: Root) => {
    let count = 0;
    eachElement(tree, (node) => {
      if (node.tagName !== 'figure') return;
      const caption = node.children.find(
        (child): child is Element => child.type === 'element' && child.tagName === 'figcaption',
      );
      let img: Element | undefined;
      let interactive = false;
      eachElement(node, (inner) => {
        if (inner.tagName === 'img') img ??= inner;
        if (['a', 'button', 'dialog'].includes(inner.tagName)) interactive = true;
      });
      // An image inside the author's own link (raw HTML) keeps it; a button cannot hold a link.
      if (!img || !caption || interactive) return;
      count += 1;
      const id = figureDialogId(count);
      const media = node.children.filter((child) => child !== caption);
      const open = element(
        'button',
        { type: 'button', className: [FIGURE_OPEN_CLASS], command: 'show-modal', commandFor: id },
        [
          element('span', { className: ['figure-open-label'], dataPagefindIgnore: '' }, [
            { type: 'text', value: '放大：' },
          ]),
          ...media,
        ],
      );
      const { sizes: _sizes, loading: _loading, ...large } = img.properties;
      const dialog = element(
        'dialog',
        {
          id,
          className: [FIGURE_DIALOG_CLASS],
          closedBy: 'any',
          ariaLabelledBy: [`${id}·说明`],
          dataPagefindIgnore: 'all',
        },
        [
          element(
            'button',
            { type: 'button', className: ['figure-dialog-close'], command: 'close', commandFor: id, autofocus: true },
            [{ type: 'text', value: '关闭' }],
          ),
          element('img', { ...large, ...(large.srcSet ? { sizes: '100vw' } : {}), loading: 'lazy' }),
          element('a', { className: [FULL_SIZE_LINK_CLASS], href: img.properties.src }, [
            { type: 'text', value: '原图' },
          ]),
          element('p', { id: `${id}·说明`, className: ['figure-dialog-caption'] }, [
            { type: 'text', value: toString(caption) },
          ]),
        ],
      );
      node.children = node.children.flatMap((child) =>
        child === caption ? [child] : child === media[0] ? [open] : [],
      );
      node.children.push(dialog);
    });
  };
}
