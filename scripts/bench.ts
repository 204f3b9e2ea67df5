/**
 * `npm run bench`: the figures the issues ask for, as one table (and the
 * same in bench/results.json):
 * - build cost as notes grow: generated corpora of 1, 10, 100 and 500 notes,
 *   each built 3 times from scratch, medians; time split by step; growth per
 *   10× notes; and rebuilds after editing one note, with the rendered-notes cache warm;
 * - what a reader's browser pays on the real note: bytes per page by type
 *   (gzipped), requests, Lighthouse scores; the JavaScript by file and by
 *   reading feature (raw and gzipped);
 * - search, on the real note and on the real corpus (`scripts/corpus/`,
 *   Debian's Chinese manuals: all of it, ~1,500 pages, and its simplified
 *   half, ~750), against Pagefind alone on the same pages: the query sets'
 *   score, exact-match precision of the first five, latency in the UI,
 *   bytes of the first search, index size (`bench/search.ts`);
 * - the same builds side by side with Astro Starlight on the same notes
 *   (`scripts/bench/starlight.ts` says how it is set up and configured),
 *   clean builds alternated, as ratios ours / Starlight;
 * - scale: for 1, 100, 500 and 1,500 notes in nested categories, the home
 *   page's weight, what a first visit downloads, and the figure bytes of
 *   chapter 1 (PNG screenshots) on a 360-px phone (`bench/scale.ts`);
 * - the real corpus (`scripts/corpus/`): notes and pages published, build
 *   time, refusals and warnings.
 * `BENCH_SIZES=real,10` (`real`: the notes folder as it is), `BENCH_SCALE_SIZES=1,100` and `BENCH_REPEATS=1`
 * shorten a run; `BENCH_PEERS=off` skips Starlight, `BENCH_FLOORS=off` the stack's floors (`bench/floors.ts`),
 * `BENCH_REAL_CORPUS=off` the real corpus (and search on it);
 * `BENCH_ONLY=search` measures search alone, `BENCH_ONLY=builds` the builds alone.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureChromium } from '../tests/helpers/browser.ts';
import { realCorpusSite } from '../tests/helpers/real-corpus-site.ts';
import { firstNoteSet, realCorpusSet } from '../tests/helpers/search-sets.ts';
import { SITE_UI } from '../tests/helpers/search-ui.ts';
import { buildSite, builtSite, ROOT } from '../tests/helpers/sites.ts';
import { type BuildRun, benchBuilds, parseSizes } from './bench/builds.ts';
import { benchPages } from './bench/pages.ts';
import { benchRealCorpus } from './bench/real-corpus.ts';
import { benchScale } from './bench/scale.ts';
import { featureScripts, shippedScripts } from './bench/scripts.ts';
import { benchSiteSearch, type SiteSearchBench } from './bench/search.ts';

const NOTE = encodeURIComponent('生成式ai学习笔记');
const CHAPTERS = [
  '1-chatgpt-原理剖析',
  '2-能够使用工具的ai',
  '3-生成式学习的两种策略',
  '4-finetuning-vs-prompting微调与提示对于大型语言模型的不同期待衍生的两种使用方式',
].map((slug) => `${NOTE}/${encodeURIComponent(slug)}/`);
const sizes = parseSizes(process.env.BENCH_SIZES ?? 'real,1,10,100,500');
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const peers = process.env.BENCH_PEERS !== 'off';
const floors = process.env.BENCH_FLOORS !== 'off';
const realCorpusOn = process.env.BENCH_REAL_CORPUS !== 'off';
const only = process.env.BENCH_ONLY;
const measures = (part: 'builds' | 'search') => only === undefined || only === part;

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Columns a string takes in a terminal: Chinese characters take two. */
const columns = (text: string) => [...text].reduce((sum, char) => sum + (/[\u1100-\uffff]/.test(char) ? 2 : 1), 0);
const pad = (text: string, width: number, left: boolean) =>
  left ? text + ' '.repeat(width - columns(text)) : ' '.repeat(width - columns(text)) + text;

function table(title: string, header: string[], rows: (string | number)[][]): void {
  if (rows.length === 0) return;
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => columns(row[column]!))));
  console.log(`\n${title}`);
  for (const [index, row] of cells.entries()) {
    console.log(`  ${row.map((cell, column) => pad(cell, widths[column]!, column === 0)).join('  ')}`);
    if (index === 0) console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  }
}

/** How a figure grows per 10× notes between two corpus sizes (1.0 = proportional to notes). */
function growthPer10x(a: BuildRun, b: BuildRun, value: (run: BuildRun) => number): string {
  const exponent = Math.log(value(b) / value(a)) / Math.log(b.notes / a.notes);
  return `${(10 ** exponent).toFixed(1)}×`;
}

const started = performance.now();
ensureChromium();

if (measures('builds'))
  log(`building corpora of ${sizes.join(', ')} notes, ${repeats}× each${peers ? ', alternated with Starlight' : ''}…`);
const builds = measures('builds') ? benchBuilds(ROOT, sizes, repeats, log, peers, floors) : [];
// Growth is read over the generated corpora only; the real note is a corpus of its own.
const generated = builds.filter((run) => run.corpus !== 'real note');

log('measuring the real note in Chromium…');
buildSite('root');
const dir = builtSite('root');
const everything = only === undefined;
const pages = everything
  ? await benchPages(
      dir,
      ['', `${NOTE}/`, ...CHAPTERS, `${NOTE}/${encodeURIComponent('全文·打印')}/`],
      ['', CHAPTERS[0]!],
    )
  : { weights: [], lighthouse: [] };
const scripts = everything
  ? {
      shipped: shippedScripts(
        dir,
        readFileSync(path.join(dir, decodeURIComponent(CHAPTERS[0]!), 'index.html'), 'utf8'),
      ),
      features: await featureScripts(),
    }
  : { shipped: [], features: [] };

const search: SiteSearchBench[] = [];
if (measures('search')) {
  log('measuring search: the real note, then the real corpus (made and built the first time: minutes)…');
  search.push(
    await benchSiteSearch({
      site: 'real note',
      dir,
      pages: 5,
      startPath: CHAPTERS[0]!,
      ui: SITE_UI,
      set: firstNoteSet(dir),
    }),
  );
  for (const part of realCorpusOn ? (['simplified', 'all'] as const) : []) {
    const corpus = await realCorpusSite(log, part);
    search.push(
      await benchSiteSearch({
        site: `real corpus, ${part === 'all' ? 'all' : 'simplified half'}`,
        dir: corpus.dir,
        pages: corpus.pages,
        startPath: '',
        ui: SITE_UI,
        // Its query set lands on both halves: on the simplified half, only latency and bytes count.
        set: realCorpusSet(corpus.dir, corpus.notePaths),
      }),
    );
  }
}
const scaleSizes = (process.env.BENCH_SCALE_SIZES ?? '1,100,500,1500').split(',').map(Number);
if (everything)
  log(`measuring collections of ${scaleSizes.join(', ')} notes (first note's figures as PNG screenshots)…`);
const scale = everything ? await benchScale(ROOT, scaleSizes, log) : [];
const realCorpus = everything && realCorpusOn ? await benchRealCorpus(ROOT, log) : undefined;

const STEPS = ['markdown', 'figures', 'pages', 'search index', 'service worker'];

/** A build's time per step, with the rest of the wall time as "other". */
function stepsWithOther(run: BuildRun): Record<string, number> {
  const steps = Object.fromEntries(STEPS.map((step) => [step, run.steps[step] ?? 0]));
  const known = Object.values(steps).reduce((sum, ms) => sum + ms, 0);
  return { ...steps, other: Math.max(0, run.wallSeconds * 1000 - known) };
}
table(
  `build cost (production build, median of ${repeats})`,
  ['notes', 'pages', 'wall s', 'CPU s', 'peak RSS MB', 'ms/page', 'output MB', 'index MB', 'load'],
  builds.map((run) => [
    run.corpus,
    run.pages,
    run.wallSeconds.toFixed(1),
    run.cpuSeconds.toFixed(1),
    run.peakRssMb.toFixed(0),
    ((run.wallSeconds * 1000) / run.pages).toFixed(1),
    run.outputMb.toFixed(1),
    run.indexMb.toFixed(2),
    run.load.toFixed(1),
  ]),
);
console.log(
  '  load: median 1-minute load average as the builds started; with 2 cores, above ~2 other processes slow the builds (alternated ratios below stay comparable)',
);
table(
  'build time by step (ms; "other" is Astro and Vite start-up, bundling and writing)',
  ['notes', ...STEPS, 'other'],
  builds.map((run) => [run.corpus, ...Object.values(stepsWithOther(run)).map((ms) => ms.toFixed(0))]),
);
const floored = builds.filter((run) => run.floors);
if (floored.length > 0) {
  // Astro's part of our build is its pages step and everything the steps do not count (start-up, bundling).
  const astroPart = (run: BuildRun) => (stepsWithOther(run).pages ?? 0) + (stepsWithOther(run).other ?? 0);
  const pair = (ours: number, floor: number) => `${(ours / 1000).toFixed(1)} / ${floor.toFixed(1)}`;
  table(
    'the stack alone: each step of our cold build beside the same work with nothing of ours (s, ours / floor, medians; the floors run between our cold builds; bench/floors.ts)',
    ['notes', 'Markdown', 'Astro', 'search', 'floors summed', 'cold build', 'ours above floor'],
    floored.map((run) => {
      const floor = run.floors!;
      const sum = floor.markdown + floor.astro + floor.search;
      return [
        run.corpus,
        pair(run.steps.markdown ?? 0, floor.markdown),
        pair(astroPart(run), floor.astro),
        pair(run.steps['search index'] ?? 0, floor.search),
        sum.toFixed(1),
        run.wallSeconds.toFixed(1),
        `${(run.wallSeconds - sum).toFixed(1)} s`,
      ];
    }),
  );
  console.log(
    "  Markdown: the same notes through the same libraries (remark, GFM, math, rehype-raw, KaTeX, Shiki) on the build's threads; Astro: one route writing each built page as it is; search: Pagefind alone with its defaults on the built pages. A rebuild with one index takes at least Astro's start-up plus Pagefind alone.",
  );
}
table(
  'rebuild after editing one note (the other notes rendered by the build before; median)',
  ['notes', 'wall s', 'markdown ms', 'figures ms', 'vs a cold build'],
  builds.flatMap((run) =>
    run.rebuild
      ? [
          [
            run.corpus,
            run.rebuild.wallSeconds.toFixed(1),
            (run.rebuild.steps.markdown ?? 0).toFixed(0),
            (run.rebuild.steps.figures ?? 0).toFixed(0),
            `${(run.rebuild.wallSeconds / run.wallSeconds).toFixed(2)}×`,
          ],
        ]
      : [],
  ),
);
if (generated.length > 1) {
  table(
    'growth per 10× notes (1.0× would be constant, 10.0× proportional to notes)',
    ['between', 'wall', 'CPU', 'peak RSS', 'ms/page', 'output', 'index'],
    generated.slice(1).map((run, index) => {
      const before = generated[index]!;
      return [
        `${before.notes}→${run.notes}`,
        growthPer10x(before, run, (r) => r.wallSeconds),
        growthPer10x(before, run, (r) => r.cpuSeconds || 1),
        growthPer10x(before, run, (r) => r.peakRssMb || 1),
        growthPer10x(before, run, (r) => r.wallSeconds / r.pages),
        growthPer10x(before, run, (r) => r.outputMb),
        growthPer10x(before, run, (r) => r.indexMb),
      ];
    }),
  );
  const largest = generated.at(-1)!;
  const stepTimes = stepsWithOther(largest);
  const total = Object.values(stepTimes).reduce((sum, ms) => sum + ms, 0);
  const ranked = Object.entries(stepTimes)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3);
  console.log(
    `\n  most expensive steps at ${largest.notes} notes: ${ranked.map(([step, ms]) => `${step} ${((100 * ms) / total).toFixed(0)}%`).join(', ')}`,
  );
}
const compared = builds.filter((run) => run.peer);
if (compared.length > 0) {
  const x = (ratio: number | undefined) => (ratio === undefined || Number.isNaN(ratio) ? '-' : `${ratio.toFixed(2)}×`);
  table(
    `side by side with Starlight (clean builds alternated ours/Starlight, ${repeats} each; medians; ratio = ours / Starlight, median of the pairs)`,
    [
      'notes',
      'pages',
      'wall s',
      'Starlight s',
      'ratio',
      'CPU ratio',
      'peak MB',
      'Starlight MB',
      'ratio',
      'rebuild s',
      'Starlight s',
      'ratio',
    ],
    compared.map((run) => {
      const peer = run.peer!;
      return [
        run.corpus,
        run.pages === peer.build.pages ? run.pages : `${run.pages} / ${peer.build.pages}`,
        run.wallSeconds.toFixed(1),
        peer.build.wallSeconds.toFixed(1),
        x(peer.ratio.wall),
        x(peer.ratio.cpu),
        run.peakRssMb.toFixed(0),
        peer.build.peakRssMb.toFixed(0),
        x(peer.ratio.peakRss),
        run.rebuild?.wallSeconds.toFixed(1) ?? '-',
        peer.rebuild?.wallSeconds.toFixed(1) ?? '-',
        x(peer.rebuildRatio),
      ];
    }),
  );
  const versions = compared[0]!.peer!.versions;
  console.log(
    `\n  Starlight: ${Object.entries(versions)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}`,
  );
  for (const run of compared) {
    console.log(`  ${run.corpus === 'real note' ? 'the real note' : `${run.corpus} notes`}: ${run.peer!.description}`);
  }
  console.log(
    "  peak MB is the largest single process and CPU the build's process with the children it waited for (GNU time): Pagefind's service, stopped rather than waited for, is in neither, for both sites; a rebuild keeps each site's caches: our rendered notes, Astro's content store for Starlight",
  );
}
table(
  "what a reader's browser pays (KB gzipped, before search or scrolling; JS and CSS include inline code)",
  ['page', 'HTML', 'CSS', 'JS', 'HTML+CSS+JS', 'images', 'fonts', 'requests'],
  pages.weights.map((w) => [
    w.page,
    kb(w.html),
    kb(w.css),
    kb(w.js),
    kb(w.total),
    kb(w.images),
    kb(w.fonts),
    w.requests,
  ]),
);
table(
  'JavaScript as shipped (bytes; "every page": loaded before any interaction, on a chapter page)',
  ['file', 'raw', 'gzipped', 'loaded'],
  scripts.shipped.map((s) => [s.name, s.raw, s.gzip, s.when ?? '']),
);
table(
  'JavaScript of each reading feature, bundled alone (bytes; they ship together as one file)',
  ['feature', 'raw', 'gzipped'],
  scripts.features.map((s) => [s.name, s.raw, s.gzip]),
);
table(
  'Lighthouse (mobile)',
  ['page', 'performance', 'accessibility', 'best practices', 'SEO'],
  pages.lighthouse.map(({ page, scores }) => [
    page,
    scores.performance,
    scores.accessibility,
    scores['best-practices'],
    scores.seo,
  ]),
);
const percent = (n: number, of: number) => `${n}/${of} (${Math.round((100 * n) / of)}%)`;
table(
  'search: the site against Pagefind alone on the same pages (latency: last keystroke to settled results, in the UI)',
  [
    'site',
    'search',
    'passed',
    'answer first',
    'exact P@5',
    'median ms',
    'p95 ms',
    'first search KB (gzip)',
    'requests',
    'index MB',
  ],
  search.flatMap((s) =>
    [s.ours, s.plain].map((ui, index) => [
      index === 0 ? `${s.site} (${s.pages} pages)` : '',
      ui.ui,
      percent(ui.passed, ui.total),
      ui.first === undefined ? '' : percent(ui.first, ui.total),
      ui.precisionAt5.toFixed(2),
      ui.medianMs.toFixed(0),
      ui.p95Ms.toFixed(0),
      `${kb(ui.firstSearchBytes)} (${kb(ui.firstSearchGzipBytes)})`,
      ui.firstSearchRequests,
      ((index === 0 ? s.indexBytes : s.plainIndexBytes) / 1024 / 1024).toFixed(2),
    ]),
  ),
);
for (const s of search) {
  for (const ui of [s.ours, s.plain]) {
    if (ui.failures.length === 0 || s.site.includes('simplified')) continue;
    console.log(`\n  ${s.site}, ${ui.ui}: failing`);
    for (const failure of ui.failures) console.log(`    ${failure}`);
  }
}
table(
  'a collection as it grows (notes in nested categories; chapter 1 of the first note with 1600-px PNG figures)',
  ['notes', 'home HTML KB gz', 'first visit MB', 'offline', 'site MB', 'ch. 1 images @360 px KB', 'PNGs KB', 'share'],
  scale.map((run) => [
    run.notes,
    kb(run.homeGzipBytes),
    (run.firstVisitBytes / 1024 / 1024).toFixed(2),
    run.offlineMode === 'whole' ? 'whole site' : 'shell + read',
    (run.siteBytes / 1024 / 1024).toFixed(1),
    kb(run.chapterImageBytes),
    kb(run.chapterPngBytes),
    `${((100 * run.chapterImageBytes) / run.chapterPngBytes).toFixed(0)}%`,
  ]),
);
if (realCorpus) {
  table(
    'real notes nobody here wrote (Debian documentation via pandoc; scripts/corpus/)',
    ['figure', 'value'],
    [
      ['notes / pages / figures published', `${realCorpus.notes} / ${realCorpus.pages} / ${realCorpus.figures}`],
      [
        'build (cold, cache off): wall / peak RSS',
        `${realCorpus.wallSeconds.toFixed(1)} s / ${realCorpus.peakRssMb.toFixed(0)} MB`,
      ],
      ['refused', realCorpus.refusals.length === 0 ? 'none' : realCorpus.refusals.length],
      ['warnings', `${realCorpus.warnings}${realCorpus.warningKinds ? ` (${realCorpus.warningKinds})` : ''}`],
    ],
  );
  for (const refusal of realCorpus.refusals) console.log(`    ${refusal}`);
}
console.log(`\nbench took ${((performance.now() - started) / 1000 / 60).toFixed(1)} min`);

mkdirSync(path.join(ROOT, 'bench'), { recursive: true });
writeFileSync(
  path.join(ROOT, 'bench/results.json'),
  `${JSON.stringify({ builds, pages, scripts, search, scale, realCorpus }, null, 2)}\n`,
);
