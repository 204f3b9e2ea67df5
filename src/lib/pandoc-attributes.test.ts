import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { readPandocAttributes } from './pandoc-attributes.ts';
import { parseMarkdown } from './parse-note.ts';

/** The headings of `markdown` after reading pandoc's attributes: text and id, and the anchors. */
function read(markdown: string) {
  const tree = parseMarkdown(markdown, { mdx: false, math: true });
  readPandocAttributes(tree);
  const headings: [string, unknown][] = [];
  visit(tree, 'heading', (heading: Heading) => {
    headings.push([toString(heading), heading.data?.hProperties?.id]);
  });
  const anchors: unknown[] = [];
  visit(tree, (node: { type: string; data?: unknown }) => {
    if (node.type === 'pandocAnchor') anchors.push((node.data as { hProperties: { id: string } }).hProperties.id);
  });
  return { headings, anchors };
}

describe('readPandocAttributes', () => {
  it('takes a heading’s {#id .class} out of its text and keeps the id', () => {
    assert.deepEqual(read('# 第 1 章 正确的起点 {#第-1-章-正确的起点 .title}').headings, [
      ['第 1 章 正确的起点', '第-1-章-正确的起点'],
    ]);
  });

  it('turns an empty span []{#id} into an anchor', () => {
    assert.deepEqual(read('# []{#start}第 1 章 起点\n\n正文[]{#here}继续').anchors, ['start', 'here']);
    assert.deepEqual(read('# []{#start}第 1 章 起点').headings, [['第 1 章 起点', undefined]]);
  });

  it('leaves braces that are not attributes alone', () => {
    assert.deepEqual(read('# 集合 {1, 2}').headings, [['集合 {1, 2}', undefined]]);
    assert.deepEqual(read('# 函数 f{x}').headings, [['函数 f{x}', undefined]]);
  });
});
