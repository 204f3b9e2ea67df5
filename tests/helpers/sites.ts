/**
 * The sites the tests read: the real notes at the root and at a project
 * sub-path (as GitHub Pages serves them), a fixture notes folder with
 * math, MDX and a single-page note, and one for search. `scripts/test.ts`
 * builds them once.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface SiteBuild {
  notesDir: string;
  base: string;
  outDir: string;
  /** The site's origin, for canonical URLs and the sitemap (none: a local build). */
  site?: string;
}

export const SITES = {
  root: { notesDir: 'notes', base: '/', outDir: '.test-out/root' },
  subPath: { notesDir: 'notes', base: '/notes-site/', outDir: '.test-out/sub-path', site: 'https://notes.example.org' },
  fixtures: { notesDir: 'tests/fixtures/site-notes', base: '/', outDir: '.test-out/fixtures' },
  // Notes for search: traditional and Taiwan words, a phrase and its characters apart, titles that are HTML.
  search: { notesDir: 'tests/fixtures/search-notes', base: '/', outDir: '.test-out/search' },
} satisfies Record<string, SiteBuild>;

export type SiteName = keyof typeof SITES;

export interface BuildResult {
  status: number | null;
  output: string;
}

/** Runs `astro build` with the notes folder, base path and output folder given. */
export function runBuild(site: SiteBuild, extraEnv: Record<string, string> = {}): BuildResult {
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        NOTES_DIR: site.notesDir,
        BASE_PATH: site.base,
        OUT_DIR: site.outDir,
        SITE: site.site ?? '',
        ...extraEnv,
      },
    },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Builds a site afresh; throws with Astro's output if the build fails. */
export function buildSite(name: SiteName): void {
  const site = SITES[name];
  rmSync(path.join(ROOT, site.outDir), { recursive: true, force: true });
  const result = runBuild(site);
  if (result.status !== 0) throw new Error(`building the ${name} site failed:\n${result.output}`);
}

/** The output folder of a site, building it first if a test runs on its own. */
export function builtSite(name: SiteName): string {
  const dir = path.join(ROOT, SITES[name].outDir);
  if (!existsSync(path.join(dir, 'index.html'))) buildSite(name);
  return dir;
}
