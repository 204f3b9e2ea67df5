import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  chooseSections,
  type Occurrence,
  occurrencesOf,
  type PageFacts,
  rankPages,
  type TermHits,
} from './search-rank.ts';

const at = (...starts: number[]): Occurrence[] => starts.map((start) => ({ start, length: 3 }));
const context = { pages: 100, averageWords: 1000, averageTitleWords: 10, traditionalQuery: false };

describe('occurrencesOf', () => {
  const cases: [string, number[], number, number[] | undefined, number[]][] = [
    ['a phrase where all its words follow', [10, 11, 12, 40, 41, 42], 3, undefined, [10, 40]],
    ['not where they stand apart', [10, 12, 13, 50], 3, undefined, []],
    ['not twice over the same words', [1, 2, 3, 4], 2, undefined, [1, 3]],
    ['a phrase with a word too common to be searched (offset 1 left out)', [5, 7, 20, 22], 3, [0, 2], [5, 20]],
    ['a single word at each position', [3, 1, 2], 1, undefined, [1, 2, 3]],
  ];
  for (const [name, positions, length, offsets, starts] of cases) {
    it(name, () =>
      assert.deepEqual(
        occurrencesOf(positions, length, offsets).map((o) => o.start),
        starts,
      ),
    );
  }
});

describe('rankPages', () => {
  const facts = (pages: Record<string, PageFacts>) => (id: string) => pages[id];

  it('puts every page with the phrase before any page with its characters apart, however long or well scored', () => {
    const terms: TermHits[] = [{ spellings: [new Map([['short', at(500)]])] }];
    const loose = [
      { id: 'scattered', score: 99, words: [1, 50, 90] },
      { id: 'short', score: 1, words: [500, 501, 502] },
    ];
    const { ranked } = rankPages(terms, loose, facts({ short: { titleWords: 5, words: 5000 } }), context);
    assert.deepEqual(
      ranked.map((page) => [page.id, page.tier]),
      [
        ['short', 'phrase'],
        ['scattered', 'scattered'],
      ],
    );
  });

  it('ranks a page with the phrase in its title, or more often, above one that mentions it once', () => {
    const terms: TermHits[] = [
      {
        spellings: [
          new Map([
            ['once', at(400)],
            ['often', at(100, 200, 300, 400, 500)],
            ['titled', at(2, 300)],
          ]),
        ],
      },
    ];
    const pages = {
      once: { titleWords: 8, words: 1000 },
      often: { titleWords: 8, words: 1000 },
      titled: { titleWords: 8, words: 1000 },
    };
    const { ranked } = rankPages(terms, [], facts(pages), context);
    assert.deepEqual(
      ranked.map((page) => page.id),
      ['titled', 'often', 'once'],
    );
  });

  it('ranks a page with the phrase as typed above one with it in the other vocabulary only', () => {
    const terms: TermHits[] = [{ spellings: [new Map([['typed', at(300)]]), new Map([['other', at(300)]])] }];
    const same = { titleWords: 8, words: 1000 };
    const { ranked } = rankPages(terms, [], facts({ typed: same, other: same }), context);
    assert.deepEqual(
      ranked.map((page) => [page.id, page.typed[0]]),
      [
        ['typed', true],
        ['other', false],
      ],
    );
  });

  it('lets one section of a long manual rank, when every term is in its heading', () => {
    const terms: TermHits[] = [
      {
        spellings: [
          new Map([
            ['manual', [{ start: 5000, length: 1 }]],
            ['page', [{ start: 40, length: 1 }]],
          ]),
        ],
      },
      {
        spellings: [
          new Map([
            ['manual', at(5001, 9000)],
            ['page', at(3, 300)],
          ]),
        ],
      },
    ];
    const pages = {
      manual: {
        titleWords: 4,
        words: 190_000,
        headings: [
          [10, 20],
          [5000, 5006],
          [5100, 5110],
        ] as [number, number][],
      },
      page: { titleWords: 10, words: 2000 },
    };
    const { ranked } = rankPages(terms, [], facts(pages), context);
    assert.equal(ranked[0]?.id, 'manual');
  });
});

describe('chooseSections', () => {
  it('shows first the section whose heading has the phrase, then the one with most of it, the excerpt under the heading', () => {
    const page = { occurrences: [at(12, 55, 70, 90)], typed: [true] };
    const facts = {
      titleWords: 5,
      words: 200,
      headings: [
        [10, 15],
        [50, 53],
        [100, 104],
      ] as [number, number][],
    };
    const sections = chooseSections(page, [2], facts, context);
    assert.deepEqual(
      sections.map((s) => [s.heading, s.focus.start]),
      [
        [0, 12],
        [1, 55],
      ],
    );
  });
});
