/**
 * Every URL on every page resolves, at the root and under a project
 * sub-path: links, figures, stylesheets, scripts, icons, and `#fragments`.
 * Nothing is fetched from another origin.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Element } from 'hast';
import { htmlFiles, page, selectAll } from './helpers/html.ts';
import { fileForPath } from './helpers/serve.ts';
import { builtSite, SITES, type SiteName } from './helpers/sites.ts';

interface Link {
  from: string;
  attribute: string;
  url: string;
}

function linksOf(element: Element): { attribute: string; url: string }[] {
  const found: { attribute: string; url: string }[] = [];
  for (const attribute of ['href', 'src']) {
    const value = element.properties[attribute];
    if (typeof value === 'string') found.push({ attribute, url: value });
  }
  const srcset = element.properties.srcSet;
  if (Array.isArray(srcset)) {
    for (const candidate of srcset) found.push({ attribute: 'srcset', url: String(candidate).trim().split(/\s+/)[0]! });
  }
  return found;
}

for (const name of ['root', 'subPath', 'fixtures'] as SiteName[]) {
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
        const id = decodeURIComponent(absolute.hash.slice(1));
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
