/**
 * The Markdown floor (`floors.ts`): every note of a folder (its path the
 * first argument) turned into HTML by the libraries the site renders with
 * (remark, GFM, math, front matter, rehype-raw, KaTeX, Shiki with the site's
 * themes) and nothing of ours, each note whole, on as many threads as the
 * build's render step uses, by the same pool, with the same heap limits.
 * Run by the bench as a process of its own; it prints how many notes and
 * bytes of HTML it made, and the milliseconds from listing the notes to the
 * last one made (threads started and their modules loaded included, as in
 * the build's Markdown step; this process's own start-up not).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import rehypeShiki from '@shikijs/rehype';
import rehypeKatex from 'rehype-katex';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { CODE_HIGHLIGHTING } from '../../src/lib/code-highlighting.ts';
import { KATEX_OPTIONS } from '../../src/lib/math.ts';
import { serveJobs, workerPool } from '../../src/lib/worker-pool.ts';

if (isMainThread) {
  const notesDir = process.argv[2];
  if (!notesDir) throw new Error('usage: floor-markdown.ts <notes folder>');
  // Here only: a thread loads this file's imports, and these two would load the whole render step into it.
  const { listNoteFiles } = await import('../../src/lib/build-notes.ts');
  const { THREAD_HEAP } = await import('../../src/lib/render-notes.ts');
  const started = performance.now();
  const files = listNoteFiles(notesDir).map((file) => path.join(notesDir, file));
  // As `render-notes.ts` decides: a thread per core, none for a handful of notes.
  const threads = Math.min(availableParallelism(), Math.floor(files.length / 8));
  let bytes = 0;
  if (threads < 2) {
    for (const file of files) bytes += await toHtml(file);
  } else {
    const pool = workerPool<string, number>(new URL(import.meta.url), threads, THREAD_HEAP);
    try {
      bytes = (await Promise.all(files.map((file) => pool.run(file)))).reduce((sum, n) => sum + n, 0);
    } finally {
      await pool.close();
    }
  }
  console.log(JSON.stringify({ notes: files.length, bytes, milliseconds: performance.now() - started }));
} else {
  serveJobs(toHtml);
}

/** A note's HTML, as the libraries alone make it: its length. */
async function toHtml(file: string): Promise<number> {
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter)
    .use(remarkGfm)
    .use(remarkMath)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    // As `render.ts` passes them (KaTeX's own option types and rehype-katex's differ on `trust`).
    .use([[rehypeKatex, { ...KATEX_OPTIONS, throwOnError: false, strict: 'ignore' }]])
    .use(rehypeShiki, CODE_HIGHLIGHTING)
    .use(rehypeStringify);
  return String(await processor.process(readFileSync(file, 'utf8'))).length;
}
