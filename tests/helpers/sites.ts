/**
 * The sites the tests read: the real notes at the root and at a project
 * sub-path (as GitHub Pages serves them), a fixture notes folder with math,
 * MDX and a single-page note, one of notes as people really write them (at a
 * sub-path), one of hostile notes (at a sub-path), one for search, a note
 * with PNG and JPEG figures, and a generated collection of 1,500 notes in
 * nested categories (at the root and under a sub-path). `scripts/test.ts`
 * builds them once.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeBriefNotes } from '../../scripts/bench/collection.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface SiteBuild {
  notesDir: string;
  base: string;
  outDir: string;
  /** The site's origin, for canonical URLs and the sitemap (none: a local build). */
  site?: string;
  /** Writes the notes folder before the build, for generated notes. */
  generate?: (notesDir: string) => void;
  /** More of the build's environment. */
  env?: Record<string, string>;
}

/** How many notes the large generated site has. */
export const MANY_NOTES = 1500;
// Written once for both builds: the same files, so the second build takes the first one's rendered notes.
const writeManyNotes = (notesDir: string) => {
  const generator = createHash('sha256')
    .update(readFileSync(path.join(ROOT, 'scripts/bench/collection.ts')))
    .digest('hex')
    .slice(0, 12);
  const stamp = path.join(ROOT, notesDir, `.${MANY_NOTES}-notes-${generator}`);
  if (existsSync(stamp)) return;
  writeBriefNotes(MANY_NOTES, path.join(ROOT, notesDir));
  writeFileSync(stamp, '');
};

// Notes for search: traditional and Taiwan words, a phrase and its characters apart, titles that are HTML.
const SEARCH_NOTES: SiteBuild = { notesDir: 'tests/fixtures/search-notes', base: '/', outDir: '.test-out/search' };
// Notes where an index in groups would differ from one index if Pagefind were left alone: a word (`sudo`) in one
// group whose start (`su`) is a word in another, a phrase whose characters only some groups have.
const GROUP_NOTES: SiteBuild = {
  notesDir: 'tests/fixtures/search-groups-notes',
  base: '/',
  outDir: '.test-out/group-notes',
};
/** The same notes with the search index in groups of about a page (src/lib/search-groups.ts). */
const inGroups = (site: SiteBuild, outDir: string): SiteBuild => ({
  ...site,
  outDir,
  env: { SEARCH_GROUP_PAGES: '1' },
});

export const SITES = {
  root: { notesDir: 'notes', base: '/', outDir: '.test-out/root' },
  subPath: { notesDir: 'notes', base: '/notes-site/', outDir: '.test-out/sub-path', site: 'https://notes.example.org' },
  fixtures: { notesDir: 'tests/fixtures/site-notes', base: '/', outDir: '.test-out/fixtures' },
  /** Reproductions of real notes nobody here wrote would write this way: shell text, books, man pages, Typora and Hexo habits. */
  realNotes: { notesDir: 'tests/fixtures/real-notes', base: '/notes-site/', outDir: '.test-out/real-notes' },
  /** Notes written as a hostile author would (scripts, javascript: links, scripted SVG, HTML titles): published harmless. */
  hostile: { notesDir: 'tests/fixtures/hostile', base: '/notes-site/', outDir: '.test-out/hostile' },
  figures: { notesDir: 'tests/fixtures/figure-notes', base: '/', outDir: '.test-out/figures' },
  many: { notesDir: '.test-out/many-notes', base: '/', outDir: '.test-out/many', generate: writeManyNotes },
  manySubPath: {
    notesDir: '.test-out/many-notes',
    base: '/notes-site/',
    outDir: '.test-out/many-sub-path',
    generate: writeManyNotes,
  },
  search: SEARCH_NOTES,
  searchGroups: inGroups(SEARCH_NOTES, '.test-out/search-groups'),
  groupNotes: GROUP_NOTES,
  groupNotesInGroups: inGroups(GROUP_NOTES, '.test-out/group-notes-in-groups'),
} satisfies Record<string, SiteBuild>;

export type SiteName = keyof typeof SITES;

export interface BuildResult {
  status: number | null;
  output: string;
}

/** Runs `astro build` with the notes folder, base path and output folder given. */
export function runBuild(site: SiteBuild, extraEnv: Record<string, string> = {}): BuildResult {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
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
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Builds a site afresh, keeping what the build printed beside it (`buildOutput`); throws if the build fails. */
export function buildSite(name: SiteName): void {
  const site: SiteBuild = SITES[name];
  rmSync(path.join(ROOT, site.outDir), { recursive: true, force: true });
  site.generate?.(site.notesDir);
  const result = runBuild(site, site.env);
  if (result.status !== 0) throw new Error(`building the ${name} site failed:\n${result.output}`);
  writeFileSync(path.join(ROOT, `${site.outDir}.log`), result.output);
}

/** What the last build of a site printed (its warnings, for one). */
export function buildOutput(name: SiteName): string {
  builtSite(name);
  return readFileSync(path.join(ROOT, `${SITES[name].outDir}.log`), 'utf8');
}

/** The output folder of a site, building it first if a test runs on its own. */
export function builtSite(name: SiteName): string {
  const dir = path.join(ROOT, SITES[name].outDir);
  if (!existsSync(path.join(dir, 'index.html'))) buildSite(name);
  return dir;
}
