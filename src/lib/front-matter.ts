/**
 * Reads a note's front matter the way Hexo does: tolerant of what authors
 * actually write (TAB indentation, `-item` list markers without a space),
 * strict only where no tolerant reading exists, and then with a line number.
 * The front matter is the `yaml` node remark-frontmatter found at the top of
 * the note's tree, so every line number is the file's own.
 */
import type { Root, Yaml } from 'mdast';
import type { VFile } from 'vfile';
import { parse as parseYaml, YAMLParseError } from 'yaml';
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

function parseTolerantly(node: Yaml, firstLine: number, file: VFile): Record<string, unknown> {
  const text = node.value;
  let firstError: YAMLParseError | undefined;
  // Where forgiving changes the text, the author wrote Hexo's dialect: read it as Hexo does.
  const forgiven = forgiveHexoYaml(text);
  for (const candidate of forgiven === text ? [text] : [forgiven, text]) {
    try {
      const value: unknown = parseYaml(candidate);
      if (value === null || value === undefined) return {};
      if (typeof value !== 'object' || Array.isArray(value)) {
        report(file, {
          at: { line: firstLine, column: 1 },
          message: 'the front matter is not a list of `key: value` lines',
          hint: 'write it as `title: …`, `date: 2023-03-13`, `categories: [学习]`, one key per line',
          rule: 'front-matter',
        });
        return {};
      }
      return value as Record<string, unknown>;
    } catch (error) {
      if (!(error instanceof YAMLParseError)) throw error;
      firstError ??= error;
    }
  }
  const at = unclosedBracketLine(text, firstError) ?? firstError?.linePos?.[0]?.line ?? 1;
  const reason = (firstError?.message ?? 'unreadable YAML').split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
  report(file, {
    at: { line: firstLine + at - 1, column: 1 },
    message: `the front matter cannot be read: ${reason}`,
    hint: 'check this line: each entry is `key: value`; quote values containing `:` or `#`; list items start with `- `',
    rule: 'front-matter',
  });
  return {};
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
