/** axe-core in a page, in Chromium: its WCAG 2.1 A and AA violations, one line each. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Axe {
  run: (
    context: Document | string,
    options: object,
  ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
}

/** The violations on the page, or within `selector`. */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  // Evaluated through the DevTools protocol, as a reader's extension would run: the page's CSP rightly refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (within) => {
    const axe = (window as unknown as { axe: Axe }).axe;
    const result = await axe.run(within ?? document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selector);
}
