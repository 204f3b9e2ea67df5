/**
 * A worker thread of `render-notes.ts`: renders the notes it is sent, one
 * at a time, and sends each back with the files it asked about. A problem in
 * a note is a result; anything else is a bug, sent back as such.
 */
import { noteRenderer } from './render-notes.ts';
import { serveJobs } from './worker-pool.ts';

serveJobs(noteRenderer());
