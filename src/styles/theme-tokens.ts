/**
 * The stylesheet's first words, written from `src/site.ts` so colours have
 * one source: the order of the cascade layers (declared before any rule, so
 * a layer's place never depends on which stylesheet loads first) and the
 * theme's custom properties. The layout inlines it at the top of `<head>`.
 */
import { PALETTE } from '../site.ts';

/** Lowest first: a later layer wins over an earlier one; print comes last so paper always wins. */
export const LAYERS = ['tokens', 'base', 'layout', 'prose', 'components', 'vendor', 'print'] as const;

export function themeTokensCss(): string {
  const colours = Object.entries(PALETTE)
    .map(([name, { light, dark }]) => `--${name}:light-dark(${light},${dark});`)
    .join('');
  return `@layer ${LAYERS.join(',')};@layer tokens{:root{${colours}}}`;
}
