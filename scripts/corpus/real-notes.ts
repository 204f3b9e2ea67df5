/**
 * A corpus of real notes nobody on the project wrote: Debian's Chinese
 * documentation converted to Markdown with pandoc, the way someone moving
 * their reading notes into a Hexo blog would. The site must cope with it:
 * about 1,500 notes in simplified and traditional Chinese (the same page
 * names under zh_CN/ and zh_TW/), tables, code, shell text with dollar signs,
 * pandoc's escapes and HTML leftovers, and two books of hundreds of sections.
 *
 * - man pages (manpages-zh): one note each, `zh_CN/man1/ls.1.md` and
 *   `zh_TW/man1/ls.1.md` (`man-pages.ts`);
 * - the Debian Reference (zh-cn, zh-tw): one note per language, as GFM;
 * - the New Maintainers' Guide (zh-cn, zh-tw): one note per language, in
 *   pandoc's own Markdown (what `pandoc book.html -o book.md` writes);
 * - the Debian FAQ (zh-cn): one note per HTML file (`books.ts`).
 *
 * Packages come from apt (installed when missing and running as root);
 * nothing else is downloaded. The same packages give the same corpus, byte
 * for byte. A stamp file in the target records the script's code and the
 * package versions, so a second run with nothing changed does nothing.
 *
 * `node scripts/corpus/real-notes.ts [targetDir]` (default `.corpus/real-notes`).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Book, type BookJob, bookJobs, convertBookNote } from './books.ts';
import {
  convertManPage,
  frontMatter,
  hexoDate,
  linkReferences,
  MAN_PACKAGE,
  type ManNote,
  type ManSource,
  manSources,
  nameLine,
} from './man-pages.ts';
import { ensurePackages, inParallel, packageFiles, run } from './processes.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
/** The files whose code decides the corpus: a change to any of them makes it again. */
const MAKER_FILES = ['real-notes.ts', 'man-pages.ts', 'books.ts', 'processes.ts'];
const STAMP = '.corpus-stamp.json';

const BOOKS: Book[] = [
  {
    package: 'debian-reference-zh-cn',
    dir: '/usr/share/debian-reference',
    index: 'index.zh-cn.html',
    folder: 'debian-reference',
    format: 'gfm',
    notes: 'one',
    categories: ['Debian', '参考手册'],
    traditional: false,
  },
  {
    package: 'debian-reference-zh-tw',
    dir: '/usr/share/debian-reference',
    index: 'index.zh-tw.html',
    folder: 'debian-reference',
    format: 'gfm',
    notes: 'one',
    categories: ['Debian', '參考手冊'],
    lang: 'zh-TW',
    traditional: true,
  },
  {
    package: 'maint-guide-zh-cn',
    dir: '/usr/share/doc/maint-guide-zh-cn/html',
    index: 'index.zh-cn.html',
    folder: 'maint-guide',
    format: 'markdown',
    notes: 'one',
    categories: ['Debian', '维护者手册'],
    traditional: false,
  },
  {
    package: 'maint-guide-zh-tw',
    dir: '/usr/share/doc/maint-guide-zh-tw/html',
    index: 'index.zh-tw.html',
    folder: 'maint-guide',
    format: 'markdown',
    notes: 'one',
    categories: ['Debian', '維護人員手冊'],
    traditional: true,
  },
  {
    package: 'debian-faq-zh-cn',
    dir: '/usr/share/doc/debian/FAQ/zh-cn',
    index: 'index.zh-cn.html',
    folder: 'debian-faq/zh-cn',
    format: 'gfm',
    notes: 'per-file',
    categories: ['Debian', 'FAQ'],
    traditional: false,
  },
];

const REQUIRED = ['pandoc', MAN_PACKAGE, 'debian-reference-zh-cn', 'debian-reference-zh-tw'];
// mandoc reads the man pages pandoc cannot; without it those pages are left out.
const OPTIONAL = ['mandoc', 'maint-guide-zh-cn', 'maint-guide-zh-tw', 'debian-faq-zh-cn'];
/** One traditional man page in this many carries `lang: zh-TW`; the others leave the site to tell. */
const LANG_TAG_EVERY = 50;

export interface SourceSummary {
  /** `manpages-zh zh_CN`, `debian-reference-zh-tw`, … */
  source: string;
  script: 'simplified' | 'traditional';
  /** The command that made the notes. */
  how: string;
  notes: number;
  bytes: number;
  figures: number;
}

export interface CorpusSummary {
  dir: string;
  notes: number;
  /** Bytes of Markdown, front matter included. */
  bytes: number;
  figures: number;
  traditional: number;
  simplified: number;
  /** Notes that carry a `lang:` field. */
  langTagged: number;
  sources: SourceSummary[];
  /** Man pages pandoc could not read, converted through mandoc's HTML instead. */
  throughMandoc: string[];
  /** Man pages neither could convert, with pandoc's message. */
  skipped: { page: string; reason: string }[];
  /** Man pages by their encoding before conversion. */
  encodings: Record<string, number>;
  /** "See also" references turned into links between notes. */
  links: number;
  packages: Record<string, string>;
  seconds: number;
  /** True when the corpus was already there, made by this code from these packages. */
  reused: boolean;
}

function makerKey(packages: Map<string, string>, pandocVersion: string): string {
  const hash = createHash('sha256');
  for (const file of MAKER_FILES) hash.update(readFileSync(path.join(HERE, file)));
  hash.update(JSON.stringify([...packages], null, 0));
  hash.update(pandocVersion);
  return hash.digest('hex').slice(0, 16);
}

/** Empties the target, refusing a folder with files this script did not make. */
function clearTarget(dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0 && !existsSync(path.join(dir, STAMP))) {
    throw new Error(`${dir} is not empty and was not made by this script; give an empty or new folder`);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

type Job = { kind: 'book'; book: Book; job: BookJob } | { kind: 'man'; source: ManSource };

/** Makes the corpus in `targetDir` (or finds it already made) and says what is in it. */
export async function makeRealCorpus(targetDir: string): Promise<CorpusSummary> {
  const started = performance.now();
  const dir = path.resolve(targetDir);
  const packages = ensurePackages(REQUIRED, OPTIONAL);
  const pandocVersion = (await run('pandoc', ['--version'])).stdout.toString('utf8').split('\n')[0] ?? '';
  const key = makerKey(packages, pandocVersion);
  const stampFile = path.join(dir, STAMP);
  if (existsSync(stampFile)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { key: string; summary: CorpusSummary };
    if (stamp.key === key) {
      return { ...stamp.summary, dir, seconds: (performance.now() - started) / 1000, reused: true };
    }
  }
  clearTarget(dir);

  const books = BOOKS.filter((book) => packages.has(book.package));
  const jobs: Job[] = [
    // The books first: they are the longest conversions, and run beside the many short ones.
    ...books.flatMap((book) => bookJobs(book).map((job) => ({ kind: 'book' as const, book, job }))),
    ...manSources(packageFiles(MAN_PACKAGE)).map((source) => ({ kind: 'man' as const, source })),
  ];
  const done = await inParallel(jobs, async (job) =>
    job.kind === 'book'
      ? { kind: 'book' as const, result: await convertBookNote(job.book, job.job, dir) }
      : { kind: 'man' as const, result: await convertManPage(job.source) },
  );

  const manNotes: ManNote[] = [];
  const skipped: CorpusSummary['skipped'] = [];
  for (const item of done) {
    if (item.kind !== 'man') continue;
    if ('failed' in item.result) skipped.push({ page: item.result.source.file, reason: item.result.failed });
    else manNotes.push(item.result);
  }
  const noteNames = new Set(manNotes.map((note) => note.note));
  const encodings: Record<string, number> = {};
  let links = 0;
  let langTagged = books.filter((book) => book.lang).length;
  let traditionalIndex = 0;
  const manRows = new Map<string, SourceSummary>();
  for (const man of manNotes) {
    const traditional = man.source.lang === 'zh_TW';
    const tagged = traditional && traditionalIndex % LANG_TAG_EVERY === 0;
    if (traditional) traditionalIndex += 1;
    if (tagged) langTagged += 1;
    const linked = linkReferences(man.markdown, man.note, noteNames);
    links += linked.links;
    const description = nameLine(man.markdown);
    const text =
      frontMatter({
        title: `${man.source.name}(${man.source.section})${description ? ` — ${description}` : ''}`,
        date: hexoDate(man.source.file),
        categories: [traditional ? '手冊' : '手册', man.source.folder],
        ...(tagged ? { lang: 'zh-TW' } : {}),
      }) + linked.text;
    const file = path.join(dir, man.note);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    encodings[man.encoding] = (encodings[man.encoding] ?? 0) + 1;
    const source = `${MAN_PACKAGE} ${man.source.lang}`;
    const row = manRows.get(source) ?? {
      source,
      script: traditional ? 'traditional' : 'simplified',
      how: 'zcat | pandoc -f man -t gfm (mandoc HTML when pandoc fails)',
      notes: 0,
      bytes: 0,
      figures: 0,
    };
    row.notes += 1;
    row.bytes += Buffer.byteLength(text);
    manRows.set(source, row);
  }

  const bookRows = books.map((book): SourceSummary => {
    const notes = done.flatMap((item) => (item.kind === 'book' && item.result.book === book ? [item.result] : []));
    return {
      source: book.package,
      script: book.traditional ? 'traditional' : 'simplified',
      how: `pandoc -f html -t ${book.format} --extract-media (${book.notes === 'one' ? 'whole book' : 'per HTML file'})`,
      notes: notes.length,
      bytes: notes.reduce((sum, note) => sum + note.bytes, 0),
      figures: notes.reduce((sum, note) => sum + note.figures, 0),
    };
  });
  const sources = [...manRows.values(), ...bookRows];
  const count = (script: SourceSummary['script']) =>
    sources.filter((row) => row.script === script).reduce((sum, row) => sum + row.notes, 0);
  const summary: CorpusSummary = {
    dir,
    notes: sources.reduce((sum, row) => sum + row.notes, 0),
    bytes: sources.reduce((sum, row) => sum + row.bytes, 0),
    figures: sources.reduce((sum, row) => sum + row.figures, 0),
    traditional: count('traditional'),
    simplified: count('simplified'),
    langTagged,
    sources,
    throughMandoc: manNotes.filter((note) => note.via !== 'pandoc -f man').map((note) => note.note),
    skipped,
    encodings,
    links,
    packages: Object.fromEntries([...packages, ['pandoc (binary)', pandocVersion]]),
    seconds: (performance.now() - started) / 1000,
    reused: false,
  };
  writeFileSync(stampFile, `${JSON.stringify({ key, summary: { ...summary, seconds: 0 } }, null, 2)}\n`);
  return summary;
}

/** The summary as a few lines for a terminal. */
export function describeCorpus(summary: CorpusSummary): string {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const lines = [
    `${summary.notes} notes in ${summary.dir} (${summary.simplified} simplified, ${summary.traditional} traditional; ` +
      `${mb(summary.bytes)} of Markdown, ${summary.figures} figure references), ` +
      `${summary.reused ? 'already made' : 'made'} in ${summary.seconds.toFixed(1)} s`,
  ];
  for (const row of summary.sources) {
    lines.push(
      `  ${row.source.padEnd(24)} ${row.script.padEnd(11)} ${String(row.notes).padStart(5)} notes ${mb(row.bytes).padStart(8)}  ${row.how}`,
    );
  }
  lines.push(
    `  man pages through mandoc: ${summary.throughMandoc.length}; left out: ${summary.skipped.length}; ` +
      `encodings: ${Object.entries(summary.encodings)
        .map(([name, n]) => `${name} ${n}`)
        .join(', ')}; see-also links: ${summary.links}; notes with lang: ${summary.langTagged}`,
  );
  for (const { page, reason } of summary.skipped) lines.push(`  left out ${page}: ${reason}`);
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = process.argv[2] ? path.resolve(process.argv[2]) : path.join(ROOT, '.corpus/real-notes');
  makeRealCorpus(target).then(
    (summary) => console.log(describeCorpus(summary)),
    (error: unknown) => {
      console.error(`corpus: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
