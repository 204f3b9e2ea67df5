/**
 * Resolves the figures a note references (`![alt](资产目录/图.svg)`) to files
 * in the notes folder and turns each stand-alone image into a `<figure>`
 * with a caption, sized so nothing jumps while it loads.
 */
import path from 'node:path';
import type { Image, Paragraph, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from './problems.ts';
import { figurePath, siteUrl } from './urls.ts';

export interface FigureSize {
  width: number;
  height: number;
  /** What the figure shows, from the file itself (an SVG's `<desc>` or `<title>`), for its alt text. */
  description?: string;
}

export interface FigureOptions {
  /** The site's base path. */
  base: string;
  /** The note's file, relative to the notes folder (posix separators). */
  noteFile: string;
  /** The notes folder as shown to the author in errors (default `notes`). */
  notesDisplayDir?: string;
  /** Size of a figure given its path relative to the notes folder, or undefined if no such file. */
  lookup: (relativeToNotes: string) => FigureSize | undefined;
  /** Why a file that has no figure size is not an image (`0 bytes`, `text`), or undefined if there is no such file. */
  whyNotImage?: (relativeToNotes: string) => string | undefined;
  /** Whether a file exists in the notes folder: links to files beside a note publish them. */
  isFile?: (relativeToNotes: string) => boolean;
}

/** A figure reference resolved against the note's folder, or why it cannot be. */
export type ResolvedFigure =
  | { kind: 'local'; relativeToNotes: string }
  | { kind: 'inline' }
  | { kind: 'remote' }
  | { kind: 'outside' };

/**
 * Resolves `reference` (a figure's or a link's URL as written in the note)
 * relative to the note's folder. `c%23.png` is the file `c#.png`: Markdown
 * asks for `#` and spaces to be escaped in a URL.
 */
export function resolveFigure(reference: string, noteFile: string): ResolvedFigure {
  if (/^data:/i.test(reference)) return { kind: 'inline' };
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(reference)) return { kind: 'remote' };
  const decoded = reference
    .replace(/[?#].*$/, '')
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        // A lone `%` is a literal character in a file name.
        return segment;
      }
    })
    .join('/');
  // `/x.png` means the notes folder's root, as Hexo's `source/` root.
  const relative = decoded.startsWith('/')
    ? path.posix.normalize(decoded.slice(1))
    : path.posix.join(path.posix.dirname(noteFile), decoded);
  if (relative.startsWith('../') || relative === '..') return { kind: 'outside' };
  return { kind: 'local', relativeToNotes: relative };
}

// Screenshot tools name pasted images like `image-20230313191630366`: not a caption.
const TOOL_DEFAULT_ALT = /^(?:image|img|截图|屏幕截图|screenshot|pasted[ -]image)[-_ ]?\d{6,}[\d_-]*$/i;

/** The caption for a figure: its alt text, or its file name where the alt is empty or a tool's default. */
export function figureCaption(alt: string | null | undefined, relativeToNotes: string): string {
  const text = (alt ?? '').trim();
  if (text && !TOOL_DEFAULT_ALT.test(text)) return text;
  return path.posix.basename(relativeToNotes).replace(/\.[^.]+$/, '');
}

/** Remark plugin: rewrites figure URLs and wraps stand-alone images in `<figure>`. */
export function remarkFigures(options: FigureOptions) {
  return (tree: Root, file: VFile) => {
    const figures: string[] = [];
    const resolvedImages = new WeakSet<Image>();
    visit(tree, 'image', (image: Image) => {
      const resolved = resolveFigure(image.url, options.noteFile);
      if (resolved.kind === 'inline') return;
      if (resolved.kind !== 'local') {
        report(file, {
          at: image,
          message:
            resolved.kind === 'remote'
              ? `the figure ${image.url} is on another site; the notes must work offline`
              : `the figure ${image.url} is outside the notes folder`,
          hint: "save the image in the note's asset folder (next to the note) and reference it by a relative path",
          rule: 'figure-location',
        });
        return;
      }
      const size = options.lookup(resolved.relativeToNotes);
      if (!size) {
        const why = options.whyNotImage?.(resolved.relativeToNotes);
        report(file, {
          at: image,
          message: why
            ? `the figure ${image.url} is not an image: ${why} (${options.notesDisplayDir ?? 'notes'}/${resolved.relativeToNotes})`
            : `the figure ${image.url} does not exist (looked for ${options.notesDisplayDir ?? 'notes'}/${resolved.relativeToNotes})`,
          hint: why
            ? 'replace the file with the image itself (save it again from the program that made it)'
            : "add the file to the note's asset folder, or correct the path or extension in the note",
          rule: why ? 'not-an-image' : 'missing-figure',
        });
        return;
      }
      figures.push(resolved.relativeToNotes);
      resolvedImages.add(image);
      image.url = siteUrl(options.base, figurePath(resolved.relativeToNotes));
      const caption = figureCaption(image.alt, resolved.relativeToNotes);
      image.alt = caption;
      image.data = {
        ...image.data,
        // The caption names the figure; the alt text says what it shows, where the file tells us.
        hProperties: {
          alt: size.description ?? caption,
          width: size.width,
          height: size.height,
          loading: 'lazy',
          decoding: 'async',
        },
      };
    });
    visit(tree, 'paragraph', (paragraph: Paragraph, index, parent) => {
      if (index === undefined || !parent) return;
      const content = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
      const image = content[0];
      if (content.length !== 1 || image?.type !== 'image' || !resolvedImages.has(image)) return;
      parent.children[index] = figureNode(image) as RootContent;
    });
    file.data.figures = figures;
  };
}

/** An mdast node that remark-rehype turns into `<figure><img><figcaption>`. */
function figureNode(image: Image) {
  return {
    type: 'figure',
    data: { hName: 'figure' },
    position: image.position,
    children: [
      image,
      { type: 'figcaption', data: { hName: 'figcaption' }, children: [{ type: 'text', value: image.alt ?? '' }] },
    ],
  };
}

declare module 'vfile' {
  interface DataMap {
    /** Figures used by the rendered part, relative to the notes folder. */
    figures: string[];
  }
}
