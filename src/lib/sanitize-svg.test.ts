import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cleanCss, sanitizedSvgFile, sanitizeSvg } from './sanitize-svg.ts';

const svg = (body: string, attributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"${attributes}>${body}</svg>`;

describe('sanitizeSvg removes what could run or load', () => {
  const cases: { name: string; source: string; absent: RegExp; removed: RegExp; kept?: RegExp }[] = [
    {
      name: 'a script',
      source: svg('<script>alert(1)</script><rect width="1" height="1"/>'),
      absent: /script|alert/,
      removed: /<script>/,
      kept: /<rect/,
    },
    {
      name: 'an onload handler',
      source: svg('<rect width="1" height="1"/>', ' onload="alert(1)"'),
      absent: /onload/,
      removed: /onload= on <svg>/,
    },
    {
      name: 'handlers on shapes',
      source: svg('<rect width="1" height="1" onclick="alert(1)" onmouseover="alert(2)"/>'),
      absent: /alert/,
      removed: /onclick= on <rect>/,
    },
    {
      name: 'foreignObject HTML',
      source: svg(
        '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></div></foreignObject>',
      ),
      absent: /foreignObject|onerror/,
      removed: /<foreignObject>/,
    },
    {
      name: 'a javascript: link',
      source: svg('<a href="javascript:alert(1)"><text>x</text></a>'),
      absent: /javascript/,
      removed: /reference to javascript:alert\(1\)/,
      kept: /<text>x<\/text>/,
    },
    {
      name: 'an xlink javascript: link',
      source: svg('<a xlink:href="javascript:alert(1)"><text>x</text></a>'),
      absent: /javascript/,
      removed: /xlink:href= on <a>/,
    },
    {
      name: 'an image from another site',
      source: svg('<image href="https://example.org/a.png" width="5" height="5"/>'),
      absent: /example\.org/,
      removed: /reference to https:\/\/example.org\/a.png/,
    },
    {
      name: 'a use of another file',
      source: svg('<use xlink:href="other.svg#x"/>'),
      absent: /other\.svg/,
      removed: /reference to other.svg#x/,
    },
    {
      name: 'a paint server elsewhere',
      source: svg('<rect width="1" height="1" fill="url(https://example.org/p.svg#p)"/>'),
      absent: /example\.org/,
      removed: /fill= on <rect>/,
      kept: /fill="url\(#\)"/,
    },
    {
      name: 'a style attribute loading a picture',
      source: svg('<rect width="1" height="1" style="fill:red;background:url(//example.org/x.png)"/>'),
      absent: /example\.org/,
      removed: /style= on <rect>/,
      kept: /fill:red/,
    },
    {
      name: 'an @import in a stylesheet',
      source: svg('<style>@import url(https://example.org/x.css);rect{fill:red}</style>'),
      absent: /import|example\.org/,
      removed: /an @import in <style>/,
      kept: /rect\{fill:red\}/,
    },
    {
      name: 'an animation rewriting a link',
      source: svg('<a href="#x"><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'),
      absent: /javascript|<set/,
      removed: /<set>/,
    },
    {
      name: 'an XSLT stylesheet instruction',
      source: `<?xml-stylesheet type="text/xsl" href="https://example.org/x.xsl"?>${svg('<rect width="1" height="1"/>')}`,
      absent: /xml-stylesheet/,
      removed: /<\?xml-stylesheet\?>/,
    },
    {
      name: 'an XHTML page named .svg',
      source:
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><script>alert(1)</script><svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg></body></html>',
      absent: /script|html/,
      removed: /not an SVG drawing/,
      kept: /<rect/,
    },
    {
      name: 'a file that is not well-formed',
      source: svg('<rect width="1" height="1" onclick="alert(1)"><script>alert(2)'),
      absent: /alert/,
      removed: /not well-formed XML/,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { svg: out, removed } = sanitizeSvg(c.source);
      assert.doesNotMatch(out, c.absent);
      assert.ok(
        removed.some((item) => c.removed.test(item)),
        removed.join('\n'),
      );
      if (c.kept) assert.match(out, c.kept);
      assert.match(out, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    });
  }
});

describe('sanitizeSvg keeps drawings as they are', () => {
  const cases: [string, string][] = [
    [
      'local references: markers, gradients, use',
      svg(
        '<defs><marker id="m"><path d="M0 0L1 1"/></marker></defs><use href="#m"/><path d="M0 0" marker-end="url(#m)"/>',
      ),
    ],
    ['an embedded picture', svg('<image href="data:image/png;base64,iVBORw0KGgo=" width="5" height="5"/>')],
    [
      'a stylesheet in CDATA, as drawing tools write it',
      svg('<style><![CDATA[ rect > * { fill: red } ]]></style><rect width="1" height="1"/>'),
    ],
    [
      'accessibility and editor attributes',
      svg(
        '<title id="title">图</title><desc id="desc">说明</desc>',
        ' role="img" aria-labelledby="title desc" xmlns:serif="http://www.serif.com/" xml:space="preserve"',
      ),
    ],
    ['a link to the web', svg('<a href="https://example.org/"><text>链接</text></a>')],
    ['comments', svg('<!-- drawn by hand --><rect width="1" height="1"/>')],
  ];
  for (const [name, source] of cases) {
    it(`${name}: published byte for byte`, () => {
      const { svg: out, removed } = sanitizeSvg(source);
      assert.deepEqual(removed, []);
      assert.equal(out, source);
    });
  }

  it('the figures of the first note: nothing to remove', () => {
    const folder = path.resolve(import.meta.dirname, '../../notes/生成式AI学习笔记');
    const figures = readdirSync(folder).filter((name) => name.endsWith('.svg'));
    assert.equal(figures.length, 21);
    for (const figure of figures) {
      const source = readFileSync(path.join(folder, figure), 'utf8');
      const { svg: out, removed } = sanitizeSvg(source);
      assert.deepEqual(removed, [], figure);
      assert.equal(out, source, figure);
    }
  });
});

describe('cleanCss', () => {
  const cases: [string, 'stylesheet' | 'declarationList' | 'value', string, number][] = [
    ['rect{fill:url(#g)}', 'stylesheet', 'rect{fill:url(#g)}', 0],
    ['a{background:url("https://example.org/x.png")}', 'stylesheet', 'a{background:url(#)}', 1],
    ['@import "x.css";a{color:red}', 'stylesheet', 'a{color:red}', 1],
    [
      'fill:red;background:image-set("https://example.org/a.png" 1x)',
      'declarationList',
      'fill:red;background:image-set("#"1x)',
      1,
    ],
    ['url(data:image/png;base64,AAAA)', 'value', 'url(data:image/png;base64,AAAA)', 0],
  ];
  for (const [css, context, expected, removed] of cases) {
    it(css, () => {
      const result = cleanCss(css, context);
      assert.equal(result.removed.length, removed);
      assert.equal(result.css, expected);
    });
  }
});

describe('sanitizedSvgFile', () => {
  it('keeps results by content hash, on disk', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'svg-cache-'));
    try {
      const file = path.join(folder, 'a.svg');
      writeFileSync(file, svg('<script>alert(1)</script>'));
      const cache = path.join(folder, 'cache');
      const first = sanitizedSvgFile(file, cache);
      assert.deepEqual(first.removed, ['<script>']);
      assert.equal(readdirSync(cache).length, 1);
      assert.deepEqual(sanitizedSvgFile(file, cache), first);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
