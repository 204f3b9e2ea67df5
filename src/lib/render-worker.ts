/**
 * A worker thread of `render-notes.ts`: renders the notes it is sent, one
 * at a time, and sends each back with the files it asked about. A problem in
 * a note is a result; anything else is a bug, sent back as such.
 */
import { parentPort } from 'node:worker_threads';
import { noteRenderer, type RenderJob } from './render-notes.ts';

const render = noteRenderer();
parentPort?.on('message', async ({ id, job }: { id: number; job: RenderJob }) => {
  try {
    parentPort?.postMessage({ id, rendered: await render(job) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
