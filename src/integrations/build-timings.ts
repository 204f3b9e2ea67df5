/**
 * How long each build step took, for `npm run bench` only: appended as JSON
 * lines to the file named by `BUILD_TIMINGS_FILE` (nothing is written
 * otherwise). Only the integration times steps; the pipeline knows nothing of it.
 */
import { appendFileSync } from 'node:fs';

export type BuildStep = 'markdown' | 'figures' | 'pages' | 'search index' | 'service worker';

export function recordTiming(step: BuildStep, milliseconds: number): void {
  const file = process.env.BUILD_TIMINGS_FILE;
  if (file) appendFileSync(file, `${JSON.stringify({ step, milliseconds })}\n`);
}

/** Runs `work`, records its duration under `step`, and returns its result. */
export async function timed<T>(step: BuildStep, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    recordTiming(step, performance.now() - started);
  }
}
