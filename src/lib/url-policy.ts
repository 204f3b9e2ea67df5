/**
 * Which URLs a note may publish. A link in a note is clicked by readers in
 * the site's own origin, so a `javascript:`, `vbscript:` or `data:text/html`
 * link would run whatever its author (or the web page it was pasted from)
 * wrote. Links may therefore only be relative (to the note, the site, or a
 * `#fragment`), `http(s)://` or `mailto:`; everything else is reported and
 * not published.
 *
 * The scheme is read by the WHATWG URL parser, the one browsers use, so
 * what the browser would run is exactly what is judged: `JaVaScRiPt:`,
 * `java\tscript:` and ` javascript:` are all `javascript:` to it, while
 * `笔记:第二章.md` is a relative path (Han characters are not a scheme).
 * @see https://url.spec.whatwg.org/#concept-basic-url-parser
 */

/** Schemes a link may use; anything without a scheme is relative and allowed. */
export const LINK_SCHEMES: readonly string[] = ['http:', 'https:', 'mailto:'];

/** Images may also be inline data, but only as pictures (an `<img>` never runs what it shows). */
const INLINE_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp|svg\+xml)[;,]/i;

// A base no note can name: a relative URL resolves against it and keeps its scheme.
const PROBE_BASE = 'https://relative.invalid/';

/** The scheme the browser would give `url` (`https:`, `javascript:`), or `relative`, or `invalid` when it cannot be read. */
export function urlScheme(url: string): string {
  try {
    const parsed = new URL(url, PROBE_BASE);
    return parsed.origin === new URL(PROBE_BASE).origin && !/^\s*[a-z][a-z0-9+.-]*:/i.test(stripped(url))
      ? 'relative'
      : parsed.protocol.toLowerCase();
  } catch {
    return 'invalid';
  }
}

// What the URL parser ignores before reading a scheme: leading C0 controls and spaces, tabs and newlines anywhere.
function stripped(url: string): string {
  let start = 0;
  while (start < url.length && url.charCodeAt(start) <= 0x20) start += 1;
  return url.slice(start).replace(/[\t\n\r]/g, '');
}

/** Whether a link (`href`) to `url` may be published. */
export function isAllowedLink(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === 'relative' || LINK_SCHEMES.includes(scheme);
}

/** Whether an image source may be published here (local or inline picture data; other sites are judged elsewhere). */
export function isAllowedImageSource(url: string): boolean {
  const scheme = urlScheme(url);
  if (scheme === 'data:') return INLINE_IMAGE.test(stripped(url));
  return scheme === 'relative' || scheme === 'http:' || scheme === 'https:';
}

/** Whether `url` is on another site (`https://…`, `//host/…`): loading it would break the offline rule. */
export function isOtherSite(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === 'http:' || scheme === 'https:';
}

/** `javascript:alert(1)` shortened for a message. */
export function shownUrl(url: string): string {
  const flat = url.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}

/** Why a link to `url` is not published, for the author. */
export function linkRefusal(url: string): string {
  const scheme = urlScheme(url);
  if (scheme === 'invalid') return `the link ${shownUrl(url)} is not a valid URL`;
  if (scheme === 'file:' || /^[a-z]:[\\/]/i.test(url.trim()))
    return `the link ${shownUrl(url)} points at a file on the author's computer`;
  return `the link ${shownUrl(url)} uses ${scheme.replace(/:$/, '')}:, which a note may not link to`;
}

export const LINK_HINT =
  'links may be relative (another note, a figure, #a-heading), http(s):// or mailto:; the link text is kept without the link';

/** The subset of KaTeX's trust context this policy reads. */
export interface TrustContext {
  command: string;
  url?: string;
}

/**
 * KaTeX's `trust` for notes: `\href` and `\url` become links when their URL
 * is one a note may link to; every other trusted command (`\includegraphics`,
 * which would load an image from anywhere, `\htmlClass`, `\htmlStyle`, …) stays off.
 * @see https://katex.org/docs/options (trust)
 */
export function trustTex(context: TrustContext): boolean {
  return (context.command === '\\href' || context.command === '\\url') && isAllowedLink(context.url ?? '');
}
