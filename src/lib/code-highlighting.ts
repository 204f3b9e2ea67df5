/**
 * How notes' code is coloured (Shiki, through `@shikijs/rehype` in `render.ts`).
 * A module of its own so that what needs the setting alone (the bench's
 * Markdown floor) does not load the whole render step.
 */
import type { RehypeShikiOptions } from '@shikijs/rehype';

/**
 * Code is coloured at build time for both themes at once (CSS variables the
 * stylesheet picks from by colour scheme), so no highlighter runs in the
 * browser. Languages load when a note first uses them; an unknown language is
 * shown as plain text, never dropped.
 */
export const CODE_HIGHLIGHTING: RehypeShikiOptions = {
  themes: { light: 'github-light-default', dark: 'github-dark-default' },
  defaultColor: false,
  langs: [],
  lazy: true,
  defaultLanguage: 'text',
  fallbackLanguage: 'text',
};
