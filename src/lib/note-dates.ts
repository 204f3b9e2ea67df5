/**
 * When each note was last changed, for the "更新于" line under its title.
 * The honest source is git: the last commit that touched the file. One
 * `git log --name-only` over the notes folder answers for every note at
 * once (a process per note would cost seconds with 1,500 notes). Where
 * git cannot answer truthfully (no repository, a shallow clone whose one
 * commit would date every note the same, a file not committed yet or
 * changed since), the file's modification time is used instead, and the
 * date says so: it is never passed off as a commit date.
 * An edge of the pipeline (it runs git and reads the file system);
 * `parseGitLog` and `pickDates` are pure.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { NoteDate } from './note-meta.ts';

export interface UpdatedDate extends NoteDate {
  /** `git`: the last commit touching the file; `file`: the file's modification time (no usable history). */
  source: 'git' | 'file';
}

/** Runs git in `cwd`; the output, or undefined when git is missing or fails. */
export type RunGit = (args: string[], cwd: string) => string | undefined;

const COMMIT = '\x01';

/** The arguments of the one log pass: each commit's date, then the files it touched, relative to the notes folder. */
export const LOG_ARGS = ['log', `--format=${COMMIT}%cI`, '--name-only', '-z', '--relative', '--no-renames', '--', '.'];

/**
 * Reads `git log` output made with `LOG_ARGS` into the newest commit date
 * of each file (by time, whatever order the log was in).
 */
export function parseGitLog(output: string): Map<string, string> {
  const dates = new Map<string, string>();
  let current: string | undefined;
  for (const raw of output.split('\0')) {
    const token = raw.replace(/^\n+/, '');
    if (token.startsWith(COMMIT)) current = token.slice(1).trim();
    else if (token && current) {
      const known = dates.get(token);
      if (!known || Date.parse(current) > Date.parse(known)) dates.set(token, current);
    }
  }
  return dates;
}

/** The files `git status` reports as changed, relative to the notes folder (porcelain v1, `-z`). */
export function parseStatus(output: string): Set<string> {
  const changed = new Set<string>();
  const entries = output.split('\0');
  for (let i = 0; i < entries.length; i += 1) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    changed.add(entry.slice(3));
    // A rename or copy is followed by its old name, which is not a file any more.
    if (entry[0] === 'R' || entry[0] === 'C') i += 1;
  }
  return changed;
}

export interface DateSources {
  /** Newest commit date per file, or undefined when there is no usable history (no git, shallow clone). */
  commits: Map<string, string> | undefined;
  /** Files changed since their last commit (their commit date is not their last change). */
  changed: Set<string>;
  /** A file's modification time in milliseconds, or undefined when it cannot be read. */
  modified: (file: string) => number | undefined;
}

/** Each note's last change, from git where it tells the truth, from the file otherwise. */
export function pickDates(files: string[], sources: DateSources): Map<string, UpdatedDate> {
  const dates = new Map<string, UpdatedDate>();
  for (const file of files) {
    const commit = sources.changed.has(file) ? undefined : sources.commits?.get(file);
    if (commit) {
      dates.set(file, { iso: commit, text: commit.slice(0, 10), source: 'git' });
      continue;
    }
    const modified = sources.modified(file);
    if (modified === undefined) continue;
    const iso = new Date(modified).toISOString();
    dates.set(file, { iso, text: iso.slice(0, 10), source: 'file' });
  }
  return dates;
}

const runGit: RunGit = (args, cwd) => {
  const result = spawnSync('git', ['-c', 'core.quotePath=false', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return result.status === 0 ? result.stdout : undefined;
};

/**
 * When each of `files` (relative to `notesDir`, posix separators) last
 * changed: at most four git processes, whatever the number of notes.
 */
export function noteUpdatedDates(notesDir: string, files: string[], git: RunGit = runGit): Map<string, UpdatedDate> {
  const shallow = git(['rev-parse', '--is-shallow-repository'], notesDir)?.trim();
  // Not a repository (or no git): `shallow` is undefined. A shallow clone's history would date every note the same.
  const usable = shallow === 'false';
  const log = usable ? git(LOG_ARGS, notesDir) : undefined;
  const status = usable ? git(['status', '--porcelain', '-z', '--untracked-files=all', '--', '.'], notesDir) : '';
  return pickDates(files, {
    commits: log === undefined ? undefined : parseGitLog(log),
    changed: status === undefined ? new Set(files) : relativeStatus(parseStatus(status), notesDir, git),
    modified: (file) => {
      try {
        return statSync(path.join(notesDir, file)).mtimeMs;
      } catch {
        return undefined;
      }
    },
  });
}

/** `git status` names files from the repository's root; the log names them from the notes folder. */
function relativeStatus(changed: Set<string>, notesDir: string, git: RunGit): Set<string> {
  if (changed.size === 0) return changed;
  const prefix = git(['rev-parse', '--show-prefix'], notesDir)?.trim() ?? '';
  return new Set([...changed].map((file) => (file.startsWith(prefix) ? file.slice(prefix.length) : file)));
}
