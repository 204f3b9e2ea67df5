import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { SiteContent } from '../lib/build-notes.ts';
import { virtualNotes, withoutHtml, writeNotes } from './virtual-notes.ts';

// Only what writing and reading the notes touches: each note's digest and its parts' HTML.
const note = (digest: string, intro: string, chapters: string[]) => ({
  digest,
  title: digest,
  intro: { html: intro, hasMath: false },
  chapters: chapters.map((html, index) => ({ html, slug: `${index + 1}` })),
});
const site = (...notes: ReturnType<typeof note>[]) => ({ notes, figures: [] }) as unknown as SiteContent;

describe('the notes as pages read them', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'virtual-notes-'));
  after(() => rmSync(work, { recursive: true, force: true }));
  const file = path.join(work, 'notes.json');
  const parts = path.join(work, 'parts');
  let loads = 0;
  /** The module pages import, as Vite would load it. */
  const load = async () => {
    const plugin = virtualNotes(() => ({ file }));
    const resolved = (plugin.resolveId as (id: string) => string)('virtual:notes');
    const code = (plugin.load as (id: string) => string)(resolved);
    const module = path.join(work, `module-${++loads}.mjs`);
    writeFileSync(module, code);
    return (await import(pathToFileURL(module).href)) as {
      default: SiteContent;
      partHtml: (note: { digest?: string | undefined }, part: number) => string;
    };
  };

  it("gives pages every note without its HTML, and each part's HTML as written (any script, any size)", async () => {
    const long = '<p>长段落：𝑥² ≠ ∞</p>'.repeat(5000);
    const content = site(
      note('a1', '<p>引言</p>', ['<h2>第一章</h2>', long, '']),
      note('b2', '<p>Intro, no chapters</p>', []),
    );
    writeNotes(file, parts, content);
    const module = await load();
    assert.deepEqual(module.default, JSON.parse(JSON.stringify(withoutHtml(content))));
    for (const written of content.notes)
      for (const [index, part] of [written.intro, ...written.chapters].entries())
        assert.equal(module.partHtml(written, index), part.html, `${written.digest} part ${index}`);
  });

  it('writes only the notes whose digest is new, and removes the files of notes gone', async () => {
    writeNotes(file, parts, site(note('a1', '<p>引言</p>', ['<h2>一</h2>']), note('b2', '<p>乙</p>', [])));
    const before = statSync(path.join(parts, 'a1.html')).mtimeMs;
    writeNotes(file, parts, site(note('a1', '<p>引言</p>', ['<h2>一</h2>']), note('c3', '<p>丙</p>', [])));
    assert.deepEqual(readdirSync(parts).sort(), ['a1.html', 'c3.html']);
    assert.equal(statSync(path.join(parts, 'a1.html')).mtimeMs, before, 'an unchanged note is not written again');
    assert.equal((await load()).partHtml({ digest: 'c3' }, 0), '<p>丙</p>');
  });

  it('writes again a file a stopped build left short, and never publishes one', async () => {
    const module = await load();
    const content = site(note('d4', '<p>引言</p>', ['<h2>一</h2><p>很长的一章</p>']));
    writeNotes(file, parts, content);
    const whole = readFileSync(path.join(parts, 'd4.html'));
    writeFileSync(path.join(parts, 'd4.html'), whole.subarray(0, whole.length - 5));
    assert.throws(() => module.partHtml({ digest: 'd4' }, 1), /d4\.html is not whole/);
    writeNotes(file, parts, content);
    assert.deepEqual(readFileSync(path.join(parts, 'd4.html')), whole);
  });
});
