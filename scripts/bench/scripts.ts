/**
 * What the site's JavaScript costs, by file as shipped and by feature: every
 * bundled script in `_astro/` (raw and gzipped, and whether every page loads
 * it or it waits for the reader), and each reading feature's own module
 * bundled alone, minified, with what it imports, as if it were its own file.
 * The reading features ship as one file (`reading.ts`); the sum of their
 * sizes alone is more than that file, which compresses better as one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'rolldown';
import { ROOT } from '../../tests/helpers/sites.ts';

export interface ScriptSize {
  name: string;
  raw: number;
  gzip: number;
  /** For a shipped file: loaded by pages before any interaction, or only when the reader asks (search). */
  when?: 'every page' | 'on demand';
}

/** The reading features, each by the module that is its script; the figure viewer has none. */
export const FEATURES: [string, string | undefined][] = [
  ['reading progress (progress-client.ts + lib/progress.ts)', 'src/components/progress-client.ts'],
  ['table of contents follows the reader (toc-spy.ts)', 'src/components/toc-spy.ts'],
  ['back to top (back-to-top.ts)', 'src/components/back-to-top.ts'],
  ['print button (print-page.ts)', 'src/components/print-page.ts'],
  ['figure viewer (built as HTML: lib/figure-dialogs.ts)', undefined],
  ['reading time, dates, figure numbers, whole-note page (built as HTML)', undefined],
];

const sizeOf = (name: string, code: string | Buffer): ScriptSize => ({
  name,
  raw: Buffer.byteLength(code),
  gzip: code.length === 0 ? 0 : gzipSync(code).length,
});

/** Every script in a built site's `_astro/`, as shipped. */
export function shippedScripts(dir: string, html: string): ScriptSize[] {
  const folder = path.join(dir, '_astro');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({
      ...sizeOf(file, readFileSync(path.join(folder, file))),
      when: html.includes(file) ? ('every page' as const) : ('on demand' as const),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Each reading feature's script bundled on its own. */
export async function featureScripts(base = '/'): Promise<ScriptSize[]> {
  const sizes: ScriptSize[] = [];
  for (const [name, entry] of FEATURES) {
    if (!entry) {
      sizes.push(sizeOf(name, ''));
      continue;
    }
    // Rolldown, as the service worker is bundled (Vite bundles the site's own with it too).
    const result = await build({
      input: path.join(ROOT, entry),
      write: false,
      logLevel: 'silent',
      output: { format: 'esm', minify: true },
      transform: { define: { 'import.meta.env.BASE_URL': JSON.stringify(base) } },
    });
    const [chunk] = result.output;
    sizes.push(sizeOf(name, chunk?.type === 'chunk' ? chunk.code : ''));
  }
  return sizes;
}
