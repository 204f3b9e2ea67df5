/**
 * Every URL on every page resolves, at the root and under a project
 * sub-path: links, figures, stylesheets, scripts, icons, and `#fragments`.
 * Nothing is fetched from another origin.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Element } from 'hast';
import { isWholeNoteUrl } from '../../src/lib/urls.ts';
import { htmlFiles, page, selectAll } from '../helpers/html.ts';
import { fileForPath } from '../helpers/serve.ts';
import { builtSite, SITES, type SiteName } from '../helpers/sites.ts';

interface Link {
  from: string;
  attribute: string;
  url: string;
}

/** A fragment as the browser matches it: decoded, or as written when it is not valid percent-encoding. */
function decoded(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function linksOf(element: Element): { attribute: string; url: string }[] {
  const found: { attribute: string; url: string }[] = [];
  for (const attribute of ['href', 'src']) {
    const value = element.properties[attribute];
    if (typeof value === 'string') found.push({ attribute, url: value });
  }
  // `srcset` is one string (`a.webp 360w, b.webp 640w`) or, from older parsers, a list.
  const srcset = element.properties.srcSet;
  const candidates = Array.isArray(srcset) ? srcset.map(String) : typeof srcset === 'string' ? srcset.split(',') : [];
  for (const candidate of candidates) found.push({ attribute: 'srcset', url: candidate.trim().split(/\s+/)[0]! });
  return found;
}

for (const name of ['root', 'subPath', 'fixtures', 'figures', 'hostile'] as SiteName[]) {
  const { base } = SITES[name];
  describe(`links in the ${name} site (base ${base})`, () => {
    const dir = builtSite(name);
    const pages = htmlFiles(dir);
    const links: Link[] = pages.flatMap((file) =>
      selectAll('[href], [src], [srcset]', page(path.join(dir, file))).flatMap((element) =>
        linksOf(element).map((link) => ({ from: file, ...link })),
      ),
    );

    it('has pages and links to check', () => {
      assert.ok(pages.length >= 4);
      assert.ok(links.length > pages.length * 5);
    });

    it('fetches nothing from another origin', () => {
      const external = links.filter((link) => /^(https?:)?\/\//.test(link.url) && link.attribute !== 'href');
      assert.deepEqual(external, []);
    });

    it('has every internal URL under the base path and pointing at a file', () => {
      const broken = links.filter((link) => {
        if (/^(https?:|mailto:|data:)/.test(link.url) || link.url.startsWith('#')) return false;
        const absolute = new URL(link.url, `http://site${base}${link.from.replace(/index\.html$/, '')}`);
        return !fileForPath(dir, base, absolute.pathname);
      });
      assert.deepEqual(broken, []);
    });

    it('has every #fragment pointing at an element on its page', () => {
      const broken = links.filter((link) => {
        const hash = link.url.indexOf('#');
        if (hash === -1 || /^https?:/.test(link.url)) return false;
        const absolute = new URL(link.url, `http://site${base}${link.from.replace(/index\.html$/, '')}`);
        const target = fileForPath(dir, base, absolute.pathname);
        if (!target) return true;
        const id = decoded(absolute.hash.slice(1));
        return id !== '' && !selectAll('[id]', page(target)).some((element) => element.properties.id === id);
      });
      assert.deepEqual(broken, []);
    });

    it('percent-encodes every non-ASCII URL', () => {
      const raw = links.filter((link) => /[^\x21-\x7e]/.test(link.url));
      assert.deepEqual(raw, []);
    });
  });
}

describe('addresses for search engines and sharing, under a sub-path', () => {
  const { site, base } = SITES.subPath;
  const dir = builtSite('subPath');

  it('gives each page a canonical and Open Graph URL at its own address', () => {
    for (const file of htmlFiles(dir).filter((f) => f !== '404.html')) {
      const tree = page(path.join(dir, file));
      const expected = `${site}${base}${file
        .replace(/index\.html$/, '')
        .split('/')
        .map(encodeURIComponent)
        .join('/')}`;
      const canonical = selectAll('link[rel="canonical"]', tree)[0]?.properties.href;
      const og = selectAll('meta[property="og:url"]', tree)[0]?.properties.content;
      assert.equal(canonical, expected, file);
      assert.equal(og, expected, file);
      assert.ok(selectAll('meta[name="description"]', tree)[0]?.properties.content, `${file} has a description`);
    }
  });

  it('lists every page in the sitemap, each at a file that exists, and names it in robots.txt', () => {
    const sitemap = readFileSync(path.join(dir, 'sitemap-0.xml'), 'utf8');
    const locations = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    // Every page but the not-found page, the page shown offline for pages not saved, and the whole-note
    // pages (their text is the chapters', listed once).
    const listed = htmlFiles(dir).filter(
      (f) => f !== '404.html' && f !== 'offline/index.html' && !isWholeNoteUrl(`/${f.replace(/index\.html$/, '')}`),
    );
    assert.ok(listed.length < htmlFiles(dir).length - 1, 'the site has whole-note pages');
    assert.equal(locations.length, listed.length);
    for (const location of locations) {
      assert.ok(location.startsWith(`${site}${base}`), location);
      assert.ok(fileForPath(dir, base, new URL(location).pathname), location);
    }
    assert.match(
      readFileSync(path.join(dir, 'robots.txt'), 'utf8'),
      new RegExp(`Sitemap: ${site}${base}sitemap-index.xml`),
    );
  });

  it('has a manifest whose start URL and icons are under the base path', () => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.webmanifest'), 'utf8')) as {
      start_url: string;
      icons: { src: string; sizes: string }[];
    };
    assert.equal(manifest.start_url, base);
    assert.ok(manifest.icons.some((icon) => icon.sizes === '512x512'));
    for (const icon of manifest.icons) assert.ok(fileForPath(dir, base, icon.src), icon.src);
  });
});
