/**
 * Notes written as a hostile author would: each is either refused with
 * `file:line` and a hint (never a stack trace, hostile front matter within
 * seconds) or published harmless: no script, handler or `javascript:` URL in
 * any page, titles as text in `<title>`, meta tags, the sitemap and the
 * search filter, a Content-Security-Policy on every page, SVG figures
 * published sanitized. The fixtures are in `tests/fixtures/hostile/`
 * (published) and `tests/fixtures/refused/` (refused), one note per case.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Element } from 'hast';
import { buildNotes } from '../../src/lib/build-notes.ts';
import { cspHash } from '../../src/lib/content-security-policy.ts';
import { htmlFiles, page, select, selectAll, toText } from '../helpers/html.ts';
import { builtSite, ROOT, runBuild } from '../helpers/sites.ts';

const REFUSED = 'tests/fixtures/refused';

describe('hostile notes that are refused', () => {
  const cases: { name: string; at: string[]; says: RegExp; seconds?: number }[] = [
    { name: 'alias-bomb', at: [`${REFUSED}/alias-bomb/炸弹.md:4`], says: /alias count/, seconds: 1 },
    {
      name: 'deep-front-matter',
      at: [`${REFUSED}/deep-front-matter/深嵌套.md:3`],
      says: /nests deeper than 32 levels/,
      seconds: 1,
    },
    { name: 'unknown-tag', at: [`${REFUSED}/unknown-tag/未知标签.md:3`], says: /YAML tag !!js\/function/, seconds: 1 },
    {
      name: 'remote-image',
      at: [`${REFUSED}/remote-image/外链图片.md:7`],
      says: /<img src="https:\/\/example.org\/screenshot.png"> loads from another site/,
    },
    {
      name: 'remote-iframe-mdx',
      at: [`${REFUSED}/remote-iframe-mdx/外链框架.mdx:5`],
      says: /<iframe src="https:\/\/example.org\/embed"> loads from another site/,
    },
    {
      name: 'remote-resources',
      at: [5, 7, 9, 11].map((line) => `${REFUSED}/remote-resources/外链资源.md:${line}`),
      says: /<script src="https:\/\/example.org\/tracker.js"> loads from another site/,
    },
    {
      name: 'deep-quotes',
      at: [`${REFUSED}/deep-quotes/深引用.md:1`],
      says: /nests quotes, lists or HTML thousands of levels deep/,
    },
  ];
  for (const c of cases) {
    it(`refuses ${c.name} with file:line and a hint, no stack trace`, () => {
      const result = runBuild({ notesDir: `${REFUSED}/${c.name}`, base: '/', outDir: `.test-out/refused-${c.name}` });
      assert.equal(result.status, 1, result.output);
      for (const at of c.at) assert.ok(result.output.includes(`${at}: `), `${at} in\n${result.output}`);
      assert.match(result.output, c.says);
      assert.match(result.output, /\n {2}hint: \S/);
      assert.doesNotMatch(result.output, /^\s+at .+:\d+:\d+\)?$/m, 'no stack trace');
    });
    if (c.seconds) {
      it(`reads ${c.name} in under ${c.seconds} s`, async () => {
        const started = performance.now();
        const { problems } = await buildNotes({ notesDir: `${REFUSED}/${c.name}`, base: '/', root: ROOT });
        assert.ok(performance.now() - started < c.seconds! * 1000, `${Math.round(performance.now() - started)} ms`);
        assert.equal(problems[0]?.severity, 'error');
      });
    }
  }

  it('refuses front matter of megabytes at its line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'huge-'));
    try {
      writeFileSync(path.join(dir, '超大.md'), `---\ntitle: ${'长'.repeat(100_000)}\n---\n\n正文。\n`);
      const started = performance.now();
      const { problems } = await buildNotes({ notesDir: dir, base: '/', root: dir });
      assert.ok(performance.now() - started < 1000);
      assert.deepEqual(
        problems.map((p) => `${p.file}:${p.line} ${p.severity}`),
        ['超大.md:2 error'],
      );
      assert.match(problems[0]!.message, /more than the 64 KB/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('hostile notes that are published harmless', () => {
  const dir = builtSite('hostile');
  const pages = htmlFiles(dir);
  const notes = 'tests/fixtures/hostile';

  it('reports every loss with file:line as a warning, and nothing stops the build', async () => {
    const { problems } = await buildNotes({ notesDir: notes, base: '/notes-site/', root: ROOT });
    const found = problems.map((p) => `${p.file.replace(`${notes}/`, '')}:${p.line} ${p.severity}`);
    assert.ok(
      problems.every((p) => p.severity === 'warning'),
      found.join('\n'),
    );
    for (const expected of [
      '危险链接.md:7',
      '危险链接.md:9',
      '危险链接.md:17',
      '原始HTML.md:10',
      '原始HTML.md:14',
      '原始HTML.md:16',
      '原始HTML.md:18',
      '原始HTML.md:28',
      '原始HTML.md:38',
      '脚本SVG.md:7',
      '脚本SVG.md:9',
      'MDX脚本.mdx:7',
      'MDX脚本.mdx:9',
      'MDX脚本.mdx:11',
      '公式链接.md:11',
    ]) {
      assert.ok(found.includes(`${expected} warning`), `${expected} in\n${found.join('\n')}`);
    }
  });

  it('has the pages of every note', () => {
    for (const slug of ['标题是html', '危险链接', '原始html', '脚本svg', 'mdx脚本', '公式链接', '脚注标签', '合并键']) {
      assert.ok(pages.includes(`${slug}/index.html`), slug);
    }
  });

  const URL_ATTRIBUTES = ['href', 'src', 'action', 'formAction', 'poster', 'data', 'cite', 'xLinkHref', 'background'];

  it('has no URL on any page that would run code', () => {
    const unsafe: string[] = [];
    for (const file of pages) {
      for (const element of selectAll('*', page(path.join(dir, file)))) {
        for (const attribute of URL_ATTRIBUTES) {
          // As the browser reads a scheme: spaces and control characters do not count.
          const value = [...String(element.properties[attribute] ?? '')].filter((c) => c.charCodeAt(0) > 32).join('');
          if (/^(javascript|vbscript|data:text|file):?/i.test(value)) unsafe.push(`${file}: ${attribute}=${value}`);
        }
      }
    }
    assert.deepEqual(unsafe, []);
  });

  it('has no event handler, frame, object, form, base or refresh on any page', () => {
    const found: string[] = [];
    for (const file of pages) {
      const tree = page(path.join(dir, file));
      for (const element of selectAll('*', tree)) {
        const handlers = Object.keys(element.properties).filter((name) => /^on[A-Z]/.test(name));
        if (handlers.length > 0) found.push(`${file}: <${element.tagName} ${handlers.join(' ')}>`);
      }
      for (const element of selectAll(
        // A form other than the site's own search box (which submits nowhere: its script handles it).
        'iframe, object, embed, form:not(.search-form), base, meta[http-equiv=refresh], foreignObject',
        tree,
      )) {
        found.push(`${file}: <${element.tagName}>`);
      }
      for (const element of selectAll('article svg, article style, article script', tree))
        found.push(`${file}: <${element.tagName}> in the note`);
    }
    assert.deepEqual(found, []);
  });

  it("runs only the site's own scripts: bundled ones, and inline ones whose hash the page's policy names", () => {
    for (const file of pages) {
      const tree = page(path.join(dir, file));
      const policy = String(select('meta[http-equiv=content-security-policy]', tree)?.properties.content ?? '');
      assert.match(policy, /script-src 'self'/, file);
      const scriptSources = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
      assert.doesNotMatch(scriptSources, /'unsafe-inline'/, `${file}: no inline script without its hash`);
      for (const script of selectAll('script', tree)) {
        const src = script.properties.src;
        if (typeof src === 'string') {
          assert.match(src, /^\/notes-site\/_astro\//, `${file}: ${src}`);
          continue;
        }
        const text = toText(script, { whitespace: 'pre' });
        assert.ok(
          policy.includes(cspHash(text)),
          `${file}: an inline script the policy does not name: ${text.slice(0, 60)}`,
        );
      }
    }
  });

  it('shows HTML in titles, descriptions, categories and tags as text', () => {
    const tree = page(path.join(dir, '标题是html/index.html'));
    const head = select('head', tree)!;
    assert.equal(toText(select('title', head)!), "<img src=x onerror=alert('title')>标题 · 学习笔记");
    assert.equal(selectAll('img, b', head).length, 0);
    assert.equal(selectAll('script', head).length, 1, "the site's theme script only");
    const meta = (property: string) =>
      select(`meta[property="${property}"], meta[name="${property}"]`, head)?.properties.content;
    assert.equal(meta('og:title'), "<img src=x onerror=alert('title')>标题");
    assert.equal(meta('description'), '"><script>alert("description")</script>');
    const article = select('article', tree)!;
    assert.equal(toText(select('h1', article)!), "<img src=x onerror=alert('title')>标题");
    assert.equal(selectAll('img, script, b, svg', article).length, 0);
    assert.match(toText(select('.note-meta', article)!), /<b onmouseover=alert\('category'\)>分类<\/b>/);
    // Pagefind's filters and metadata would reach its default UI as HTML; the site passes titles to search as data.
    assert.deepEqual(
      Object.keys((article as Element).properties).filter((name) => /^dataPagefind(Filter|Meta)/.test(name)),
      [],
    );
    const chapter = page(path.join(dir, pages.find((file) => file.startsWith('标题是html/1-'))!));
    assert.equal(selectAll('article img, article svg, .toc svg', chapter).length, 0);
  });

  it('keeps the sitemap and the manifest well-formed, with no markup from notes', () => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.webmanifest'), 'utf8')) as { name: string };
    assert.equal(manifest.name, '学习笔记');
    const sitemaps = ['sitemap-index.xml', 'sitemap-0.xml'].map((name) => path.join(dir, name));
    for (const file of sitemaps) {
      let text = '';
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      assert.doesNotMatch(text, /<(img|script|b)\b/);
    }
  });

  it('publishes the scripted SVG figure sanitized', () => {
    const svg = readFileSync(path.join(dir, 'figures/脚本SVG/脚本.svg'), 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.doesNotMatch(svg, /script|onload|onclick|foreignObject|example\.org|javascript|<set|xml-stylesheet/i);
    assert.match(svg, /<rect class="box"/);
    assert.match(svg, /点这里/);
  });

  it('renders KaTeX links with an allowed URL as links', () => {
    const tree = page(path.join(dir, '公式链接/index.html'));
    const hrefs = selectAll('.katex a', tree).map((a) => a.properties.href);
    assert.deepEqual(hrefs, ['https://katex.org/', '#formula']);
  });

  it('applies YAML merge keys as Hexo does', () => {
    const tree = page(path.join(dir, '合并键/index.html'));
    assert.equal(toText(select('article h1', tree)!), '合并键的标题');
  });
});
