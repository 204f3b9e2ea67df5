/**
 * The one way a problem in a note is reported: every step puts a message on
 * the note's VFile (unified's own record of what happened to a file) at a
 * place in the note's text, with what to do about it, and the build collects
 * them over every note. Errors stop the build; warnings let it finish and
 * are listed at its end. An author sees every problem of every note in one
 * build, each as `file:line`, and never a stack trace.
 */
import type { Node, Point, Position } from 'unist';
import type { VFile } from 'vfile';

export type Severity = 'error' | 'warning';

export interface NoteProblem {
  /** Path shown to the author, relative to the project (e.g. `notes/a.md`). */
  file: string;
  /** 1-based line in that file. */
  line: number;
  severity: Severity;
  message: string;
  hint: string;
  /** The kind of problem (`not-tex`, `broken-link`), as `Report.rule` names it. */
  rule?: string;
}

export interface Report {
  /** Where in the note: a node of its tree, a position or a point (lines of the whole file). */
  at: Node | Position | Point | undefined;
  message: string;
  /** What the author can do about it. */
  hint: string;
  /** Default `error`: the note cannot be published as written. */
  severity?: Severity;
  /** A short name for the kind of problem, for tests and tools: `invalid-tex`, `missing-figure`. */
  rule: string;
}

/** Reports a problem in the note `file` is about. */
export function report(file: VFile, problem: Report): void {
  const { at } = problem;
  const place = at && 'type' in at ? at.position : at;
  const message = file.message(problem.message, { place, ruleId: problem.rule, source: 'study-notes' });
  message.fatal = (problem.severity ?? 'error') === 'error';
  message.note = problem.hint;
}

/** The problems reported on `file`, as the author sees them. */
export function problemsIn(file: VFile): NoteProblem[] {
  return file.messages.map((message) => ({
    file: file.path,
    line: message.line ?? 1,
    // A library's own message without a verdict stops nothing; ours always carry one.
    severity: message.fatal === true ? 'error' : 'warning',
    message: message.reason,
    hint: message.note ?? 'check this line of the note',
    ...(message.ruleId ? { rule: message.ruleId } : {}),
  }));
}

export const isError = (problem: NoteProblem): boolean => problem.severity === 'error';

/** `notes/a.md:12: message` (warnings say so) followed by an indented hint. */
export function formatProblem(problem: NoteProblem): string {
  const kind = problem.severity === 'warning' ? 'warning: ' : '';
  return `${problem.file}:${problem.line}: ${kind}${problem.message}\n  hint: ${problem.hint}`;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The report of problems that stop the build (warnings, if any, listed after the errors). */
export function formatErrors(problems: NoteProblem[]): string {
  const errors = problems.filter(isError);
  const warnings = problems.filter((problem) => !isError(problem));
  const also =
    warnings.length > 0
      ? `\n\nand ${count(warnings.length, 'warning')}:\n\n${warnings.map(formatProblem).join('\n\n')}`
      : '';
  return `The notes have ${count(errors.length, 'problem')}; the site was not built.\n\n${errors.map(formatProblem).join('\n\n')}${also}\n`;
}

// What each kind of warning means, for the summary at the end of a long list.
const KINDS: Record<string, string> = {
  'not-tex': 'dollar signs shown as written, not as math',
  'broken-link': 'links that lead nowhere, shown as text',
  'tex-warning': 'math KaTeX typeset with a remark',
  encoding: 'notes read from an encoding other than UTF-8',
  'hexo-tag': 'Hexo tags shown as written',
  'html-removed': 'pieces of raw HTML removed (scripts, handlers, embeds)',
  'unsafe-url': 'links with a scheme that could run code, shown as text',
  'svg-sanitized': 'SVG figures published with something removed',
};

/** The list of warnings printed at the end of a build that went through, with a count of each kind when there are many. */
export function formatWarnings(warnings: NoteProblem[]): string {
  const list = warnings.map(formatProblem).join('\n\n');
  const byKind = new Map<string, number>();
  for (const warning of warnings) byKind.set(warning.rule ?? 'other', (byKind.get(warning.rule ?? 'other') ?? 0) + 1);
  const summary =
    warnings.length > 10
      ? `\n\nIn all: ${[...byKind].map(([kind, n]) => `${n} ${KINDS[kind] ?? kind}`).join('; ')}.`
      : '';
  return `${count(warnings.length, 'warning')} in the notes (the site was built):\n\n${list}${summary}\n`;
}
