/**
 * Typora resizes an image by rewriting it as HTML
 * (`<img src="笔记/图.png" style="zoom:50%;" />`, or `width="60%"`), and
 * pasted HTML carries `<img>` too. Such an image is a figure like any
 * Markdown image: its local file is resolved, measured and published by the
 * same rules (`figures.ts`), a stand-alone one becomes a `<figure>` captioned
 * with its alt text, and the author's size is kept as a width (the inline
 * style itself is not published: `sanitize-html.ts`).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { type FigureOptions, type FigureSize, figureCaption, resolveFigure } from './figures.ts';
import { report } from './problems.ts';
import { placeKey } from './sanitize-html.ts';
import { eachElement } from './tree-walk.ts';
import { isOtherSite } from './url-policy.ts';
import { figurePath, siteUrl } from './urls.ts';

/** A figure as measured for the build: an SVG also says what its published copy leaves out (`sanitize-svg.ts`). */
export interface CheckedFigure extends FigureSize {
  removed?: string[];
}

export interface RawFigureOptions extends FigureOptions {
  /** Start points of the note's Markdown images, which `figures.ts` has resolved already. */
  markdownImages?: ReadonlySet<string>;
}

/** The size the author gave an `<img>`: Typora's `zoom`, a CSS or attribute width in pixels, or a percentage. */
export interface AuthorSize {
  /** Scale of the file's own size (`zoom:50%` → 0.5). */
  zoom?: number;
  /** Width in CSS pixels. */
  pixels?: number;
  /** Width as a share of the text column (`width="60%"`). */
  percent?: number;
}

/** Reads the size an `<img>`'s `style` (`zoom:50%;`, `width:300px`) and `width` attribute give. */
export function authorSize(style: string | undefined, width: string | number | undefined): AuthorSize {
  const declarations = new Map(
    (style ?? '')
      .split(';')
      .map((part) => part.split(':').map((piece) => piece.trim().toLowerCase()) as [string, string?])
      .filter(([name, value]) => name && value)
      .map(([name, value]) => [name, value ?? '']),
  );
  const zoom = declarations.get('zoom');
  if (zoom) {
    const match = /^(\d+(?:\.\d+)?)(%?)$/.exec(zoom);
    if (match) return { zoom: Number(match[1]) / (match[2] ? 100 : 1) };
  }
  for (const value of [declarations.get('width'), width === undefined ? undefined : String(width).trim()]) {
    const match = value ? /^(\d+(?:\.\d+)?)(px|%)?$/.exec(value) : null;
    if (!match) continue;
    return match[2] === '%' ? { percent: Number(match[1]) } : { pixels: Number(match[1]) };
  }
  return {};
}

/** The style left once the size is taken out of it (undefined if nothing is left). */
function styleWithoutSize(style: string): string | undefined {
  const rest = style
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part && !/^(zoom|width|height)\s*:/i.test(part));
  return rest.length > 0 ? rest.join('; ') : undefined;
}

/** Rehype plugin: resolves each HTML `<img>` with a local source as a figure. */
export function rehypeRawFigures(options: RawFigureOptions) {
  return (tree: Root, file: VFile) => {
    file.data.figures ??= [];
    const figures = file.data.figures;
    eachElement(tree, (node, ancestors) => {
      if (node.tagName !== 'img' || options.markdownImages?.has(placeKey(node.position?.start))) return;
      const src = node.properties.src;
      if (typeof src !== 'string' || !src.trim()) return;
      const resolved = resolveFigure(src.trim(), options.noteFile);
      // Inline data, other sites and other schemes are judged by `sanitize-html.ts`.
      if (resolved.kind === 'inline' || resolved.kind === 'remote') return;
      if (resolved.kind === 'outside') {
        report(file, {
          at: node,
          message: `the figure ${src} is outside the notes folder`,
          hint: "save the image in the note's asset folder (next to the note) and reference it by a relative path",
          rule: 'figure-location',
        });
        return;
      }
      const size = options.lookup(resolved.relativeToNotes);
      if (!size) {
        report(file, {
          at: node,
          message: `the figure ${src} does not exist (looked for ${options.notesDisplayDir ?? 'notes'}/${resolved.relativeToNotes})`,
          hint: "add the file to the note's asset folder, or correct the path or extension in the note",
          rule: 'missing-figure',
        });
        return;
      }
      if (!figures.includes(resolved.relativeToNotes)) figures.push(resolved.relativeToNotes);
      const style = typeof node.properties.style === 'string' ? node.properties.style : undefined;
      const given = authorSize(style, node.properties.width as string | number | undefined);
      const scale = given.zoom ?? (given.pixels ? given.pixels / size.width : 1);
      const caption = figureCaption(
        typeof node.properties.alt === 'string' ? node.properties.alt : '',
        resolved.relativeToNotes,
      );
      // The resolved file is the one source: a local `srcset` beside it names files that are not published
      // (one from another site is left for `sanitize-html.ts` to refuse).
      const { style: _style, width: _width, height: _height, ...rest } = node.properties;
      const candidates = [rest.srcSet ?? []].flat().map(String);
      if (!candidates.some((candidate) => isOtherSite(candidate.trim().split(/\s+/)[0] ?? ''))) {
        delete rest.srcSet;
        delete rest.sizes;
      }
      node.properties = {
        ...rest,
        src: siteUrl(options.base, figurePath(resolved.relativeToNotes)),
        alt: size.description ?? caption,
        ...(given.percent
          ? { width: `${given.percent}%` }
          : { width: Math.round(size.width * scale), height: Math.round(size.height * scale) }),
        loading: 'lazy',
        decoding: 'async',
        ...(style && styleWithoutSize(style) ? { style: styleWithoutSize(style) } : {}),
      };
      const parent = ancestors.at(-1);
      if (parent && standsAlone(node, parent)) {
        wrapInFigure(node, parent, parent.children.indexOf(node), caption);
      }
    });
    reportSanitizedSvgs(tree, figures, options, file);
  };
}

/** A warning at each image whose SVG file had scripts or references elsewhere: the published copy is without them. */
function reportSanitizedSvgs(tree: Root, figures: string[], options: FigureOptions, file: VFile): void {
  const bySource = new Map(figures.map((figure) => [siteUrl(options.base, figurePath(figure)), figure]));
  eachElement(tree, (node) => {
    const figure = node.tagName === 'img' ? bySource.get(String(node.properties.src)) : undefined;
    const removed = figure ? (options.lookup(figure) as CheckedFigure | undefined)?.removed : undefined;
    if (!figure || !removed?.length) return;
    report(file, {
      at: node,
      message: `the figure ${figure} is published without what could run or load from elsewhere: ${removed.join(', ')}`,
      hint: 'nothing to do if the drawing looks right; to silence this, save the drawing again without scripts, event handlers, <foreignObject> or references to other files',
      severity: 'warning',
      rule: 'svg-sanitized',
    });
  });
}

/** Whether the image is a paragraph (or HTML block) of its own. */
function standsAlone(node: Element, parent: Root | Element): boolean {
  const content = parent.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  if (parent.type === 'root') {
    // An HTML block of its own: no text right before or after it.
    const at = content.indexOf(node);
    return [content[at - 1], content[at + 1]].every((sibling) => sibling?.type !== 'text');
  }
  return parent.tagName === 'p' && content.length === 1 && content[0] === node;
}

function wrapInFigure(node: Element, parent: Root | Element, index: number, caption: string): void {
  const figure: Element = {
    type: 'element',
    tagName: 'figure',
    properties: {},
    children: [
      node,
      { type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: caption }] },
    ],
    ...(node.position ? { position: node.position } : {}),
  };
  if (parent.type === 'element' && parent.tagName === 'p') {
    // The paragraph becomes the figure.
    Object.assign(parent, { tagName: 'figure', properties: {}, children: figure.children });
    return;
  }
  (parent.children as (RootContent | ElementContent)[])[index] = figure;
}
