/**
 * Rehype plugin: gives every heading a stable id (github-slugger, as GitHub
 * does, so Chinese headings keep their characters; or the id the author gave
 * it), a visible anchor link, and records the headings for the page's table
 * of contents (not the footnotes' label). Ids the site's own page uses
 * (`content`, `search`, …) are taken already, so a section called `content`
 * gets `content-1` and the table of contents never jumps to the wrong element.
 */
import GithubSlugger from 'github-slugger';
import type { ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { SITE_IDS } from '../site.ts';
import { eachElement, SKIP } from './tree-walk.ts';
import { fragmentHref } from './urls.ts';

export interface PageHeading {
  depth: number;
  id: string;
  text: string;
}

const HEADING = /^h([1-6])$/;

export function rehypeHeadingAnchors() {
  return (tree: Root, file: VFile) => {
    const slugger = new GithubSlugger();
    for (const id of SITE_IDS) slugger.slug(id);
    const headings: PageHeading[] = [];
    eachElement(tree, (node) => {
      // The footnotes' own label keeps the id their references point to, and stays out of the contents.
      if (node.tagName === 'section' && node.properties.dataFootnotes !== undefined) return SKIP;
      const depth = HEADING.exec(node.tagName)?.[1];
      if (!depth) return;
      const text = toString(node).trim().replace(/\s+/g, ' ');
      const given = typeof node.properties.id === 'string' ? node.properties.id : undefined;
      // An id the author gave is kept as written unless the page has it already.
      const id = given && !slugger.occurrences[given] ? slugger.slug(given, true) : slugger.slug(text);
      node.properties.id = id;
      headings.push({ depth: Number(depth), id, text });
      const anchor: ElementContent = {
        type: 'element',
        tagName: 'a',
        properties: {
          className: ['heading-anchor'],
          href: fragmentHref(id),
          ariaLabel: `本节链接：${text}`,
        },
        children: [{ type: 'text', value: '#' }],
      };
      node.children.push(anchor);
    });
    file.data.headings = headings;
  };
}

declare module 'vfile' {
  interface DataMap {
    headings: PageHeading[];
  }
}
