/**
 * Real notes on a 360 px phone: a wide table scrolls inside its own box, no
 * cell breaks a word or a number in two, the page itself never scrolls
 * sideways, and an icon in a sentence stays in the sentence.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browseSite } from '../helpers/browse-site.ts';

const MAN_PAGE = ['zh_cn', 'man1', 'ls.1'].map(encodeURIComponent).join('/');

describe('real notes at 360 px', () => {
  const session = browseSite('realNotes');

  it('scrolls a wide table inside its box and breaks no word or number in a cell', async () => {
    const page = await session.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${session.site.url}${MAN_PAGE}/`);
    const layout = await page.evaluate(() => {
      const table = document.querySelector('article table') as HTMLElement;
      // Every Latin word or number in a cell must lie on one line: one box for its whole text.
      const broken: string[] = [];
      for (const cell of table.querySelectorAll('td, th')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const match of (node.textContent ?? '').matchAll(/[\w%+:/=.-]{2,}/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
            if (lines.size > 1) broken.push(match[0]);
          }
        }
      }
      return {
        broken,
        tableScrolls: table.scrollWidth > table.clientWidth,
        tableOverflow: getComputedStyle(table).overflowX,
        pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    assert.deepEqual(layout.broken, []);
    assert.equal(layout.tableScrolls, true, 'the table is wider than the screen');
    assert.equal(layout.tableOverflow, 'auto');
    assert.equal(layout.pageOverflow, 0, 'the page does not scroll sideways');
    await page.close();
  });

  it('keeps an icon inside its sentence', async () => {
    const page = await session.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${session.site.url}${encodeURIComponent('图')}/${encodeURIComponent('图与表')}/`);
    const icon = await page.evaluate(() => {
      const image = document.querySelector('article p img') as HTMLImageElement;
      const paragraph = image.closest('p') as HTMLElement;
      return { display: getComputedStyle(image).display, paragraphLines: paragraph.getClientRects().length };
    });
    assert.equal(icon.display, 'inline');
    await page.close();
  });
});
