import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { rehypeFigureDialogs } from './figure-dialogs.ts';

function run(html: string): Root {
  const tree = fromHtml(html, { fragment: true });
  rehypeFigureDialogs()(tree);
  return tree;
}

const FIGURE =
  '<figure><img src="/f/%E5%9B%BE.svg" alt="图里画着什么" width="480" height="300" loading="lazy" decoding="async"><figcaption><span class="figure-number">图 1-1</span> 说明</figcaption></figure>';

describe('rehypeFigureDialogs', () => {
  it('makes the image a button that opens a dialog with the image and its numbered caption', () => {
    assert.equal(
      toHtml(run(FIGURE)),
      [
        '<figure>',
        '<button type="button" class="figure-open" command="show-modal" commandfor="图·1"><span class="figure-open-label" data-pagefind-ignore="">放大：</span>',
        '<img src="/f/%E5%9B%BE.svg" alt="图里画着什么" width="480" height="300" loading="lazy" decoding="async"></button>',
        '<figcaption><span class="figure-number">图 1-1</span> 说明</figcaption>',
        '<dialog id="图·1" class="figure-dialog" closedby="any" aria-labelledby="图·1·说明" data-pagefind-ignore="all">',
        '<button type="button" class="figure-dialog-close" command="close" commandfor="图·1" autofocus>关闭</button>',
        '<img src="/f/%E5%9B%BE.svg" alt="图里画着什么" width="480" height="300" decoding="async" loading="lazy">',
        '<a class="figure-full-size" href="/f/%E5%9B%BE.svg">原图</a>',
        '<p id="图·1·说明" class="figure-dialog-caption">图 1-1 说明</p>',
        '</dialog></figure>',
      ].join(''),
    );
  });

  it('gives each figure of a part its own dialog', () => {
    const tree = run(FIGURE + FIGURE + FIGURE);
    assert.deepEqual(
      selectAll('button.figure-open', tree).map((button) => button.properties.commandFor),
      ['图·1', '图·2', '图·3'],
    );
    assert.deepEqual(
      selectAll('dialog', tree).map((dialog) => dialog.properties.id),
      ['图·1', '图·2', '图·3'],
    );
  });

  it('lets the larger copy choose its size from a srcset by the window', () => {
    const tree = run(
      '<figure><img src="a-960.png" srcset="a-480.png 480w, a-960.png 960w" sizes="40rem" alt="甲"><figcaption>甲</figcaption></figure>',
    );
    const large = select('dialog img', tree)!;
    assert.equal(large.properties.sizes, '100vw');
    assert.equal(String(large.properties.srcSet), 'a-480.png 480w, a-960.png 960w');
    assert.equal(select('button img', tree)!.properties.sizes, '40rem');
  });

  it('takes a whole picture into the button', () => {
    const tree = run(
      '<figure><picture><source srcset="a.webp"><img src="a.png" alt="甲"></picture><figcaption>甲</figcaption></figure>',
    );
    assert.ok(select('button.figure-open > picture > img', tree));
  });

  const untouched: [string, string][] = [
    [
      'an image inside the author’s own link',
      '<figure><a href="https://example.org"><img src="a.png"></a><figcaption>甲</figcaption></figure>',
    ],
    ['a figure without a caption', '<figure><img src="a.png"></figure>'],
    ['a figure without an image', '<figure><pre>code</pre><figcaption>甲</figcaption></figure>'],
    ['an image outside a figure', '<p><img src="a.png"></p>'],
  ];
  for (const [name, html] of untouched) {
    it(`leaves ${name} alone`, () => assert.equal(toHtml(run(html)), html));
  }
});
