import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VFile } from 'vfile';
import { formatErrors, formatWarnings, type NoteProblem, problemsIn, report } from './problems.ts';

describe('problems', () => {
  it('are reported on the note at their line, with a hint, as errors unless said otherwise', () => {
    const file = new VFile({ path: 'notes/笔记.md', value: 'a\nb\nc' });
    report(file, { at: { line: 3, column: 1 }, message: 'broken', hint: 'fix it', rule: 'invalid-tex' });
    report(file, {
      at: { type: 'text', position: { start: { line: 2, column: 1 }, end: { line: 2, column: 2 } } },
      message: 'doubtful',
      hint: 'check it',
      severity: 'warning',
      rule: 'not-tex',
    });
    assert.deepEqual(problemsIn(file), [
      { file: 'notes/笔记.md', line: 3, severity: 'error', message: 'broken', hint: 'fix it', rule: 'invalid-tex' },
      { file: 'notes/笔记.md', line: 2, severity: 'warning', message: 'doubtful', hint: 'check it', rule: 'not-tex' },
    ]);
  });

  const problem = (line: number, severity: NoteProblem['severity'], rule: string): NoteProblem => ({
    file: 'notes/a.md',
    line,
    severity,
    message: `m${line}`,
    hint: `h${line}`,
    rule,
  });

  it('print every error as file:line with its hint, then the warnings, and no stack trace', () => {
    const text = formatErrors([problem(1, 'error', 'x'), problem(2, 'warning', 'not-tex'), problem(3, 'error', 'y')]);
    assert.match(text, /^The notes have 2 problems; the site was not built\./);
    assert.match(text, /notes\/a\.md:1: m1\n {2}hint: h1/);
    assert.match(text, /notes\/a\.md:3: m3/);
    assert.match(text, /and 1 warning:\n\nnotes\/a\.md:2: warning: m2/);
    assert.doesNotMatch(text, /\bat \w+ \(/);
  });

  it('list warnings with a count of each kind, in words, when there are more than ten', () => {
    assert.doesNotMatch(formatWarnings([problem(1, 'warning', 'not-tex')]), /In all/);
    const warnings = [
      ...Array.from({ length: 10 }, (_, i) => problem(i + 1, 'warning', 'not-tex')),
      problem(11, 'warning', 'html-removed'),
      problem(12, 'warning', 'some-new-kind'),
    ];
    const text = formatWarnings(warnings);
    assert.match(text, /^12 warnings in the notes \(the site was built\)/);
    assert.match(
      text,
      /In all: 10 dollar signs shown as written, not as math; 1 pieces of raw HTML removed \(scripts, handlers, embeds\); 1 some-new-kind\.\n$/,
    );
  });
});
