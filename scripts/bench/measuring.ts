/** Small measuring helpers the benchmark's parts share. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir`, relative to it, with its size in bytes; none if `dir` is missing. */
export function fileSizes(dir: string): { file: string; bytes: number }[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).flatMap((file) => {
    const stat = statSync(path.join(dir, file));
    return stat.isFile() ? [{ file, bytes: stat.size }] : [];
  });
}

/** The value at quantile `q` (0 to 1) of `values`, nearest rank. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export const median = (values: number[]) => quantile(values, 0.5);
