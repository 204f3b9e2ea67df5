/**
 * Build cost as notes grow: builds generated corpora (and the real note)
 * with the production build (search index and service worker included) and
 * reports wall time, CPU time, peak memory, pages, time per page, output and
 * index size, and the time spent in each step. Unless `BENCH_PEERS=off`,
 * the same notes are built by Astro Starlight too (`starlight.ts`), clean
 * builds alternated with ours (ours, Starlight, ours, Starlight, …) so that
 * whatever else the machine does weighs on both alike; the ratios are
 * medians of each adjacent pair's ratio.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listNoteFiles } from '../../src/lib/build-notes.ts';
import { generateCorpus } from './corpus.ts';
import { measureFloors, type StackFloors } from './floors.ts';
import { countPages, median, type ProcessCost, runMeasured, sizeOf } from './measuring.ts';
import {
  ensureStarlightProject,
  measureStarlightBuild,
  type SidebarMode,
  type StarlightSite,
  starlightVersions,
  writeStarlightSite,
} from './starlight.ts';

export interface BuildRun {
  /** `real note` for the notes folder as it is, else the number of generated notes. */
  corpus: string;
  notes: number;
  pages: number;
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  /** The machine's load average as the build started: wall times mean little when it is well above the 2 cores. */
  load: number;
  outputMb: number;
  indexMb: number;
  /** Milliseconds per build step (markdown, figures, pages, search index, service worker). */
  steps: Record<string, number>;
  /** A rebuild after one note was edited, with the other notes' rendering kept from the build before. */
  rebuild?: BuildRun;
  /** The same notes built by Starlight, alternated with ours. */
  peer?: PeerRun;
  /** What the stack takes on the same notes and pages with nothing of ours (`floors.ts`). */
  floors?: StackFloors;
}

export interface PeerRun {
  name: string;
  /** How the peer is configured (sidebar, math). */
  description: string;
  versions: Record<string, string>;
  /** Medians of the peer's builds (its `steps` has `search index` only). */
  build: BuildRun;
  /** Ours / peer, median over the alternated pairs. */
  ratio: { wall: number; cpu: number; peakRss: number };
  /** A rebuild after editing one note, with the peer's own caches (Astro's content store) kept. */
  rebuild?: BuildRun;
  rebuildRatio?: number;
}

/**
 * One production build of `notesDir`, measured. Cold (`notesCache` off):
 * without the rendered notes or Astro's pages from any earlier build. Warm:
 * with both, into `keptOutDir`, as an author rebuilds into the same `dist/`.
 */
export function measureBuild(
  root: string,
  notesDir: string,
  corpus: string,
  notes: number,
  notesCache = 'off',
  keptOutDir?: string,
): BuildRun {
  // Astro's incremental build keeps pages by their cache key (a note's digest) in its cache folder.
  if (notesCache === 'off') rmSync(path.join(root, 'node_modules/.astro'), { recursive: true, force: true });
  const work = mkdtempSync(path.join(tmpdir(), 'bench-build-'));
  const outDir = keptOutDir ?? path.join(work, 'dist');
  const timings = path.join(work, 'timings.jsonl');
  appendFileSync(timings, '');
  const cost = runMeasured(
    [process.execPath, path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'],
    {
      cwd: root,
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        NOTES_CACHE: notesCache,
        NOTES_DIR: notesDir,
        OUT_DIR: outDir,
        BASE_PATH: '/',
        SITE: '',
        BUILD_TIMINGS_FILE: timings,
      },
    },
  );
  const steps: Record<string, number> = {};
  for (const line of readFileSync(timings, 'utf8').trim().split('\n').filter(Boolean)) {
    const { step, milliseconds } = JSON.parse(line) as { step: string; milliseconds: number };
    steps[step] = (steps[step] ?? 0) + milliseconds;
  }
  const run = builtRun({ corpus, notes, outDir, cost, steps });
  rmSync(work, { recursive: true, force: true });
  return run;
}

/** A measured build as the bench reports it: its process's cost and what it wrote to `outDir`. */
export function builtRun(build: {
  corpus: string;
  notes: number;
  outDir: string;
  cost: ProcessCost;
  steps: Record<string, number>;
}): BuildRun {
  const { cost, outDir } = build;
  return {
    corpus: build.corpus,
    notes: build.notes,
    pages: countPages(outDir),
    wallSeconds: cost.wallSeconds,
    cpuSeconds: cost.cpuSeconds,
    peakRssMb: cost.peakRssMb,
    load: cost.load,
    outputMb: sizeOf(outDir) / 1024 / 1024,
    indexMb: sizeOf(path.join(outDir, 'pagefind')) / 1024 / 1024,
    steps: build.steps,
  };
}

/** A corpus to build: the real notes folder, or a generated one of `notes` notes. */
export type CorpusSize = 'real' | number;

/** Parses `BENCH_SIZES` (`real,1,10,100,500`). */
export function parseSizes(text: string): CorpusSize[] {
  return text.split(',').map((size) => (size.trim() === 'real' ? 'real' : Number(size)));
}

/**
 * Builds each corpus `repeats` times and keeps the median of each figure,
 * alternating with Starlight builds of the same notes when `peers` is on.
 */
export function benchBuilds(
  root: string,
  sizes: CorpusSize[],
  repeats: number,
  log: (line: string) => void,
  peers = true,
  floors = true,
): BuildRun[] {
  const runs: BuildRun[] = [];
  const project = peers ? ensureStarlightProject(root, log) : undefined;
  for (const size of sizes) {
    const corpusName = size === 'real' ? 'real note' : String(size);
    let corpus = path.join(root, 'notes');
    if (size !== 'real') {
      corpus = mkdtempSync(path.join(tmpdir(), `bench-notes-${size}-`));
      generateCorpus(size, corpus, root);
    }
    const notes = listNoteFiles(corpus).length;
    const site = project ? writeStarlightSite(project, corpus, starlightOptions()) : undefined;
    if (site) log(`  Starlight for ${corpusName}: ${site.description}`);
    if (runs.length === 0) {
      // One build of each, not measured, so that neither pays alone for a cold disk cache or Node's first compile.
      measureBuild(root, corpus, corpusName, notes);
      if (site) measureStarlightBuild(site, corpusName);
    }

    const attempts: BuildRun[] = [];
    const peerAttempts: BuildRun[] = [];
    const floorRuns: StackFloors[] = [];
    // The floors work on the pages of our first cold build, kept for them, and run between our builds, as Starlight's do.
    const floorSite = floors ? path.join(mkdtempSync(path.join(tmpdir(), 'bench-floor-site-')), 'dist') : undefined;
    for (let attempt = 1; attempt <= repeats; attempt += 1) {
      attempts.push(measureBuild(root, corpus, corpusName, notes, 'off', attempt === 1 ? floorSite : undefined));
      log(`  ${corpusName}: build ${attempt}/${repeats}: ${attempts.at(-1)!.wallSeconds.toFixed(1)} s`);
      if (site) {
        peerAttempts.push(measureStarlightBuild(site, corpusName));
        log(`  ${corpusName}: Starlight build ${attempt}/${repeats}: ${peerAttempts.at(-1)!.wallSeconds.toFixed(1)} s`);
      }
      if (floorSite) {
        const floor = measureFloors(root, corpus, floorSite);
        floorRuns.push(floor);
        log(
          `  ${corpusName}: the stack alone ${attempt}/${repeats}: Markdown ${floor.markdown.toFixed(1)} s, Astro ${floor.astro.toFixed(1)} s, Pagefind ${floor.search.toFixed(1)} s`,
        );
        if (floor.astroPages !== attempts[0]!.pages)
          log(`  ${corpusName}: the Astro floor wrote ${floor.astroPages} pages, ours ${attempts[0]!.pages}`);
      }
    }
    if (floorSite) rmSync(path.dirname(floorSite), { recursive: true, force: true });

    // The everyday case: one note edited, the rest rendered by an earlier build.
    const caches = mkdtempSync(path.join(tmpdir(), `bench-cache-${corpusName.replace(' ', '-')}-`));
    // The rendered notes' folder; what the build keeps beside it (search, sanitized SVG) lands in `caches` too.
    const cache = path.join(caches, 'notes');
    const editable = mkdtempSync(path.join(tmpdir(), 'bench-edit-'));
    // The real notes folder is not edited in place: a copy is.
    const editedCorpus = size === 'real' ? copyNotes(corpus, editable) : corpus;
    const keptOut = path.join(caches, 'dist');
    measureBuild(root, editedCorpus, corpusName, notes, cache, keptOut);
    if (site) measureStarlightBuild(site, corpusName, { clean: true });
    const rebuilds: BuildRun[] = [];
    const peerRebuilds: BuildRun[] = [];
    // The first note, wherever in the folder it is (notes may all live in sub-folders).
    const edited = path.join(editedCorpus, listNoteFiles(editedCorpus)[0]!);
    for (let attempt = 1; attempt <= repeats; attempt += 1) {
      const paragraph = `\n第 ${attempt} 次修改的一段话。\n`;
      appendFileSync(edited, paragraph);
      rebuilds.push(measureBuild(root, editedCorpus, corpusName, notes, cache, keptOut));
      log(
        `  ${corpusName}: one note edited, rebuild ${attempt}/${repeats}: ${rebuilds.at(-1)!.wallSeconds.toFixed(1)} s`,
      );
      if (site) {
        appendFileSync(site.lastPageOfFirstNote, paragraph);
        peerRebuilds.push(measureStarlightBuild(site, corpusName, { clean: false }));
        log(
          `  ${corpusName}: one note edited, Starlight rebuild ${attempt}/${repeats}: ${peerRebuilds.at(-1)!.wallSeconds.toFixed(1)} s`,
        );
      }
    }
    rmSync(caches, { recursive: true, force: true });
    rmSync(editable, { recursive: true, force: true });
    if (size !== 'real') rmSync(corpus, { recursive: true, force: true });
    const run: BuildRun = {
      ...medianRun(attempts),
      rebuild: medianRun(rebuilds),
      ...(floorRuns.length > 0 ? { floors: medianFloors(floorRuns) } : {}),
    };
    if (site && project) run.peer = peerRun(site, project, attempts, peerAttempts, rebuilds, peerRebuilds);
    runs.push(run);
  }
  return runs;
}

/** `BENCH_STARLIGHT_SIDEBAR` and `BENCH_STARLIGHT_MATH` override the configuration chosen for the corpus size. */
function starlightOptions(): { sidebar?: SidebarMode; math?: 'text' | 'katex' } {
  const sidebar = process.env.BENCH_STARLIGHT_SIDEBAR;
  const math = process.env.BENCH_STARLIGHT_MATH;
  return {
    ...(sidebar === 'all' || sidebar === 'groups' || sidebar === 'current' ? { sidebar } : {}),
    ...(math === 'katex' || math === 'text' ? { math } : {}),
  };
}

function copyNotes(from: string, to: string): string {
  const target = path.join(to, 'notes');
  cpSync(from, target, { recursive: true });
  return target;
}

const pairRatio = (ours: BuildRun[], theirs: BuildRun[], value: (run: BuildRun) => number) =>
  median(ours.map((run, index) => value(run) / (value(theirs[index]!) || Number.NaN)));

function peerRun(
  site: StarlightSite,
  project: string,
  ours: BuildRun[],
  theirs: BuildRun[],
  oursRebuilt: BuildRun[],
  theirsRebuilt: BuildRun[],
): PeerRun {
  return {
    name: 'Starlight',
    description: site.description,
    versions: starlightVersions(project),
    build: medianRun(theirs),
    ratio: {
      wall: pairRatio(ours, theirs, (run) => run.wallSeconds),
      cpu: pairRatio(ours, theirs, (run) => run.cpuSeconds),
      peakRss: pairRatio(ours, theirs, (run) => run.peakRssMb),
    },
    rebuild: medianRun(theirsRebuilt),
    rebuildRatio: pairRatio(oursRebuilt, theirsRebuilt, (run) => run.wallSeconds),
  };
}

/** Each floor's median over the runs. */
function medianFloors(runs: StackFloors[]): StackFloors {
  return {
    markdown: median(runs.map((run) => run.markdown)),
    astro: median(runs.map((run) => run.astro)),
    search: median(runs.map((run) => run.search)),
    astroPages: runs[0]!.astroPages,
  };
}

/** Each figure's median over the attempts. */
function medianRun(attempts: BuildRun[]): BuildRun {
  const pick = (key: 'wallSeconds' | 'cpuSeconds' | 'peakRssMb' | 'load' | 'outputMb' | 'indexMb') =>
    median(attempts.map((a) => a[key]));
  const stepNames = [...new Set(attempts.flatMap((a) => Object.keys(a.steps)))];
  return {
    corpus: attempts[0]!.corpus,
    notes: attempts[0]!.notes,
    pages: attempts[0]!.pages,
    wallSeconds: pick('wallSeconds'),
    cpuSeconds: pick('cpuSeconds'),
    peakRssMb: pick('peakRssMb'),
    load: pick('load'),
    outputMb: pick('outputMb'),
    indexMb: pick('indexMb'),
    steps: Object.fromEntries(stepNames.map((step) => [step, median(attempts.map((a) => a.steps[step] ?? 0))])),
  };
}
