/**
 * The real corpus (`scripts/corpus/real-notes.ts`: Debian's Chinese man
 * pages and books) as a site the search tests and the bench can query.
 *
 * Why a staging copy: the site does not yet build every real note (issue
 * #10: pandoc's dollar signs read as math, `zh_CN/man1/ls.1.md` and
 * `zh_TW/man1/ls.1.md` published at the same URL). Search is what is
 * measured here, so the copy changes only what stops a build: a `$` outside
 * code is written `\$`, and a note whose URL is taken gets its folder in its
 * file name. Text, headings and folders are otherwise as the corpus has them.
 * Where each note of the corpus ends up is read from the pipeline itself
 * (`buildNotes`), so the map stays right however notes are published.
 *
 * Built once and kept (`.corpus/search-site/`): a stamp of the corpus, this
 * file and the site's source decides whether a build is still current.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildNotes, listNoteFiles } from '../../src/lib/build-notes.ts';
import { listFiles } from '../../src/lib/files.ts';
import { slugify } from '../../src/lib/load-note.ts';
import { ROOT, runBuild } from './sites.ts';

/** The corpus script's stamp (not a note, not copied). */
const STAMP_NAME = '.corpus-stamp.json';

const CORPUS = path.join(ROOT, '.corpus/real-notes');

/** Which notes of the corpus a site has: all of them, or the simplified half (zh_CN and the zh-cn books, about 750 pages). */
export type CorpusPart = 'all' | 'simplified';

const PARTS: Record<CorpusPart, (file: string) => boolean> = {
  all: () => true,
  simplified: (file) => /^(zh_CN|debian-faq)\//.test(file) || /zh-cn\.md$/.test(file),
};

function paths(part: CorpusPart) {
  const dir = path.join(ROOT, '.corpus', part === 'all' ? 'search-site' : `search-site-${part}`);
  return {
    staged: path.join(dir, 'notes'),
    out: path.join(dir, 'dist'),
    stamp: path.join(dir, 'stamp.json'),
    cache: path.join(dir, 'notes-cache'),
  };
}

export interface RealCorpusSite {
  /** The built site, served at `/`. */
  dir: string;
  /** Site path (`ls1/`, relative to the base) of each note, by its path in the corpus (`zh_CN/man1/ls.1.md`). */
  notePaths: Map<string, string>;
  pages: number;
  notes: number;
  /** Whether the build was made now (false: kept from an earlier run). */
  built: boolean;
}

/** `a $x$ b` → `a \$x\$ b`, leaving fenced code, inline code and escaped dollars as they are. */
export function escapeDollars(markdown: string): string {
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const opening = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence) {
        if (opening && opening[0] === fence[0] && opening.length >= fence.length) fence = undefined;
        return line;
      }
      if (opening) {
        fence = opening;
        return line;
      }
      return escapeLine(line);
    })
    .join('\n');
}

/** One line of Markdown outside fences: `\\x` escapes and `` `code` `` spans kept, other dollars escaped. */
function escapeLine(line: string): string {
  let out = '';
  for (let at = 0; at < line.length; ) {
    const char = line[at]!;
    if (char === '\\') {
      out += line.slice(at, at + 2);
      at += 2;
    } else if (char === '`') {
      const ticks = /^`+/.exec(line.slice(at))![0];
      const close = line.indexOf(ticks, at + ticks.length);
      const end = close < 0 ? at + ticks.length : close + ticks.length;
      out += line.slice(at, end);
      at = end;
    } else {
      out += char === '$' ? '\\$' : char;
      at += 1;
    }
  }
  return out;
}

/** Where each corpus note goes in the staging copy: as it is, or with its folder in its name when its URL is taken. */
export function stagedNames(files: string[]): Map<string, string> {
  const taken = new Set<string>();
  const names = new Map<string, string>();
  for (const file of files) {
    const folder = path.posix.dirname(file);
    const stem = path.posix.basename(file).replace(/\.mdx?$/i, '');
    let staged = file;
    if (taken.has(slugify(stem))) {
      staged = path.posix.join(folder, `${folder.replaceAll('/', '-')}-${path.posix.basename(file)}`);
    }
    taken.add(slugify(path.posix.basename(staged).replace(/\.mdx?$/i, '')));
    names.set(file, staged);
  }
  return names;
}

function sourceStamp(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(path.join(CORPUS, STAMP_NAME)));
  hash.update(readFileSync(import.meta.filename));
  for (const dir of ['src', 'astro.config.mjs', 'package-lock.json']) {
    const full = path.join(ROOT, dir);
    const files = dir === 'src' ? listFiles(full).map((file) => path.join(full, file)) : [full];
    for (const file of files.sort()) {
      hash.update(file);
      hash.update(readFileSync(file));
    }
  }
  return hash.digest('hex');
}

/**
 * The real corpus built as a site, made (`npm run corpus`) and built when
 * missing or out of date. Takes a few minutes the first time.
 */
export async function realCorpusSite(
  log: (line: string) => void = () => {},
  part: CorpusPart = 'all',
): Promise<RealCorpusSite> {
  const { staged: notesDir, out, stamp: stampFile, cache } = paths(part);
  if (!existsSync(path.join(CORPUS, STAMP_NAME))) {
    log('making the real corpus (scripts/corpus/real-notes.ts)…');
    const { makeRealCorpus } = await import('../../scripts/corpus/real-notes.ts');
    await makeRealCorpus(CORPUS);
  }
  const stamp = `${part}:${sourceStamp()}`;
  // REAL_CORPUS_REUSE=1 keeps a build whatever changed since (for a quick look while changing search).
  const current =
    existsSync(stampFile) &&
    (JSON.parse(readFileSync(stampFile, 'utf8')).stamp === stamp ||
      (process.env.REAL_CORPUS_REUSE === '1' && existsSync(path.join(out, 'index.html'))));
  const files = listNoteFiles(CORPUS).filter(PARTS[part]);
  const names = stagedNames(files);
  if (!current) {
    log(`staging ${files.length} notes of the real corpus…`);
    rmSync(notesDir, { recursive: true, force: true });
    mkdirSync(notesDir, { recursive: true });
    // Figures and folders as they are; then each note, escaped, under its staged name.
    cpSync(CORPUS, notesDir, {
      recursive: true,
      filter: (source) => !/\.mdx?$/i.test(source) && !source.endsWith(STAMP_NAME),
    });
    for (const [file, staged] of names) {
      writeFileSync(path.join(notesDir, staged), escapeDollars(readFileSync(path.join(CORPUS, file), 'utf8')));
    }
    log('building the real corpus site…');
    const started = performance.now();
    rmSync(out, { recursive: true, force: true });
    const result = runBuild(
      { notesDir: path.relative(ROOT, notesDir), base: '/', outDir: path.relative(ROOT, out) },
      { NOTES_CACHE: cache },
    );
    if (result.status !== 0) throw new Error(`building the real corpus site failed:\n${result.output.slice(-4000)}`);
    log(`built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  // Rendered notes come from the build's cache: this only reads where each note was published.
  const content = await buildNotes({ notesDir, base: '/', root: ROOT, cacheDir: cache });
  const byFile = new Map(content.notes.map((note) => [path.relative(notesDir, path.resolve(ROOT, note.file)), note]));
  const notePaths = new Map<string, string>();
  for (const [file, staged] of names) {
    const note = byFile.get(staged);
    if (note) notePaths.set(file, note.path);
  }
  const pages = content.notes.reduce((sum, note) => sum + 1 + note.chapters.length, 0);
  if (!current) writeFileSync(stampFile, `${JSON.stringify({ stamp, pages, notes: content.notes.length })}\n`);
  return { dir: out, notePaths, pages, notes: content.notes.length, built: !current };
}
