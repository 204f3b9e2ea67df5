import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visitParents } from 'unist-util-visit-parents';
import { eachElement, SKIP, someElement } from './tree-walk.ts';

const tree = (html: string): Root => fromHtml(html, { fragment: true });
const name = (node: Root | Element) => (node.type === 'root' ? '#root' : node.tagName);

const PAGES = [
  '<p>一<em>二<strong>三</strong></em><a href="#x">四</a></p><figure><img src="a.png"><figcaption>图</figcaption></figure>',
  '<table><tr><td>a-b</td><td><code>c</code></td></tr></table><section data-footnotes><h2>脚注</h2><ol><li>注</li></ol></section>',
  '<div><div><div><span>深</span></div></div></div>text only<br>',
];

describe('eachElement', () => {
  // The walk the plugins used before: every element, with its ancestors, in the same order.
  for (const [index, html] of PAGES.entries()) {
    it(`passes the elements and ancestors unist-util-visit-parents passes (page ${index + 1})`, () => {
      const expected: string[] = [];
      visitParents(tree(html), 'element', (element, ancestors) => {
        expected.push(`${ancestors.map((node) => name(node as Root | Element)).join('>')}>${element.tagName}`);
      });
      const walked: string[] = [];
      eachElement(tree(html), (element, ancestors) => {
        walked.push(`${ancestors.map(name).join('>')}>${element.tagName}`);
      });
      assert.deepEqual(walked, expected);
      assert.ok(walked.length > 3);
    });
  }

  it('starts with the tree itself when it is an element', () => {
    const figure = tree(PAGES[0]!).children[1] as Element;
    const walked: string[] = [];
    eachElement(figure, (element) => void walked.push(element.tagName));
    assert.deepEqual(walked, ['figure', 'img', 'figcaption']);
  });

  it('does not walk the children of an element whose visitor returns SKIP', () => {
    const walked: string[] = [];
    eachElement(tree(PAGES[1]!), (element) => {
      walked.push(element.tagName);
      return element.tagName === 'section' ? SKIP : undefined;
    });
    assert.ok(walked.includes('section'));
    assert.ok(!walked.includes('h2') && !walked.includes('li'));
  });

  it('walks the children a visitor gave the element', () => {
    const root = tree('<figure><img src="a.png"></figure><p>后</p>');
    const walked: string[] = [];
    eachElement(root, (element) => {
      walked.push(element.tagName);
      if (element.tagName === 'figure')
        element.children = [tree('<picture><img src="b.png"></picture>').children[0] as Element];
    });
    assert.deepEqual(walked, ['figure', 'picture', 'img', 'p']);
  });

  it('goes on after an element replaced in its parent (SKIP), without visiting the replacement', () => {
    const root = tree('<p><img src="x"><em>留</em></p>');
    const walked: string[] = [];
    eachElement(root, (element, ancestors) => {
      walked.push(element.tagName);
      if (element.tagName !== 'img') return undefined;
      const parent = ancestors.at(-1)!;
      parent.children.splice(parent.children.indexOf(element), 1, { type: 'text', value: '替' });
      return SKIP;
    });
    assert.deepEqual(walked, ['p', 'img', 'em']);
    assert.equal(toHtml(root), '<p>替<em>留</em></p>');
  });
});

describe('someElement', () => {
  const cases: [string, string, boolean][] = [
    ['an image deep inside', '<figure><a href="#"><picture><img src="a"></picture></a></figure>', true],
    ['no image', '<figure><figcaption>只有说明</figcaption></figure>', false],
    ['text that names an image is not one', '<p>img</p>', false],
  ];
  for (const [label, html, expected] of cases) {
    it(label, () =>
      assert.equal(
        someElement(tree(html), (element) => element.tagName === 'img'),
        expected,
      ),
    );
  }
});
