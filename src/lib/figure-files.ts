/**
 * What the notes folder holds besides notes, as the pipeline asks about it:
 * a figure's size and description (an SVG sanitized on the way), why a file
 * that is there is no image, whether a linked file exists. I/O, at the edge.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import type { CheckedFigure } from './raw-figures.ts';
import { sanitizedSvgFile } from './sanitize-svg.ts';

/** Why a file that exists cannot be a figure (`it is empty`), or undefined if there is no such file. */
export function whyNotImage(file: string): string | undefined {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return 'it is a folder';
    if (stat.size === 0) return 'it is empty (0 bytes)';
    const start = readFileSync(file).subarray(0, 512);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(start.subarray(0, start.lastIndexOf(0x0a) + 1 || start.length));
      return 'it holds text, not image data';
    } catch {
      return 'its bytes are not a PNG, JPEG, GIF, WebP, AVIF or SVG image';
    }
  } catch {
    return undefined;
  }
}

/** Whether `file` exists and is a file (not a folder). */
export function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Reads the size (and, for SVG, the description) of a figure file, or
 * undefined if it does not exist. An SVG is also sanitized (kept by content
 * hash in `svgCacheDir`), so what its published copy leaves out is known.
 */
export function measureFigure(file: string, svgCacheDir?: string): CheckedFigure | undefined {
  try {
    if (!statSync(file).isFile()) return undefined;
    const bytes = readFileSync(file);
    const size = imageSize(bytes);
    if (!size.width || !size.height) return undefined;
    const svg = file.toLowerCase().endsWith('.svg');
    const description = svg ? svgDescription(bytes.toString('utf8')) : undefined;
    const removed = svg ? sanitizedSvgFile(file, svgCacheDir).removed : [];
    return {
      width: size.width,
      height: size.height,
      ...(description ? { description } : {}),
      ...(removed.length > 0 ? { removed } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Where sanitized SVG figures are kept between builds: beside the notes cache. */
export function svgCacheFor(cacheDir: string | undefined): string | undefined {
  return cacheDir ? path.join(path.dirname(cacheDir), 'svg') : undefined;
}

/** The text of an SVG's first `<desc>` (or `<title>`), entities decoded. */
export function svgDescription(svg: string): string | undefined {
  const match = /<desc\b[^>]*>([\s\S]*?)<\/desc>/i.exec(svg) ?? /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(svg);
  const text = match?.[1]
    ?.replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return text || undefined;
}
