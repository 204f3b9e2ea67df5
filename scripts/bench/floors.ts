/**
 * What the chosen stack costs with nothing of ours, on the same notes and
 * pages as our build: the floor under each step, so that the bench says how
 * much of a step is ours and how much is the libraries' however well ours is
 * written. Each floor runs as a process of its own, between our cold builds:
 * - Markdown: the notes turned into HTML by the site's Markdown libraries
 *   alone (`floor-markdown.ts`), on the build's threads;
 * - Astro: a project with one route that writes each of our built pages as
 *   it is (no layout, no components, no integrations): Astro's start-up,
 *   bundling and writing of that many pages;
 * - search: Pagefind alone, with its defaults, on our built pages
 *   (`floor-pagefind.ts`), as plain Pagefind's users run it.
 * Their sum is the least a cold build can take on this machine with this
 * stack; a rebuild with one search index can take no less than Astro's
 * start-up plus Pagefind alone, which has no incremental mode.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countPages, type ProcessCost, runMeasured } from './measuring.ts';

export interface StackFloors {
  /** Seconds: the Markdown and search floors time their work alone, as the build's steps are timed. */
  markdown: number;
  /** The whole Astro build, start-up included, as "pages" and "other" of ours are. */
  astro: number;
  search: number;
  /** Pages Astro wrote, to compare with what our build wrote. */
  astroPages: number;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));

// Every built page as it is, at its own path; Astro's `[...page]` takes the home page as `undefined`.
const ROUTE = `---
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
export function getStaticPaths() {
  const dir = process.env.FLOOR_PAGES;
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file === 'index.html' || (file.endsWith('/index.html') && !file.startsWith('pagefind/')))
    .map((file) => ({ params: { page: path.dirname(file) === '.' ? undefined : path.dirname(file) }, props: { file: path.join(dir, file) } }));
}
---
<Fragment set:html={readFileSync(Astro.props.file, 'utf8')} />
`;

// The not-found page, as Astro writes it (404.html, not 404/index.html).
const NOT_FOUND = `---
import { readFileSync } from 'node:fs';
import path from 'node:path';
---
<Fragment set:html={readFileSync(path.join(process.env.FLOOR_PAGES, '404.html'), 'utf8')} />
`;

/**
 * Measures each floor once on `notesDir` (the notes our build read) and
 * `site` (the pages it wrote); the bench takes the median of its calls.
 */
export function measureFloors(root: string, notesDir: string, site: string): StackFloors {
  const node = process.execPath;
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  const project = mkdtempSync(path.join(tmpdir(), 'bench-astro-floor-'));
  try {
    mkdirSync(path.join(project, 'src/pages'), { recursive: true });
    // The site's own Astro, not another install: the floor of the version we build with.
    symlinkSync(path.join(root, 'node_modules'), path.join(project, 'node_modules'));
    writeFileSync(path.join(project, 'package.json'), '{ "name": "astro-floor", "private": true, "type": "module" }\n');
    // Its caches in the project: Astro's default (node_modules/.astro) would be the site's, through the link.
    writeFileSync(
      path.join(project, 'astro.config.mjs'),
      "export default { build: { format: 'directory' }, cacheDir: './cache', vite: { cacheDir: './cache/vite' } };\n",
    );
    writeFileSync(path.join(project, 'src/pages/[...page].astro'), ROUTE);
    if (existsSync(path.join(site, '404.html'))) writeFileSync(path.join(project, 'src/pages/404.astro'), NOT_FOUND);
    const markdown = timedBy(runMeasured([node, path.join(HERE, 'floor-markdown.ts'), notesDir], { cwd: root, env }));
    const astro = runMeasured([node, path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
      cwd: project,
      env: { ...env, FLOOR_PAGES: site },
    }).wallSeconds;
    const search = timedBy(runMeasured([node, path.join(HERE, 'floor-pagefind.ts'), site], { cwd: root, env }));
    return { markdown, astro, search, astroPages: countPages(path.join(project, 'dist')) };
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

/** The seconds a floor's script says its work took (the last line it printed). */
function timedBy(run: ProcessCost): number {
  const { milliseconds } = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { milliseconds?: number };
  if (typeof milliseconds !== 'number')
    throw new Error(`a floor's script printed no time:\n${run.stdout}${run.stderr}`);
  return milliseconds / 1000;
}
