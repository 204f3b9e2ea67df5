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

  it('keeps the text of a span with attributes, and its id as an anchor', () => {
    const tree = parseMarkdown('4 [debian]{.filename} 目录中的[文件]{#f .x}', { mdx: false, math: true });
    readPandocAttributes(tree);
    assert.equal(toString(tree), '4 debian 目录中的文件');
  });

  it('drops attributes after code and links, keeping an id as an anchor', () => {
    const { anchors } = read('用 `jessie`{.literal} 系统[^\\[1\\]^](#ftn.idm64){#idm64\n.footnote}。');
    assert.deepEqual(anchors, ['idm64']);
    const tree = parseMarkdown('用 `jessie`{.literal} 系统。', { mdx: false, math: true });
    readPandocAttributes(tree);
    assert.equal(toString(tree), '用 jessie 系统。');
  });

  it('takes fenced divs’ fences out, keeping their ids as anchors', () => {
    const markdown = '正文。\n\n::: {#ftn.idm64 .footnote}\n脚注的内容。\n:::\n\n::: navheader\n\n导航\n\n:::\n';
    const tree = parseMarkdown(markdown, { mdx: false, math: true });
    readPandocAttributes(tree);
    assert.equal(toString(tree).replace(/\s+/g, ' ').trim(), '正文。 脚注的内容。 导航');
    const { anchors } = read(markdown);
    assert.deepEqual(anchors, ['ftn.idm64']);
  });

  it('leaves braces that are not attributes alone', () => {
    assert.deepEqual(read('# 集合 {1, 2}').headings, [['集合 {1, 2}', undefined]]);
    assert.deepEqual(read('# 函数 f{x}').headings, [['函数 f{x}', undefined]]);
  });
});
