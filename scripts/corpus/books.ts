/**
 * Debian's Chinese HTML books turned into notes with pandoc, as a user
 * moving them into a Hexo blog would: the chunked HTML files in reading
 * order (the order the book's own contents page links them) given to one
 * `pandoc` run, `--extract-media` copying the book's images into the asset
 * folder beside the note and pointing the text at them relatively. The text
 * is pandoc's, untouched: navigation bars, admonition icons, anchors, raw
 * HTML and pandoc's own heading structure included. Only a front matter is
 * added.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { frontMatter, hexoDate } from './man-pages.ts';
import { run } from './processes.ts';

export interface Book {
  /** Debian package that ships it. */
  package: string;
  /** Folder of its HTML files. */
  dir: string;
  /** Contents page, first in reading order. */
  index: string;
  /** Where the note (or notes) go inside the corpus. */
  folder: string;
  /** `gfm`, or `markdown`: pandoc's own Markdown, what `pandoc book.html -o book.md` writes. */
  format: 'gfm' | 'markdown';
  /** One note for the whole book, or one note per HTML file (as a user converting file by file would). */
  notes: 'one' | 'per-file';
  categories: string[];
  lang?: string;
  traditional: boolean;
}

/** One pandoc run: the note it writes and the HTML files it reads. */
export interface BookJob {
  note: string;
  inputs: string[];
}

export interface BookNote {
  book: Book;
  /** Path of the note inside the corpus. */
  note: string;
  bytes: number;
  figures: number;
}

const decodeEntities = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');

function htmlTitle(file: string): string {
  const match = /<title>([\s\S]*?)<\/title>/i.exec(readFileSync(file, 'utf8'));
  return decodeEntities(match?.[1] ?? path.basename(file))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The book's HTML files in reading order: the contents page, then the pages it links, first mention first. */
export function readingOrder(book: Book): string[] {
  const index = readFileSync(path.join(book.dir, book.index), 'utf8');
  const order = [book.index];
  for (const match of index.matchAll(/href="([^"#/:]+\.html)/g)) {
    if (!order.includes(match[1]!)) order.push(match[1]!);
  }
  return order;
}

/** The conversions a book needs: one pandoc run per note, each a list of HTML files. */
export function bookJobs(book: Book): BookJob[] {
  const files = readingOrder(book);
  if (book.notes === 'one') {
    const name = book.index.replace(/^index\./, path.basename(book.folder).concat('.')).replace(/\.html$/, '');
    return [{ note: `${book.folder}/${name}.md`, inputs: files }];
  }
  return files.map((file) => ({ note: `${book.folder}/${file.replace(/\.[^.]+\.html$/, '')}.md`, inputs: [file] }));
}

/** Converts one note of a book into `targetDir`, figures in the folder named after the note. */
export async function convertBookNote(book: Book, job: BookJob, targetDir: string): Promise<BookNote> {
  const noteFile = path.join(targetDir, job.note);
  const cwd = path.dirname(noteFile);
  const assets = path.basename(job.note, '.md');
  mkdirSync(cwd, { recursive: true });
  const result = await run(
    'pandoc',
    [
      '-f',
      'html',
      '-t',
      book.format,
      `--resource-path=${book.dir}`,
      `--extract-media=${assets}`,
      ...job.inputs.map((file) => path.join(book.dir, file)),
    ],
    { cwd },
  );
  if (result.code !== 0) throw new Error(`pandoc failed on ${job.inputs.join(' ')}: ${result.stderr.trim()}`);
  const markdown = result.stdout.toString('utf8');
  const first = path.join(book.dir, job.inputs[0]!);
  const head = frontMatter({
    title: htmlTitle(first),
    date: hexoDate(first),
    categories: book.categories,
    ...(book.lang ? { lang: book.lang } : {}),
  });
  const text = head + markdown;
  writeFileSync(noteFile, text);
  const escaped = assets.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const figures = new Set(markdown.match(new RegExp(`${escaped}/[^)"\\s]+`, 'g')) ?? []).size;
  return { book, note: job.note, bytes: Buffer.byteLength(text), figures };
}
