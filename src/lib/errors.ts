/**
 * Errors in a note are values: a file, a line and what to do about it.
 * They are collected over the whole notes folder and printed in one place,
 * so an author sees every problem at once and never a stack trace.
 */
export interface NoteProblem {
  /** Path shown to the author, relative to the project (e.g. `notes/a.md`). */
  file: string;
  /** 1-based line in that file. */
  line: number;
  message: string;
  hint: string;
}

/** Thrown by a pipeline step when a note cannot be built as written. */
export class NoteError extends Error {
  readonly problems: NoteProblem[];
  constructor(problems: NoteProblem[]) {
    super(problems.map(formatProblem).join('\n\n'));
    this.name = 'NoteError';
    this.problems = problems;
  }
}

/** `notes/a.md:12: message` followed by an indented hint. */
export function formatProblem(problem: NoteProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}\n  hint: ${problem.hint}`;
}

/** The report printed when the build stops on broken notes. */
export function formatProblems(problems: NoteProblem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return `The notes have ${count}; the site was not built.\n\n${problems.map(formatProblem).join('\n\n')}\n`;
}

/** Shorthand for throwing a single problem. */
export function noteError(file: string, line: number, message: string, hint: string): NoteError {
  return new NoteError([{ file, line, message, hint }]);
}
