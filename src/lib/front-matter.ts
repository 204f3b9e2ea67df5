/**
 * Reads a note's front matter the way Hexo does: tolerant of what authors
 * actually write (TAB indentation, `-item` list markers without a space),
 * strict only where no tolerant reading exists, and then with a line number.
 * The front matter is the `yaml` node remark-frontmatter found at the top of
 * the note's tree, so every line number is the file's own.
 */
import type { Root, Yaml } from 'mdast';
import type { VFile } from 'vfile';
import { CST, type Document, Lexer, LineCounter, parseDocument, visit, type YAMLError } from 'yaml';
import { report } from './problems.ts';

export interface FrontMatter {
  /** The front matter as parsed (an empty object when the note has none or it is unreadable). */
  data: Record<string, unknown>;
  /** The file line of a top-level key, for problems about its value (the front matter's first line if absent). */
  lineOf(key: string): number;
}

const OPENING_FENCE = /^---[ \t]*$/;

/** Reads the front matter of `tree` (parsed from `file`) and takes it out of the tree. */
export function readFrontMatter(tree: Root, file: VFile): FrontMatter {
  const first = tree.children[0];
  if (first?.type !== 'yaml') {
    const firstLine = String(file.value).split('\n', 1)[0] ?? '';
    if (OPENING_FENCE.test(firstLine) && first?.type === 'thematicBreak' && first.position?.start.line === 1) {
      report(file, {
        at: first,
        message: 'the front matter opened by `---` on this line is never closed',
        hint: 'end the front matter with a line containing only `---`, or remove the opening `---`',
        rule: 'front-matter',
      });
    }
    return { data: {}, lineOf: () => 1 };
  }
  tree.children.shift();
  const firstLine = (first.position?.start.line ?? 1) + 1;
  const lines = first.value.split('\n');
  const lineOf = (key: string) => {
    const index = lines.findIndex((line) => line.startsWith(`${key}:`));
    return index === -1 ? firstLine - 1 : firstLine + index;
  };
  return { data: parseTolerantly(first, firstLine, file), lineOf };
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

/**
 * Limits that no real front matter comes near, and that keep a hostile one
 * ("billion laughs" aliases, thousands of nested brackets, megabytes of
 * text) from stopping or stalling the build: it is refused at its line
 * within milliseconds instead.
 */
export const FRONT_MATTER_LIMITS = {
  /** Characters of the whole front matter (a real one is a few hundred). */
  length: 64 * 1024,
  /** Nested lists and maps, in brackets or by indentation. */
  depth: 32,
  /** Aliases resolved in all (yaml's own guard; merge keys `<<: *defaults` count). */
  aliases: 100,
} as const;

const LIMIT_HINT =
  'front matter holds a title, a date, categories and tags: shorten it to plain `key: value` lines (no deep nesting, no repeated aliases)';

// YAML 1.2 with merge keys (`<<: *defaults`), which Hexo's YAML reader applies; every message comes back as a value.
const YAML_OPTIONS = { merge: true, prettyErrors: true, uniqueKeys: true } as const;

function parseTolerantly(node: Yaml, firstLine: number, file: VFile): Record<string, unknown> {
  const text = node.value;
  const refuse = (line: number, message: string, hint: string) => {
    report(file, { at: { line: firstLine + line - 1, column: 1 }, message, hint, rule: 'front-matter' });
    return {};
  };
  if (text.length > FRONT_MATTER_LIMITS.length) {
    return refuse(
      1,
      `the front matter is ${Math.round(text.length / 1024)} KB long, more than the ${FRONT_MATTER_LIMITS.length / 1024} KB a note's front matter may have`,
      LIMIT_HINT,
    );
  }
  const deep = tooDeep(text);
  if (deep) return refuse(deep, `the front matter nests deeper than ${FRONT_MATTER_LIMITS.depth} levels`, LIMIT_HINT);
  let firstError: YAMLError | undefined;
  // Where forgiving changes the text, the author wrote Hexo's dialect: read it as Hexo does.
  const forgiven = forgiveHexoYaml(text);
  for (const candidate of forgiven === text ? [text] : [forgiven, text]) {
    const lineCounter = new LineCounter();
    const doc = parseDocument(candidate, { ...YAML_OPTIONS, lineCounter });
    if (doc.errors.length > 0) {
      firstError ??= doc.errors[0];
      continue;
    }
    const unknownTag = doc.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
    if (unknownTag) {
      return refuse(
        unknownTag.linePos?.[0]?.line ?? 1,
        `the front matter uses the YAML tag ${shownTag(unknownTag.message)}, which it cannot read`,
        'remove the `!tag` before the value: front matter holds plain text, numbers, dates and lists',
      );
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: FRONT_MATTER_LIMITS.aliases });
    } catch (error) {
      // yaml refuses an alias bomb with a ReferenceError, and nothing here may become a stack trace.
      const line = firstAliasLine(doc, lineCounter) ?? 1;
      const reason = error instanceof Error ? error.message : String(error);
      return refuse(line, `the front matter cannot be read: ${reason}`, LIMIT_HINT);
    }
    if (value === null || value === undefined) return {};
    if (typeof value !== 'object' || Array.isArray(value)) {
      return refuse(
        1,
        'the front matter is not a list of `key: value` lines',
        'write it as `title: …`, `date: 2023-03-13`, `categories: [学习]`, one key per line',
      );
    }
    return value as Record<string, unknown>;
  }
  const at = unclosedBracketLine(text, firstError) ?? firstError?.linePos?.[0]?.line ?? 1;
  const reason = firstLine_(firstError?.message ?? 'unreadable YAML').replace(/ at line \d+, column \d+:?$/, '');
  return refuse(
    at,
    `the front matter cannot be read: ${reason}`,
    'check this line: each entry is `key: value`; quote values containing `:` or `#`; list items start with `- `',
  );
}

const firstLine_ = (message: string) => message.split('\n')[0] ?? message;

/** `!!js/function` from yaml's `Unresolved tag: tag:yaml.org,2002:js/function at line 1, column 8:`. */
const shownTag = (message: string) =>
  (/Unresolved tag: (\S+)/.exec(message)?.[1] ?? 'it names').replace(/^tag:yaml\.org,2002:/, '!!');

/**
 * The line where `text` nests deeper than the limit, or undefined: flow
 * brackets counted by yaml's own lexer (so quoted text is text), block
 * nesting by indentation. Checked before parsing, so no depth can exhaust
 * the parser's stack or the build's time.
 */
export function tooDeep(text: string): number | undefined {
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === 'flow-map-start' || type === 'flow-seq-start') depth += 1;
    if (type === 'flow-map-end' || type === 'flow-seq-end') depth = Math.max(0, depth - 1);
    if (depth > FRONT_MATTER_LIMITS.depth) return text.slice(0, offset).split('\n').length;
    offset += token.length;
  }
  const indents: number[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    // A `- ` item nests as deep as its indentation plus the marker.
    const indent = /^[ \t]*(?:- +)*/.exec(line)?.[0].length ?? 0;
    while (indents.length > 0 && indents.at(-1)! >= indent) indents.pop();
    indents.push(indent);
    if (indents.length > FRONT_MATTER_LIMITS.depth) return index + 1;
  }
  return undefined;
}

/** The line of the first alias (`*name`) in `doc`: where an alias bomb is set off. */
function firstAliasLine(doc: Document, lineCounter: LineCounter): number | undefined {
  let line: number | undefined;
  visit(doc, {
    Alias(_, node) {
      const start = node.range?.[0];
      if (start !== undefined) line = lineCounter.linePos(start).line;
      return visit.BREAK;
    },
  });
  return line;
}

/**
 * YAML notices an unclosed `[` or `{` only on a later line; the author's
 * mistake is on the line that opened it.
 */
function unclosedBracketLine(text: string, error: YAMLError | undefined): number | undefined {
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
