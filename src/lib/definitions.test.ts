import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { inlineReferences, shareFootnotes } from './definitions.ts';
import { parseMarkdown } from './parse-note.ts';
import { problemsIn } from './problems.ts';
import { splitChapters } from './split-chapters.ts';

/** Markdown as notes are written: GFM and dollar-sign math. */
const MARKDOWN = { mdx: false, math: true };

const typesIn = (tree: Root) => {
  const types: string[] = [];
  visit(tree, (node) => {
    types.push(node.type);
  });
  return types;
};

const footnotesIn = (tree: Root) =>
  tree.children.flatMap((node) => (node.type === 'footnoteDefinition' ? [node.identifier] : []));

/** The note's parts after the split, with footnotes shared, and the problems reported. */
function parts(markdown: string) {
  const file = new VFile({ path: 'notes/a.md', value: markdown });
  const { intro, chapters } = splitChapters(inlineReferences(parseMarkdown(markdown, MARKDOWN)), file);
  return {
    parts: shareFootnotes([intro, ...chapters.map((chapter) => chapter.tree)], file),
    problems: problemsIn(file),
  };
}

describe('inlineReferences', () => {
  it('turns reference links and images into links and images, wherever the definition is', () => {
    const tree = inlineReferences(
      parseMarkdown(
        '# 1 甲\n\n见[论文][gpt]。\n\n![示意][fig]\n\n# 2 乙\n\n[gpt]: https://arxiv.org/abs/2005.14165 "GPT-3"\n[FIG]: a/图.svg\n',
        MARKDOWN,
      ),
    );
    const types = typesIn(tree);
    assert.ok(
      !types.includes('linkReference') && !types.includes('imageReference') && !types.includes('definition'),
      types.join(),
    );
    const links: string[] = [];
    visit(tree, (node) => {
      if (node.type === 'link') links.push(`${node.url} ${node.title}`);
      if (node.type === 'image') links.push(`${node.url} ${node.alt}`);
    });
    assert.deepEqual(links, ['https://arxiv.org/abs/2005.14165 GPT-3', 'a/图.svg 示意']);
  });

  it('keeps the first of two definitions of a label, as CommonMark does', () => {
    const tree = inlineReferences(parseMarkdown('[x][a]\n\n[a]: /first\n[a]: /second\n', MARKDOWN));
    const urls: string[] = [];
    visit(tree, 'link', (node) => {
      urls.push(node.url);
    });
    assert.deepEqual(urls, ['/first']);
  });

  it('leaves brackets with no definition as text', () => {
    const tree = inlineReferences(parseMarkdown('[没有定义][nothing]', MARKDOWN));
    assert.deepEqual(typesIn(tree), ['root', 'paragraph', 'text']);
  });
});

describe('shareFootnotes', () => {
  it('gives a chapter the footnotes it refers to that are written elsewhere', () => {
    const {
      parts: [intro, one, two],
      problems,
    } = parts('引言[^a]。\n\n# 1 甲\n\n正文[^b]。\n\n# 2 乙\n\n又见[^b]。\n\n[^a]: 注一\n[^b]: 注二\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(footnotesIn(intro!), ['a']);
    assert.deepEqual(footnotesIn(one!), ['b']);
    assert.deepEqual(
      footnotesIn(two!).sort(),
      ['a', 'b'],
      'chapter 2 holds both definitions as written, and refers to b',
    );
  });

  it('follows a footnote that refers to another', () => {
    const {
      parts: [, one],
    } = parts('# 1 甲\n\n正文[^a]。\n\n# 2 乙\n\n[^a]: 见[^b]\n[^b]: 出处\n');
    assert.deepEqual(footnotesIn(one!), ['a', 'b']);
  });

  it('reports a footnote nothing refers to, at its line', () => {
    const { problems } = parts('---\ntitle: x\n---\n# 1 甲\n\n正文。\n\n[^孤]: 没人引用\n');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.line, 8);
    assert.equal(problems[0]!.severity, 'error');
    assert.match(problems[0]!.message, /\[\^孤\] is never referred to/);
  });
});
