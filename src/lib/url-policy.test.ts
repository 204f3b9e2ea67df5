import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAllowedImageSource, isAllowedLink, isOtherSite, linkRefusal, trustTex, urlScheme } from './url-policy.ts';

describe('urlScheme and isAllowedLink: the scheme the browser would read', () => {
  const cases: [string, string, boolean][] = [
    ['https://example.org/a', 'https:', true],
    ['HTTP://EXAMPLE.ORG', 'http:', true],
    ['//example.org/x', 'https:', true],
    ['mailto:someone@example.org', 'mailto:', true],
    ['#第一节', 'relative', true],
    ['另一篇笔记/', 'relative', true],
    ['../a.md#x', 'relative', true],
    ['/figures/a.png', 'relative', true],
    ['?q=1', 'relative', true],
    ['笔记:第二章.md', 'relative', true],
    ['javascript:alert(1)', 'javascript:', false],
    ['JaVaScRiPt:alert(1)', 'javascript:', false],
    ['java\tscript:alert(1)', 'javascript:', false],
    ['java\nscript:alert(1)', 'javascript:', false],
    [' \u0001javascript:alert(1)', 'javascript:', false],
    ['vbscript:msgbox(1)', 'vbscript:', false],
    ['data:text/html,<script>alert(1)</script>', 'data:', false],
    ['file:///C:/Users/me/a.md', 'file:', false],
    ['C:\\Users\\me\\a.png', 'c:', false],
    ['tel:123', 'tel:', false],
    ['http://[', 'invalid', false],
  ];
  for (const [url, scheme, allowed] of cases) {
    it(`${JSON.stringify(url)} is ${scheme}, ${allowed ? 'allowed' : 'refused'}`, () => {
      assert.equal(urlScheme(url), scheme);
      assert.equal(isAllowedLink(url), allowed);
    });
  }
});

describe('isAllowedImageSource', () => {
  const cases: [string, boolean][] = [
    ['图/a.png', true],
    ['data:image/png;base64,iVBORw0KGgo=', true],
    ['data:image/svg+xml,<svg/>', true],
    ['data:text/html;base64,PHNjcmlwdD4=', false],
    ['javascript:alert(1)', false],
    ['https://example.org/a.png', true],
  ];
  for (const [url, allowed] of cases) it(url, () => assert.equal(isAllowedImageSource(url), allowed));
});

describe('isOtherSite', () => {
  const cases: [string, boolean][] = [
    ['https://example.org/a.png', true],
    ['//cdn.example.org/a.js', true],
    ['图/a.png', false],
    ['data:image/png;base64,AA==', false],
  ];
  for (const [url, other] of cases) it(url, () => assert.equal(isOtherSite(url), other));
});

describe('linkRefusal', () => {
  const cases: [string, RegExp][] = [
    ['javascript:alert(1)', /uses javascript:/],
    ['file:///C:/a.md', /file on the author's computer/],
    ['C:\\a.png', /file on the author's computer/],
    ['http://[', /not a valid URL/],
  ];
  for (const [url, says] of cases) it(url, () => assert.match(linkRefusal(url), says));
});

describe('trustTex: KaTeX links only', () => {
  const cases: [string, string | undefined, boolean][] = [
    ['\\href', 'https://katex.org', true],
    ['\\url', 'https://katex.org', true],
    ['\\href', '#公式', true],
    ['\\href', 'javascript:alert(1)', false],
    ['\\url', 'data:text/html,x', false],
    ['\\includegraphics', 'a.png', false],
    ['\\htmlStyle', undefined, false],
  ];
  for (const [command, url, trusted] of cases) {
    it(`${command}{${url}}`, () => assert.equal(trustTex({ command, ...(url === undefined ? {} : { url }) }), trusted));
  }
});
