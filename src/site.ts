/**
 * What the whole site shares, in one place: its name, language, colours and
 * the URL parameter search results use. Pages, the manifest, the pipeline,
 * the stylesheet's tokens and the tests all read these.
 */
export const SITE_NAME = '学习笔记';

/** The language of the site's own words (notes may declare or be detected as another). */
export const SITE_LANG = 'zh-CN';

/**
 * The colour tokens, each for the light and the dark theme; `theme-tokens.ts`
 * writes them as CSS custom properties with `light-dark()`, and the manifest
 * and `<meta name="theme-color">` take the page background and the accent.
 */
export const PALETTE = {
  bg: { light: '#fdfcf8', dark: '#16181d' },
  'bg-soft': { light: '#f3f1ea', dark: '#20232a' },
  text: { light: '#1d1f23', dark: '#e6e4de' },
  muted: { light: '#5a5f69', dark: '#a8adb8' },
  accent: { light: '#1f5f8b', dark: '#7cc0f0' },
  'accent-soft': { light: '#e3eef6', dark: '#1e3447' },
  border: { light: '#dcd8cc', dark: '#3a3e48' },
  mark: { light: '#ffe58a', dark: '#ffe58a' },
  'mark-text': { light: '#1d1f23', dark: '#1d1f23' },
} as const;

/** The query parameter a search result adds to its link, naming the words to mark on the page it opens. */
export const HIGHLIGHT_PARAM = 'highlight';

/**
 * The ids the site's own page elements use (layout and components). A note's
 * heading never takes one of them (`heading-anchors.ts` gives it another), so
 * `#content` always reaches the text and the table of contents its own title.
 */
export const SITE_IDS = ['content', 'search', 'toc-title', 'chapters-title'] as const;
