/**
 * Reads a note's front matter the way Hexo does: tolerant of what authors
 * actually write (TAB indentation, `-item` list markers without a space),
 * strict only where no tolerant reading exists, and then with a line number.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { noteError } from './errors.ts';

export interface SplitSource {
  /** The front matter as parsed (an empty object when the note has none). */
  data: Record<string, unknown>;
  /** The Markdown after the front matter. */
  body: string;
  /** How many lines precede `body` in the file, so positions map back to it. */
  bodyLineOffset: number;
  /** The front matter text and where it starts, to find a key's line. */
  yaml: { text: string; firstLine: number };
}

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** Splits `source` into front matter and body and parses the front matter. */
export function parseFrontMatter(source: string, file: string): SplitSource {
  const lines = source.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    return { data: {}, body: source, bodyLineOffset: 0, yaml: { text: '', firstLine: 1 } };
  }
  const close = lines.findIndex((line, index) => index > 0 && CLOSE.test(line));
  if (close === -1) {
    throw noteError(
      file,
      1,
      'the front matter opened by `---` on this line is never closed',
      'end the front matter with a line containing only `---`, or remove the opening `---`',
    );
  }
  const text = lines.slice(1, close).join('\n');
  const data = parseTolerantly(text, file, 2);
  return {
    data,
    body: lines.slice(close + 1).join('\n'),
    bodyLineOffset: close + 1,
    yaml: { text, firstLine: 2 },
  };
}

/**
 * Hexo's YAML reader forgives TAB indentation and `-item`; YAML 1.2 does not.
 * Rewriting only leading whitespace and list markers keeps every value intact.
 */
export function forgiveHexoYaml(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
      let rest = line.slice(indent.length);
      // `-item` under a key means a list item; `---` or `-1` do not.
      if (indent.length > 0 && /^-[^\s\-\d]/.test(rest)) rest = `- ${rest.slice(1)}`;
      return indent.replace(/\t/g, '  ') + rest;
    })
    .join('\n');
}

function parseTolerantly(text: string, file: string, firstLine: number): Record<string, unknown> {
  let firstError: YAMLParseError | undefined;
  // Where forgiving changes the text, the author wrote Hexo's dialect: read it as Hexo does.
  const forgiven = forgiveHexoYaml(text);
  for (const candidate of forgiven === text ? [text] : [forgiven, text]) {
    try {
      const value: unknown = parseYaml(candidate);
      if (value === null || value === undefined) return {};
      if (typeof value !== 'object' || Array.isArray(value)) {
        throw noteError(
          file,
          firstLine,
          'the front matter is not a list of `key: value` lines',
          'write it as `title: …`, `date: 2023-03-13`, `categories: [学习]`, one key per line',
        );
      }
      return value as Record<string, unknown>;
    } catch (error) {
      if (!(error instanceof YAMLParseError)) throw error;
      firstError ??= error;
    }
  }
  const at = unclosedBracketLine(text, firstError) ?? firstError?.linePos?.[0]?.line ?? 1;
  const reason = (firstError?.message ?? 'unreadable YAML').split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
  throw noteError(
    file,
    firstLine + at - 1,
    `the front matter cannot be read: ${reason}`,
    'check this line: each entry is `key: value`; quote values containing `:` or `#`; list items start with `- `',
  );
}

/**
 * YAML notices an unclosed `[` or `{` only on a later line; the author's
 * mistake is on the line that opened it.
 */
function unclosedBracketLine(text: string, error: YAMLParseError | undefined): number | undefined {
  if (!error || !/^Flow (sequence|mapping)/.test(error.message)) return undefined;
  const lines = text.split('\n');
  const last = Math.min(error.linePos?.[0]?.line ?? lines.length, lines.length);
  for (let index = last - 1; index >= 0; index -= 1) {
    const line = lines[index] ?? '';
    const opened = (line.match(/[[{]/g) ?? []).length;
    const closed = (line.match(/[\]}]/g) ?? []).length;
    if (opened > closed) return index + 1;
  }
  return undefined;
}

/** The 1-based file line of a top-level key, for errors about its value. */
export function lineOfKey(yaml: SplitSource['yaml'], key: string): number {
  const index = yaml.text.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  return index === -1 ? yaml.firstLine - 1 : yaml.firstLine + index;
}
