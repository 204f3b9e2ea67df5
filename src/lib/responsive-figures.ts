/**
 * Screenshots and photos are served at the size a reader's screen needs, in
 * a modern format: a raster figure (PNG, JPEG, GIF, WebP) gets smaller copies
 * (`variantWidths`), which the page offers with `srcset` and `sizes` in a
 * `<picture>`, the original staying as the fallback and as the full-size view
 * the figure's dialog shows and links to (`figure-dialogs.ts`). SVG is already as light as it gets and is left as it
 * is. The plan here is pure: which copies exist follows from the figure's
 * width alone, so the page (this rehype step) and the build step that makes
 * them (`src/integrations/figure-variants.ts`) always agree.
 */
import type { Element, ElementContent, Root } from 'hast';
import { eachElement } from './tree-walk.ts';
import { figureFromUrl, figureVariantPath, type SitePath, siteUrl } from './urls.ts';

/**
 * The widths copies are made at: a 360 px phone, the text column (640 px),
 * and the column on screens of 1.5× and 2× density. Wider is never needed:
 * the column is at most 40rem.
 */
export const VARIANT_WIDTHS = [360, 640, 960, 1280] as const;

/**
 * The formats copies are made in, best first. WebP only: every browser the
 * site supports reads it, and it encodes about ten times faster than AVIF,
 * which saved only about a third more on screenshots (README: figures).
 */
export const VARIANT_FORMATS = [{ format: 'webp', type: 'image/webp' }] as const;
export type VariantFormat = (typeof VARIANT_FORMATS)[number]['format'];

/**
 * How wide the figure is shown: the text column (`--measure`, 40rem) on wide
 * screens, the screen less the page's side padding on phones.
 */
export const FIGURE_SIZES = '(min-width: 44rem) 40rem, calc(100vw - 2rem)';

/** The text column in CSS pixels (40rem at the usual 16 px), the widest a figure is shown. */
export const FIGURE_COLUMN_PX = 640;

const RASTER = /\.(png|jpe?g|gif|webp)$/i;

/** Whether a figure file gets smaller copies (raster formats do; SVG does not). */
export function isRasterFigure(file: string): boolean {
  return RASTER.test(file);
}

/**
 * The widths to make copies of a raster figure `width` px wide: the steps of
 * `VARIANT_WIDTHS` clearly below it (a copy 5% smaller is not worth a file),
 * and the figure's own width when it is below the widest step.
 */
export function variantWidths(width: number): number[] {
  const widest = VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1]!;
  const steps: number[] = VARIANT_WIDTHS.filter((step) => step <= width * 0.9);
  if (width < widest) steps.push(width);
  else if (!steps.includes(widest)) steps.push(widest);
  return steps;
}

export interface FigureVariant {
  width: number;
  format: VariantFormat;
  path: SitePath;
}

/** Every copy to make of a figure (relative to the notes folder) `width` px wide; none for SVG. */
export function figureVariants(relativeToNotes: string, width: number): FigureVariant[] {
  if (!isRasterFigure(relativeToNotes) || !(width > 0)) return [];
  return VARIANT_FORMATS.flatMap(({ format }) =>
    variantWidths(width).map((w) => ({ width: w, format, path: figureVariantPath(relativeToNotes, w, format) })),
  );
}

/**
 * Rehype plugin: each raster `<img>` inside a `<figure>` becomes
 * `<picture><source type srcset sizes>…<img></picture>`. The `<img>` keeps
 * its `src`, `width` and `height` (so the layout never shifts, and a browser
 * without the modern format gets the original). Runs before the figure's
 * dialog is made, which shows the original itself.
 */
export function rehypeResponsiveFigures(options: ResponsiveOptions) {
  return (tree: Root) => {
    eachElement(tree, (figure) => {
      if (figure.tagName !== 'figure') return;
      figure.children = figure.children.map((child) => (isImage(child) ? responsive(child, options) : child));
    });
  };
}

export interface ResponsiveOptions {
  base: string;
  /**
   * The figure file's own size: copies are made from the file's width, which
   * an `<img>` the author resized (Typora's `zoom:50%`) does not show.
   */
  lookup?: (relativeToNotes: string) => { width: number } | undefined;
}

function isImage(node: ElementContent): node is Element {
  return node.type === 'element' && node.tagName === 'img';
}

function responsive(img: Element, { base, lookup }: ResponsiveOptions): Element {
  const src = typeof img.properties.src === 'string' ? img.properties.src : '';
  const figure = figureFromUrl(base, src);
  const width = (figure && lookup?.(figure)?.width) || Number(img.properties.width);
  const variants = figure ? figureVariants(figure, width) : [];
  if (variants.length === 0) return img;
  const sources: Element[] = VARIANT_FORMATS.map(({ format, type }) => ({
    type: 'element',
    tagName: 'source',
    properties: {
      type,
      srcSet: variants
        .filter((variant) => variant.format === format)
        .map((variant) => `${siteUrl(base, variant.path)} ${variant.width}w`)
        .join(', '),
      sizes: FIGURE_SIZES,
    },
    children: [],
  }));
  return { type: 'element', tagName: 'picture', properties: {}, children: [...sources, img] };
}
