/**
 * Build cost as notes grow: builds generated corpora with the production
 * build (search index and service worker included) and reports wall time,
 * CPU time, peak memory, pages, time per page, output and index size, and
 * the time spent in each step.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateCorpus } from './corpus.ts';
import { fileSizes, median } from './measuring.ts';

export interface BuildRun {
  notes: number;
  pages: number;
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  outputMb: number;
  indexMb: number;
  /** Milliseconds per build step (markdown, figures, pages, search index, service worker). */
  steps: Record<string, number>;
  /** A rebuild after one note was edited, with the other notes' rendering kept from the build before. */
  rebuild?: BuildRun;
}

function sizeOf(dir: string): number {
  return fileSizes(dir).reduce((sum, { bytes }) => sum + bytes, 0);
}

function countPages(dir: string): number {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter(
    (file) => file.endsWith('.html') && !file.startsWith('pagefind'),
  ).length;
}

/** One production build of `notesDir`, measured. GNU time gives CPU and peak memory of the whole process tree. */
export function measureBuild(root: string, notesDir: string, notes: number, notesCache = 'off'): BuildRun {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-build-'));
  const outDir = path.join(work, 'dist');
  const timings = path.join(work, 'timings.jsonl');
  const usage = path.join(work, 'usage.txt');
  const astro = [process.execPath, path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'];
  const useTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const result = spawnSync(
    useTime ? '/usr/bin/time' : astro[0]!,
    useTime ? ['-f', '%U %S %M', '-o', usage, ...astro] : astro.slice(1),
    {
      cwd: root,
      encoding: 'utf8',
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
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const wallSeconds = (performance.now() - started) / 1000;
  if (result.status !== 0)
    throw new Error(`benchmark build of ${notes} notes failed:\n${result.stdout}${result.stderr}`);
  const [user = 0, system = 0, maxKb = 0] = useTime ? readFileSync(usage, 'utf8').trim().split(/\s+/).map(Number) : [];
  const steps: Record<string, number> = {};
  for (const line of readFileSync(timings, 'utf8').trim().split('\n')) {
    const { step, milliseconds } = JSON.parse(line) as { step: string; milliseconds: number };
    steps[step] = (steps[step] ?? 0) + milliseconds;
  }
  const run: BuildRun = {
    notes,
    pages: countPages(outDir),
    wallSeconds,
    cpuSeconds: user + system,
    peakRssMb: maxKb / 1024,
    outputMb: sizeOf(outDir) / 1024 / 1024,
    indexMb: sizeOf(path.join(outDir, 'pagefind')) / 1024 / 1024,
    steps,
  };
  rmSync(work, { recursive: true, force: true });
  return run;
}

/** Builds each corpus size `repeats` times and keeps the median of each figure. */
export function benchBuilds(root: string, sizes: number[], repeats: number, log: (line: string) => void): BuildRun[] {
  const runs: BuildRun[] = [];
  for (const notes of sizes) {
    const corpus = mkdtempSync(path.join(tmpdir(), `bench-notes-${notes}-`));
    generateCorpus(notes, corpus, root);
    const attempts: BuildRun[] = [];
    for (let attempt = 1; attempt <= repeats; attempt += 1) {
      attempts.push(measureBuild(root, corpus, notes));
      log(`  ${notes} notes, build ${attempt}/${repeats}: ${attempts.at(-1)!.wallSeconds.toFixed(1)} s`);
    }
    // The everyday case: one note edited, the rest rendered by an earlier build.
    const cache = mkdtempSync(path.join(tmpdir(), `bench-cache-${notes}-`));
    measureBuild(root, corpus, notes, cache);
    const rebuilds: BuildRun[] = [];
    const edited = path.join(corpus, readdirSync(corpus).find((file) => file.endsWith('.md'))!);
    for (let attempt = 1; attempt <= repeats; attempt += 1) {
      appendFileSync(edited, `\n第 ${attempt} 次修改的一段话。\n`);
      rebuilds.push(measureBuild(root, corpus, notes, cache));
      log(
        `  ${notes} notes, one note edited, rebuild ${attempt}/${repeats}: ${rebuilds.at(-1)!.wallSeconds.toFixed(1)} s`,
      );
    }
    rmSync(cache, { recursive: true, force: true });
    rmSync(corpus, { recursive: true, force: true });
    runs.push({ ...medianRun(attempts), rebuild: medianRun(rebuilds) });
  }
  return runs;
}

/** Each figure's median over the attempts. */
function medianRun(attempts: BuildRun[]): BuildRun {
  const pick = (key: 'wallSeconds' | 'cpuSeconds' | 'peakRssMb' | 'outputMb' | 'indexMb') =>
    median(attempts.map((a) => a[key]));
  const stepNames = [...new Set(attempts.flatMap((a) => Object.keys(a.steps)))];
  return {
    notes: attempts[0]!.notes,
    pages: attempts[0]!.pages,
    wallSeconds: pick('wallSeconds'),
    cpuSeconds: pick('cpuSeconds'),
    peakRssMb: pick('peakRssMb'),
    outputMb: pick('outputMb'),
    indexMb: pick('indexMb'),
    steps: Object.fromEntries(stepNames.map((step) => [step, median(attempts.map((a) => a.steps[step] ?? 0))])),
  };
}
