import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { noteUpdatedDates, parseGitLog, parseStatus, pickDates } from './note-dates.ts';

describe('parseGitLog', () => {
  const log = (...commits: [string, string[]][]) =>
    commits.map(([date, files]) => `\x01${date}\0\n${files.join('\0')}\0`).join('\0');
  const cases: [string, string, Record<string, string>][] = [
    ['nothing', '', {}],
    [
      'the newest commit of each file',
      log(['2024-02-03T00:00:00+08:00', ['甲.md']], ['2024-01-02T03:04:05+08:00', ['甲.md', 'b c.md']]),
      { '甲.md': '2024-02-03T00:00:00+08:00', 'b c.md': '2024-01-02T03:04:05+08:00' },
    ],
    [
      'newest by time, not by order or time zone',
      log(['2024-01-01T23:00:00-08:00', ['a.md']], ['2024-01-02T10:00:00+08:00', ['a.md']]),
      { 'a.md': '2024-01-01T23:00:00-08:00' },
    ],
    [
      'a commit without files',
      log(['2024-01-01T00:00:00Z', []], ['2023-01-01T00:00:00Z', ['a.md']]),
      { 'a.md': '2023-01-01T00:00:00Z' },
    ],
  ];
  for (const [name, output, expected] of cases) {
    it(name, () => assert.deepEqual(Object.fromEntries(parseGitLog(output)), expected));
  }
});

describe('parseStatus', () => {
  const cases: [string, string, string[]][] = [
    ['clean', '', []],
    ['modified and untracked', ' M notes/a.md\0?? notes/新.md\0', ['notes/a.md', 'notes/新.md']],
    ['a rename names the new file only', 'R  notes/new.md\0notes/old.md\0 M b.md\0', ['notes/new.md', 'b.md']],
  ];
  for (const [name, output, expected] of cases) {
    it(name, () => assert.deepEqual([...parseStatus(output)], expected));
  }
});

describe('pickDates', () => {
  const modified = (file: string) => (file === 'gone.md' ? undefined : Date.UTC(2025, 5, 6, 7, 8, 9));
  const commits = new Map([
    ['a.md', '2024-01-02T03:04:05+08:00'],
    ['edited.md', '2023-01-01T00:00:00Z'],
  ]);
  const cases: [string, Map<string, string> | undefined, string[], Record<string, [string, string]>][] = [
    [
      'git where it knows, the file otherwise',
      commits,
      [],
      { 'a.md': ['2024-01-02', 'git'], 'new.md': ['2025-06-06', 'file'], 'edited.md': ['2023-01-01', 'git'] },
    ],
    [
      'a file changed since its commit',
      commits,
      ['edited.md'],
      { 'a.md': ['2024-01-02', 'git'], 'new.md': ['2025-06-06', 'file'], 'edited.md': ['2025-06-06', 'file'] },
    ],
    [
      'no usable history: every date from the file',
      undefined,
      [],
      { 'a.md': ['2025-06-06', 'file'], 'new.md': ['2025-06-06', 'file'], 'edited.md': ['2025-06-06', 'file'] },
    ],
  ];
  for (const [name, history, changed, expected] of cases) {
    it(name, () => {
      const dates = pickDates(['a.md', 'new.md', 'edited.md', 'gone.md'], {
        commits: history,
        changed: new Set(changed),
        modified,
      });
      assert.deepEqual(
        Object.fromEntries([...dates].map(([file, date]) => [file, [date.text, date.source]])),
        expected,
      );
    });
  }
});

describe('noteUpdatedDates, with git', () => {
  let work: string;
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
      cwd,
      env: { ...process.env, GIT_COMMITTER_DATE: '2024-02-03T04:05:06+08:00', GIT_AUTHOR_DATE: '2020-01-01T00:00:00Z' },
      stdio: 'pipe',
    });
  const repo = () => path.join(work, 'repo');
  const notes = () => path.join(repo(), 'notes');
  const files = ['甲.md', '子/乙 丙.md', '未提交.md'];
  const OLD = new Date('2021-07-08T00:00:00Z');

  before(() => {
    work = mkdtempSync(path.join(tmpdir(), 'note-dates-'));
    mkdirSync(path.join(notes(), '子'), { recursive: true });
    writeFileSync(path.join(notes(), '甲.md'), '甲');
    writeFileSync(path.join(notes(), '子/乙 丙.md'), '乙');
    writeFileSync(path.join(repo(), 'outside.md'), 'not a note');
    git(repo(), 'init', '-q');
    git(repo(), 'add', '.');
    git(repo(), 'commit', '-qm', 'notes');
    writeFileSync(path.join(notes(), '未提交.md'), '新');
    for (const file of files) utimesSync(path.join(notes(), file), OLD, OLD);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  const shown = (dir: string) =>
    Object.fromEntries([...noteUpdatedDates(dir, files)].map(([file, date]) => [file, `${date.text} ${date.source}`]));

  it("takes each committed note's commit date (not its author date), and the file's for the rest", () => {
    assert.deepEqual(shown(notes()), {
      '甲.md': '2024-02-03 git',
      '子/乙 丙.md': '2024-02-03 git',
      '未提交.md': '2021-07-08 file',
    });
  });

  it('does not claim the commit date of a note changed since', () => {
    appendFileSync(path.join(notes(), '甲.md'), '改');
    utimesSync(path.join(notes(), '甲.md'), OLD, OLD);
    assert.equal(shown(notes())['甲.md'], '2021-07-08 file');
    git(repo(), 'checkout', '-q', '--', '.');
  });

  it('falls back to the files in a shallow clone, whose one commit would date every note alike', () => {
    const clone = path.join(work, 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo()}`, clone], { stdio: 'pipe' });
    for (const file of files.slice(0, 2)) utimesSync(path.join(clone, 'notes', file), OLD, OLD);
    const dates = shown(path.join(clone, 'notes'));
    assert.deepEqual(dates, { '甲.md': '2021-07-08 file', '子/乙 丙.md': '2021-07-08 file' });
  });

  it('falls back to the files outside any repository, and without git', () => {
    const plain = path.join(work, 'plain');
    mkdirSync(plain);
    writeFileSync(path.join(plain, '甲.md'), '甲');
    utimesSync(path.join(plain, '甲.md'), OLD, OLD);
    const noGit = () => undefined;
    for (const dates of [noteUpdatedDates(plain, ['甲.md']), noteUpdatedDates(plain, ['甲.md'], noGit)]) {
      assert.deepEqual(Object.fromEntries([...dates].map(([f, d]) => [f, `${d.text} ${d.source}`])), {
        '甲.md': '2021-07-08 file',
      });
    }
  });
});
