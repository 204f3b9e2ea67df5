/**
 * The Content-Security-Policy of every page: a second wall behind the
 * sanitizer, so that even a note that got a script past it could not run it,
 * nor load anything from another site. GitHub Pages sends no headers, so the
 * policy travels in a `<meta http-equiv>` that Astro writes into each page
 * (`security.csp`), with the hashes of the scripts and stylesheets it bundles
 * or inlines; our own two inline pieces (the theme script that must run
 * before the first paint, and the theme's colour tokens) add their hashes
 * in `Base.astro`.
 *
 * What a page may use: scripts from the site itself (Pagefind's included,
 * which compiles WebAssembly), stylesheets from the site and `<style>`
 * elements only by hash, images from the site or inline picture data, the
 * site's fonts, its search worker and service worker, and nothing else: no
 * frames, plugins, forms or `<base>`. Style *attributes* are allowed: KaTeX
 * positions every glyph and Shiki colours every token with them, and a
 * note's own style attributes never reach the page (`sanitize-html.ts`).
 * Browsers without `style-src-elem`/`-attr` fall back to `style-src`, which
 * allows inline styles, so math and code look right everywhere.
 * @see https://docs.astro.build/en/reference/configuration-reference/#securitycsp
 * @see https://pagefind.app/docs/ (CSP: 'wasm-unsafe-eval')
 */
import { createHash } from 'node:crypto';
import type { AstroUserConfig } from 'astro';

type CspConfig = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

export const CONTENT_SECURITY_POLICY: CspConfig = {
  algorithm: 'SHA-256',
  directives: [
    "default-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ],
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
  styleDirective: {
    resources: [
      "'self'",
      "'unsafe-inline'",
      { resource: "'self'", kind: 'element' },
      { resource: "'unsafe-inline'", kind: 'attribute' },
    ],
  },
};

/** The CSP source for an inline script's or style's exact text: `sha256-…`. */
export function cspHash(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
