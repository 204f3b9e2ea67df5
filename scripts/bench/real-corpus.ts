/**
 * The site on notes nobody here wrote: the real corpus (`scripts/corpus/`,
 * Debian's Chinese documentation converted with pandoc, about 1,500 notes)
 * made if needed, then built as a user would build it. Reports how many
 * notes and pages were published, the build time, every refusal (a build
 * that stops lists them all) and the warnings by kind.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { makeRealCorpus } from '../corpus/real-notes.ts';

export interface RealCorpusBench {
  notes: number;
  pages: number;
  figures: number;
  wallSeconds: number;
  peakRssMb: number;
  /** Each refusal as the build printed it (`file:line: message`); none when the site was built. */
  refusals: string[];
  /** Warnings by kind, as the build's summary counts them. */
  warnings: number;
  warningKinds: string;
}

export async function benchRealCorpus(root: string, log: (line: string) => void): Promise<RealCorpusBench> {
  const corpus = path.join(root, '.corpus/real-notes');
  log('making the real corpus (Debian documentation via pandoc; cached)…');
  await makeRealCorpus(corpus);
  const outDir = path.join(tmpdir(), 'bench-real-corpus');
  log('building the real corpus…');
  const run = build(root, { NOTES_DIR: corpus, OUT_DIR: outDir, NOTES_CACHE: 'off', BASE_PATH: '/', SITE: '' });
  rmSync(outDir, { recursive: true, force: true });
  const loaded = /(\d+) notes.*?, (\d+) pages, (\d+) figures/.exec(run.output);
  const refusals = [...run.output.matchAll(/^(\S.*?\.(?:md|markdown|mdx):\d+: (?!warning:).*)$/gm)].map((m) => m[1]!);
  return {
    notes: Number(loaded?.[1] ?? 0),
    pages: Number(loaded?.[2] ?? 0),
    figures: Number(loaded?.[3] ?? 0),
    wallSeconds: run.wallSeconds,
    peakRssMb: run.peakRssMb,
    refusals: run.status === 0 ? [] : refusals,
    warnings: Number(/(\d+) warnings? in the notes/.exec(run.output)?.[1] ?? 0),
    warningKinds: /In all: (.*)\./.exec(run.output)?.[1] ?? '',
  };
}

/** One production build, whatever its outcome (a refusal is a result here), with its wall time, peak memory and output. */
function build(root: string, env: Record<string, string>) {
  const usage = path.join(tmpdir(), `bench-real-corpus-${process.pid}.time`);
  const astro = [process.execPath, path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'];
  const useTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const result = spawnSync(
    useTime ? '/usr/bin/time' : astro[0]!,
    useTime ? ['-f', '%M', '-o', usage, ...astro] : astro.slice(1),
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const wallSeconds = (performance.now() - started) / 1000;
  const peakRssMb = useTime ? Number(readFileSync(usage, 'utf8').trim().split(/\s+/).pop()) / 1024 : 0;
  rmSync(usage, { force: true });
  // Astro colours its output; the counts are read from plain text.
  const output = stripVTControlCharacters(`${result.stdout}${result.stderr}`);
  return { status: result.status, output, wallSeconds, peakRssMb };
}
