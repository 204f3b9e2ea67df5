import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  clearNote,
  continueAt,
  type GetStorage,
  loadProgress,
  markRead,
  type Progress,
  parseProgress,
  progressKey,
  saveProgress,
  statusOf,
  summarize,
  visit,
} from './progress.ts';

const CHAPTERS = ['1-甲', '2-乙', '3-丙', '4-丁'];
/** The statuses of the four chapters of note `n`: r read, s started, - unread. */
const shown = (progress: Progress) =>
  CHAPTERS.map((c) => ({ read: 'r', started: 's', unread: '-' })[statusOf(progress, 'n', c)]).join('');
/** Where to continue in note `n`, as `chapter#section`. */
const where = (progress: Progress) => {
  const next = continueAt(progress, 'n', CHAPTERS);
  return next && (next.section ? `${next.chapter}#${next.section}` : next.chapter);
};

describe('progress as stored: anything', () => {
  // What storage may hold, read through each function: nothing throws, nothing malformed is believed.
  const cases: [string, string | null, string, string | undefined][] = [
    ['nothing stored', null, '----', undefined],
    ['not JSON', '{oops', '----', undefined],
    ['not an object', '[1,2]', '----', undefined],
    ['null', 'null', '----', undefined],
    [
      'well-formed',
      '{"n":{"chapters":{"1-甲":"read","2-乙":"started"},"last":{"chapter":"2-乙","section":"21-x"}}}',
      'rs--',
      '2-乙#21-x',
    ],
    ['unknown states', '{"n":{"chapters":{"1-甲":"done","2-乙":7}}}', '----', undefined],
    ['a note that is not an object', '{"n":5}', '----', undefined],
    ['chapters that are not an object', '{"n":{"chapters":"read","last":{"chapter":"1-甲"}}}', '----', '1-甲'],
    ['a place that is not a chapter', '{"n":{"chapters":{},"last":{"chapter":3,"section":"x"}}}', '----', undefined],
    ['a section that is not text', '{"n":{"chapters":{},"last":{"chapter":"1-甲","section":[1]}}}', '----', '1-甲'],
  ];
  for (const [name, raw, statuses, place] of cases) {
    it(name, () => {
      const progress = parseProgress(raw);
      assert.equal(shown(progress), statuses);
      assert.equal(where(progress), place);
      // And it can be written to: the note is made well-formed.
      assert.equal(shown(markRead(progress, 'n', '4-丁')), `${statuses.slice(0, 3)}r`);
    });
  }
});

describe('reading a note', () => {
  // Each step: what the reader does, then the statuses of the four chapters, read/started counts and where to continue.
  type Step = [string, (p: Progress) => Progress, string, [number, number], string | undefined];
  const steps: Step[] = [
    ['nothing yet', (p) => p, '----', [0, 0], undefined],
    ['opens chapter 1', (p) => visit(p, 'n', '1-甲'), 's---', [0, 1], '1-甲'],
    ['reaches section 1.2', (p) => visit(p, 'n', '1-甲', '12-x'), 's---', [0, 1], '1-甲#12-x'],
    ['reaches the end of chapter 1', (p) => markRead(p, 'n', '1-甲'), 'r---', [1, 0], '2-乙'],
    ['opens chapter 3', (p) => visit(p, 'n', '3-丙'), 'r-s-', [1, 1], '3-丙'],
    ['finishes chapter 3', (p) => markRead(p, 'n', '3-丙'), 'r-r-', [2, 0], '4-丁'],
    ['finishes chapter 4', (p) => markRead(visit(p, 'n', '4-丁'), 'n', '4-丁'), 'r-rr', [3, 0], '2-乙'],
    ['opens chapter 1 again: it stays read', (p) => visit(p, 'n', '1-甲'), 'r-rr', [3, 0], '2-乙'],
    ['finishes chapter 2', (p) => markRead(visit(p, 'n', '2-乙'), 'n', '2-乙'), 'rrrr', [4, 0], undefined],
    ['clears the note', (p) => clearNote(p, 'n'), '----', [0, 0], undefined],
  ];
  let progress: Progress = { other: { chapters: { '1-x': 'read' } } };
  for (const [name, step, statuses, [read, started], place] of steps) {
    it(name, () => {
      progress = step(progress);
      const shown = CHAPTERS.map((c) => ({ read: 'r', started: 's', unread: '-' })[statusOf(progress, 'n', c)]).join(
        '',
      );
      assert.equal(shown, statuses);
      assert.deepEqual(summarize(progress, 'n', CHAPTERS), { read, started });
      const next = continueAt(progress, 'n', CHAPTERS);
      assert.equal(next && (next.section ? `${next.chapter}#${next.section}` : next.chapter), place);
      assert.deepEqual(progress.other, { chapters: { '1-x': 'read' } }, 'other notes are untouched');
    });
  }

  it('counts only the chapters the note has now, and forgets a place in a chapter that is gone', () => {
    const old = markRead(visit({}, 'n', '9-旧'), 'n', '9-旧');
    assert.deepEqual(summarize(old, 'n', CHAPTERS), { read: 0, started: 0 });
    assert.equal(continueAt(visit({}, 'n', '9-旧'), 'n', CHAPTERS), undefined);
  });
});

describe('storage', () => {
  const key = progressKey('/notes-site/');
  const memory = () => {
    const items = new Map<string, string>();
    return {
      items,
      storage: {
        getItem: (k: string) => items.get(k) ?? null,
        setItem: (k: string, v: string) => void items.set(k, v),
        removeItem: (k: string) => void items.delete(k),
      },
    };
  };
  const throwing = (error: string) => () => {
    throw new DOMException(error, error);
  };

  it('keeps each site apart under one versioned key', () => {
    assert.equal(key, 'study-notes:progress:v1:/notes-site/');
    assert.notEqual(progressKey('/'), key);
  });

  it('saves and loads', () => {
    const { items, storage } = memory();
    const progress = markRead({}, 'n', '1-甲');
    assert.equal(
      saveProgress(() => storage, key, progress),
      true,
    );
    assert.deepEqual(
      loadProgress(() => storage, key),
      { progress, available: true },
    );
    assert.deepEqual([...items.keys()], [key], 'the probe is removed');
  });

  const failures: [string, GetStorage][] = [
    ['storage disabled: reaching localStorage throws', throwing('SecurityError')],
    [
      'private mode: reading works, writing throws',
      () => ({ getItem: () => null, setItem: throwing('QuotaExceededError'), removeItem: () => undefined }),
    ],
    [
      'every call throws',
      () => ({ getItem: throwing('SecurityError'), setItem: throwing('SecurityError'), removeItem: throwing('x') }),
    ],
  ];
  for (const [name, storage] of failures) {
    it(`${name}: nothing thrown, progress not available`, () => {
      assert.deepEqual(loadProgress(storage, key), { progress: {}, available: false });
      assert.equal(saveProgress(storage, key, markRead({}, 'n', '1-甲')), false);
    });
  }
});
