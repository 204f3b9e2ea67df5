/** Small measuring helpers the benchmark's parts share. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { listFiles } from '../../src/lib/files.ts';

/** Every file under `dir`, relative to it, with its size in bytes; none if `dir` is missing. */
export function fileSizes(dir: string): { file: string; bytes: number }[] {
  return listFiles(dir).map((file) => ({ file, bytes: statSync(path.join(dir, file)).size }));
}

/** The bytes of every file under `dir`. */
export function sizeOf(dir: string): number {
  return fileSizes(dir).reduce((sum, { bytes }) => sum + bytes, 0);
}

/** The HTML pages of a built site, Pagefind's own files excluded. */
export function countPages(dir: string): number {
  return listFiles(dir).filter((file) => file.endsWith('.html') && !file.startsWith('pagefind')).length;
}

/** The value at quantile `q` (0 to 1) of `values`, nearest rank. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export const median = (values: number[]) => quantile(values, 0.5);

export interface ProcessCost {
  wallSeconds: number;
  /** User plus system time of the process and its children (0 without GNU time). */
  cpuSeconds: number;
  /** The largest resident set of any one process in the tree (0 without GNU time). */
  peakRssMb: number;
  /** The machine's 1-minute load average when the command started (2 cores: above 2, others compete for them). */
  load: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `command` to its end and measures it: wall time here, CPU and peak
 * memory by GNU time (`/usr/bin/time`) when it is installed. Throws with
 * the output if the command fails.
 */
export function runMeasured(command: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): ProcessCost {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-time-'));
  const usage = path.join(work, 'usage.txt');
  const useTime = existsSync('/usr/bin/time');
  const [program, ...args] = useTime ? ['/usr/bin/time', '-f', '%U %S %M', '-o', usage, ...command] : command;
  const load = loadavg()[0] ?? 0;
  const started = performance.now();
  const result = spawnSync(program!, args, { ...options, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wallSeconds = (performance.now() - started) / 1000;
  try {
    if (result.status !== 0) {
      throw new Error(`${command.join(' ')} failed (in ${options.cwd}):\n${result.stdout}${result.stderr}`);
    }
    const [user = 0, system = 0, maxKb = 0] = useTime
      ? readFileSync(usage, 'utf8').trim().split(/\s+/).map(Number)
      : [];
    return {
      wallSeconds,
      cpuSeconds: user + system,
      peakRssMb: maxKb / 1024,
      load,
      stdout: result.stdout,
      stderr: result.stderr,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
