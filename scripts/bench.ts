/**
 * `npm run bench`: the figures the issues ask for, as one table (and the
 * same in bench/results.json):
 * - build cost as notes grow: generated corpora of 1, 10, 100 and 500 notes,
 *   each built 3 times from scratch, medians; time split by step; growth per
 *   10× notes; and rebuilds after editing one note, with the rendered-notes cache warm;
 * - what a reader's browser pays on the real note: bytes per page by type
 *   (gzipped), requests, Lighthouse scores;
 * - search, on the real note and on the real corpus (`scripts/corpus/`,
 *   Debian's Chinese manuals: all of it, ~1,500 pages, and its simplified
 *   half, ~750), against Pagefind alone on the same pages: the query sets'
 *   score, exact-match precision of the first five, latency in the UI,
 *   bytes of the first search, index size (`bench/search.ts`).
 * `BENCH_SIZES=1,10` and `BENCH_REPEATS=1` shorten a run; `BENCH_ONLY=search`
 * measures search alone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureChromium } from '../tests/helpers/browser.ts';
import { realCorpusSite } from '../tests/helpers/real-corpus-site.ts';
import { firstNoteSet, realCorpusSet } from '../tests/helpers/search-sets.ts';
import { SITE_UI } from '../tests/helpers/search-ui.ts';
import { buildSite, builtSite, ROOT } from '../tests/helpers/sites.ts';
import { type BuildRun, benchBuilds } from './bench/builds.ts';
import { benchPages } from './bench/pages.ts';
import { benchSiteSearch, type SiteSearchBench } from './bench/search.ts';

const NOTE = encodeURIComponent('生成式ai学习笔记');
const CHAPTERS = [
  '1-chatgpt-原理剖析',
  '2-能够使用工具的ai',
  '3-生成式学习的两种策略',
  '4-finetuning-vs-prompting微调与提示对于大型语言模型的不同期待衍生的两种使用方式',
].map((slug) => `${NOTE}/${encodeURIComponent(slug)}/`);
const sizes = (process.env.BENCH_SIZES ?? '1,10,100,500').split(',').map(Number);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const only = process.env.BENCH_ONLY;

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

if (only !== 'search') log(`building corpora of ${sizes.join(', ')} notes, ${repeats}× each…`);
const builds = only === 'search' ? [] : benchBuilds(ROOT, sizes, repeats, log);

log('measuring the real note in Chromium…');
buildSite('root');
const dir = builtSite('root');
const pages =
  only === 'search'
    ? { weights: [], lighthouse: [] }
    : await benchPages(dir, ['', `${NOTE}/`, ...CHAPTERS], ['', CHAPTERS[0]!]);

log('measuring search: the real note, then the real corpus (made and built the first time: minutes)…');
const search: SiteSearchBench[] = [
  await benchSiteSearch({
    site: 'real note',
    dir,
    pages: 5,
    startPath: CHAPTERS[0]!,
    ui: SITE_UI,
    set: firstNoteSet(dir),
  }),
];
for (const part of ['simplified', 'all'] as const) {
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

const STEPS = ['markdown', 'figures', 'pages', 'search index', 'service worker'];

/** A build's time per step, with the rest of the wall time as "other". */
function stepsWithOther(run: BuildRun): Record<string, number> {
  const steps = Object.fromEntries(STEPS.map((step) => [step, run.steps[step] ?? 0]));
  const known = Object.values(steps).reduce((sum, ms) => sum + ms, 0);
  return { ...steps, other: Math.max(0, run.wallSeconds * 1000 - known) };
}
table(
  `build cost (production build, median of ${repeats})`,
  ['notes', 'pages', 'wall s', 'CPU s', 'peak RSS MB', 'ms/page', 'output MB', 'index MB'],
  builds.map((run) => [
    run.notes,
    run.pages,
    run.wallSeconds.toFixed(1),
    run.cpuSeconds.toFixed(1),
    run.peakRssMb.toFixed(0),
    ((run.wallSeconds * 1000) / run.pages).toFixed(1),
    run.outputMb.toFixed(1),
    run.indexMb.toFixed(2),
  ]),
);
table(
  'build time by step (ms; "other" is Astro and Vite start-up, bundling and writing)',
  ['notes', ...STEPS, 'other'],
  builds.map((run) => [run.notes, ...Object.values(stepsWithOther(run)).map((ms) => ms.toFixed(0))]),
);
table(
  'rebuild after editing one note (the other notes rendered by the build before; median)',
  ['notes', 'wall s', 'markdown ms', 'figures ms', 'vs a cold build'],
  builds.flatMap((run) =>
    run.rebuild
      ? [
          [
            run.notes,
            run.rebuild.wallSeconds.toFixed(1),
            (run.rebuild.steps.markdown ?? 0).toFixed(0),
            (run.rebuild.steps.figures ?? 0).toFixed(0),
            `${(run.rebuild.wallSeconds / run.wallSeconds).toFixed(2)}×`,
          ],
        ]
      : [],
  ),
);
if (builds.length > 1) {
  table(
    'growth per 10× notes (1.0× would be constant, 10.0× proportional to notes)',
    ['between', 'wall', 'CPU', 'peak RSS', 'ms/page', 'output', 'index'],
    builds.slice(1).map((run, index) => {
      const before = builds[index]!;
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
  const largest = builds.at(-1)!;
  const stepTimes = stepsWithOther(largest);
  const total = Object.values(stepTimes).reduce((sum, ms) => sum + ms, 0);
  const ranked = Object.entries(stepTimes)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3);
  console.log(
    `\n  most expensive steps at ${largest.notes} notes: ${ranked.map(([step, ms]) => `${step} ${((100 * ms) / total).toFixed(0)}%`).join(', ')}`,
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
console.log(`\nbench took ${((performance.now() - started) / 1000 / 60).toFixed(1)} min`);

mkdirSync(path.join(ROOT, 'bench'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench/results.json'), `${JSON.stringify({ builds, pages, search }, null, 2)}\n`);
