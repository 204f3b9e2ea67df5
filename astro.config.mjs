// @ts-check

import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import studyNotes from './src/integrations/study-notes.ts';
import { CONTENT_SECURITY_POLICY } from './src/lib/content-security-policy.ts';
import { deployTarget } from './src/lib/deploy-target.ts';
import { isWholeNoteUrl } from './src/lib/urls.ts';

const { site, base } = deployTarget(process.env);
// Rendered notes are kept between builds; NOTES_CACHE names another folder, or `off` renders every note afresh.
const cache =
  process.env.NOTES_CACHE === 'off' ? undefined : process.env.NOTES_CACHE || 'node_modules/.cache/study-notes/notes';

export default defineConfig({
  site,
  base,
  outDir: process.env.OUT_DIR || './dist',
  // Sixteen pages at a time: rendering one page by one left the thread waiting on each page's file half the time
  // (500 notes: pages took 30-40% less, alternated runs on a 2-core machine with a slow disk).
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 16 },
  // Notes are rendered by our pipeline (src/lib); any .md/.mdx page in src/ gets the same math support.
  markdown: { processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }) },
  integrations: [
    mdx(),
    // The whole-note pages repeat the chapters' text, and the page shown offline for pages not saved is for
    // no search engine: the sitemap leaves both out.
    sitemap({ filter: (page) => !isWholeNoteUrl(page) && !new URL(page).pathname.endsWith('/offline/') }),
    studyNotes({
      notesDir: process.env.NOTES_DIR || 'notes',
      cacheDir: cache,
      math: process.env.NOTES_MATH !== 'off',
      brokenLinks: process.env.NOTES_BROKEN_LINKS === 'error' ? 'error' : 'warning',
      // A large site's search index is in groups of about this many pages, so a rebuild indexes one group again.
      searchGroupPages: Number(process.env.SEARCH_GROUP_PAGES) || undefined,
    }),
  ],
  // Scripts are always files, never inlined into pages: one copy cached for every page, and allowed by a
  // Content-Security-Policy of `script-src 'self'` without hashes.
  vite: { build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) } },
  devToolbar: { enabled: false },
  // A rebuild renders only the pages whose note changed (each note page's cacheKey is the note's digest).
  experimental: { incrementalBuild: true },
  // A Content-Security-Policy <meta> in every page (src/lib/content-security-policy.ts says what it allows and why).
  security: { csp: CONTENT_SECURITY_POLICY },
});
