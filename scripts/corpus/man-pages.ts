/**
 * Chinese man pages (Debian's manpages-zh, simplified in zh_CN and
 * traditional in zh_TW) turned into notes the way a migrating user would:
 * `zcat page.1.gz | pandoc -f man -t gfm`, with a Hexo front matter added and
 * "see also" references such as `**ls**(1)` made into links to the other
 * notes where that note exists. Nothing else in the text is touched, so the
 * notes keep pandoc's escapes, tables, shell text and dollar signs.
 *
 * Where pandoc cannot read a page (the Tcl/Tk pages define their own roff
 * macros; bash.1 uses `\f@`), the user's next try is mandoc's HTML, which
 * pandoc then converts: those notes carry mandoc's `<div>` leftovers.
 * The pages are UTF-8 today; one that is not is converted with iconv from
 * GB18030 (zh_CN) or Big5-HKSCS (zh_TW), as a user would, and counted.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { run } from './processes.ts';

export const MAN_PACKAGE = 'manpages-zh';

export interface ManSource {
  /** `/usr/share/man/zh_TW/man1/ls.1.gz` */
  file: string;
  lang: 'zh_CN' | 'zh_TW';
  /** `man1` */
  folder: string;
  /** `ls` */
  name: string;
  /** `1`, `3tcl` */
  section: string;
}

export interface ManNote {
  source: ManSource;
  /** Path of the note inside the corpus: `zh_TW/man1/ls.1.md`. */
  note: string;
  markdown: string;
  /** How the page became Markdown: pandoc alone, or mandoc's HTML through pandoc. */
  via: 'pandoc -f man' | 'mandoc -T html | pandoc -f html';
  /** The page's encoding before any conversion. */
  encoding: 'UTF-8' | 'GB18030' | 'BIG5-HKSCS';
}

export type ManResult = ManNote | { source: ManSource; failed: string };

/** The man pages of the package's file list, sorted so every run sees them in one order. */
export function manSources(files: string[]): ManSource[] {
  const sources: ManSource[] = [];
  for (const file of files) {
    const match = /^\/usr\/share\/man\/(zh_CN|zh_TW)\/(man\d)\/(.+)\.(\d[^.]*)\.gz$/.exec(file);
    if (!match) continue;
    const [, lang, folder, name, section] = match;
    sources.push({ file, lang: lang as ManSource['lang'], folder: folder!, name: name!, section: section! });
  }
  return sources.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

async function toUtf8(
  bytes: Buffer,
  lang: ManSource['lang'],
): Promise<{ text: string; encoding: ManNote['encoding'] }> {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    const encoding = lang === 'zh_CN' ? 'GB18030' : 'BIG5-HKSCS';
    const converted = await run('iconv', ['-c', '-f', encoding, '-t', 'UTF-8'], { input: bytes });
    return { text: converted.stdout.toString('utf8'), encoding };
  }
}

/** One page to GitHub-flavoured Markdown (no front matter, no links yet). */
export async function convertManPage(source: ManSource): Promise<ManResult> {
  const { text, encoding } = await toUtf8(gunzipSync(readFileSync(source.file)), source.lang);
  const note = `${source.lang}/${source.folder}/${source.name}.${source.section}.md`;
  const direct = await run('pandoc', ['-f', 'man', '-t', 'gfm'], { input: text });
  if (direct.code === 0) {
    return { source, note, markdown: direct.stdout.toString('utf8'), via: 'pandoc -f man', encoding };
  }
  const html = await run('mandoc', ['-T', 'html', '-O', 'fragment'], { input: text }).catch(() => undefined);
  if (html?.stdout.length) {
    const viaHtml = await run('pandoc', ['-f', 'html', '-t', 'gfm'], { input: html.stdout });
    if (viaHtml.code === 0) {
      return {
        source,
        note,
        markdown: viaHtml.stdout.toString('utf8'),
        via: 'mandoc -T html | pandoc -f html',
        encoding,
      };
    }
  }
  return { source, failed: direct.stderr.trim().split('\n')[0] ?? 'pandoc failed' };
}

/** Markdown text of a line with its inline markup and pandoc's escapes removed. */
function plain(markdown: string): string {
  return markdown
    .replace(/<[^>]+>/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/[*`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The NAME line's description (`列出目录内容` from `ls - 列出目录内容`): the
 * first paragraph after the first heading, which man pages keep for NAME.
 */
export function nameLine(markdown: string): string {
  const lines = markdown.split('\n');
  const heading = lines.findIndex((line) => /^#{1,6} /.test(line));
  if (heading < 0) return '';
  const paragraph: string[] = [];
  for (const line of lines.slice(heading + 1)) {
    if (!line.trim()) {
      if (paragraph.length > 0) break;
      continue;
    }
    if (/^(#|<\/?div|\|)/.test(line.trim())) break;
    paragraph.push(line);
  }
  const text = plain(paragraph.join(' '));
  const dash = / [-—] /.exec(text);
  const description = dash ? text.slice(dash.index + dash[0].length) : text;
  return description.length > 100 ? `${description.slice(0, 100)}…` : description;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** A file's modification time as Hexo writes dates (UTC, so every machine writes the same). */
export function hexoDate(file: string): string {
  const time = statSync(file).mtime;
  return (
    `${time.getUTCFullYear()}-${pad(time.getUTCMonth() + 1)}-${pad(time.getUTCDate())} ` +
    `${pad(time.getUTCHours())}:${pad(time.getUTCMinutes())}:${pad(time.getUTCSeconds())}`
  );
}

/** A Hexo front matter block; strings quoted as JSON, which YAML reads as double-quoted strings. */
export function frontMatter(fields: { title: string; date: string; categories: string[]; lang?: string }): string {
  const lines = ['---', `title: ${JSON.stringify(fields.title)}`, `date: ${fields.date}`, 'categories:'];
  for (const category of fields.categories) lines.push(`  - ${category}`);
  if (fields.lang) lines.push(`lang: ${fields.lang}`);
  lines.push('---', '', '');
  return lines.join('\n');
}

/** Where `name(section)` lives among the notes of one language, if it does. */
function linkTarget(notes: Set<string>, lang: string, name: string, section: string): string | undefined {
  const folder = `man${section[0]}`;
  const exact = `${lang}/${folder}/${name}.${section}.md`;
  if (notes.has(exact)) return exact;
  if (!/^\d$/.test(section)) return undefined;
  // `tk(3)` for the page installed as tk.3tk: only when exactly one page fits.
  const prefix = `${lang}/${folder}/${name}.${section}`;
  const fits = [...notes].filter((note) => note.startsWith(prefix) && /^[a-z]+\.md$/.test(note.slice(prefix.length)));
  return fits.length === 1 ? fits[0] : undefined;
}

const NAME = String.raw`[A-Za-z0-9_][A-Za-z0-9_.:+\\-]*`;
// `**ls**(1)` or `*ls*(1)` → the name and section; `**ls(1)**` → the same, kept bold around the link.
const EMPHASISED_NAME = new RegExp(String.raw`(?<!\[)(\*{1,2})(${NAME})\1\((\d[a-z]*)\)`, 'g');
const EMPHASISED_REFERENCE = new RegExp(String.raw`(?<!\[)(\*{1,2})(${NAME})\((\d[a-z]*)\)\1`, 'g');

/**
 * Turns references to other man pages into relative links, only where the
 * target note exists and only outside code. Returns the text and how many
 * links it made.
 */
export function linkReferences(markdown: string, note: string, notes: Set<string>): { text: string; links: number } {
  const lang = note.split('/')[0]!;
  const here = path.posix.dirname(note);
  let links = 0;
  let fence: string | undefined;
  const link = (whole: string, name: string, section: string, wrap: (inner: string) => string) => {
    const target = linkTarget(notes, lang, name.replace(/\\/g, ''), section);
    if (!target || target === note) return whole;
    links += 1;
    return wrap(`[${name}(${section})](${path.posix.relative(here, target)})`);
  };
  const lines = markdown.split('\n').map((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      return line;
    }
    if (marker) {
      fence = marker;
      return line;
    }
    // Even pieces are outside inline code spans.
    return line
      .split(/(`+[^`]*`+)/)
      .map((piece, index) =>
        index % 2 === 1
          ? piece
          : piece
              .replace(EMPHASISED_NAME, (whole, _stars, name: string, section: string) =>
                link(whole, name, section, (inner) => inner),
              )
              .replace(EMPHASISED_REFERENCE, (whole, stars: string, name: string, section: string) =>
                link(whole, name, section, (inner) => `${stars}${inner}${stars}`),
              ),
      )
      .join('');
  });
  return { text: lines.join('\n'), links };
}
