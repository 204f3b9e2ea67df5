import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { rehypeTableTokens } from './table-tokens.ts';

const run = (html: string) => {
  // Cells parse only inside a table; the test reads back the cells alone.
  const tree: Root = fromHtml(html.startsWith('<t') ? `<table><tr>${html}</tr></table>` : html, { fragment: true });
  rehypeTableTokens()(tree);
  return toHtml(tree).replace(/^<table><tbody><tr>|<\/tr><\/tbody><\/table>$/g, '');
};

describe('rehypeTableTokens', () => {
  const cases: [string, string, string][] = [
    [
      'an option with hyphens',
      '<td>用 --quoting-style=shell 引用</td>',
      '<td>用 <span class="nowrap">--quoting-style=shell</span> 引用</td>',
    ],
    ['a number with slashes', '<td>0/0/0</td>', '<td><span class="nowrap">0/0/0</span></td>'],
    ['a plain word needs nothing', '<td>literal 和 abc</td>', '<td>literal 和 abc</td>'],
    ['Chinese alone needs nothing', '<th>默认值</th>', '<th>默认值</th>'],
    ['code is left as it is', '<td><code>a-b</code></td>', '<td><code>a-b</code></td>'],
    ['text outside tables is left as it is', '<p>a-b</p>', '<p>a-b</p>'],
  ];
  for (const [name, input, expected] of cases) it(name, () => assert.equal(run(input), expected));
});
