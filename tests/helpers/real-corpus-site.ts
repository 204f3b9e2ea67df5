/**
 * The real corpus (`scripts/corpus/real-notes.ts`: Debian's Chinese man
 * pages and books) as a site the search tests and the bench can query.
 *
 * The notes are built as the corpus has them (a part of it is a copy of
 * that part, files unchanged). Where each note of the corpus ends up is read
 * from the pipeline itself (`buildNotes`), so the map stays right however
 * notes are published.
 *
 * Built once and kept (`.corpus/search-site/`): a stamp of the corpus, this
 * file and the site's source decides whether a build is still current.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildNotes, listNoteFiles } from '../../src/lib/build-notes.ts';
import { listFiles } from '../../src/lib/files.ts';
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
  if (!current) {
    log(`copying ${files.length} notes of the real corpus…`);
    rmSync(notesDir, { recursive: true, force: true });
    mkdirSync(notesDir, { recursive: true });
    // Figures and folders as they are, and the part's notes.
    const chosen = new Set(files);
    // The corpus folder itself may be a link (to a corpus made elsewhere): its contents are copied.
    const corpus = realpathSync(CORPUS);
    cpSync(corpus, notesDir, {
      recursive: true,
      filter: (source) => {
        const file = path.relative(corpus, source).split(path.sep).join('/');
        return !source.endsWith(STAMP_NAME) && (!/\.(md|mdx|markdown)$/i.test(source) || chosen.has(file));
      },
    });
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
  const { content } = await buildNotes({ notesDir, base: '/', root: ROOT, cacheDir: cache });
  const byFile = new Map(
    content.notes.map((note) => [
      path.relative(notesDir, path.resolve(ROOT, note.file)).split(path.sep).join('/'),
      note,
    ]),
  );
  const notePaths = new Map<string, string>();
  for (const file of files) {
    const note = byFile.get(file);
    if (note) notePaths.set(file, note.path);
  }
  const pages = content.notes.reduce((sum, note) => sum + 1 + note.chapters.length, 0);
  if (!current) writeFileSync(stampFile, `${JSON.stringify({ stamp, pages, notes: content.notes.length })}\n`);
  return { dir: out, notePaths, pages, notes: content.notes.length, built: !current };
}
