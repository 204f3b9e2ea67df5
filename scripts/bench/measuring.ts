/** Small measuring helpers the benchmark's parts share. */
import { statSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../../src/lib/files.ts';

/** Every file under `dir`, relative to it, with its size in bytes; none if `dir` is missing. */
export function fileSizes(dir: string): { file: string; bytes: number }[] {
  return listFiles(dir).map((file) => ({ file, bytes: statSync(path.join(dir, file)).size }));
}

/** The value at quantile `q` (0 to 1) of `values`, nearest rank. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export const median = (values: number[]) => quantile(values, 0.5);
