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

const { site, base } = deployTarget(process.env);
// Rendered notes are kept between builds; NOTES_CACHE names another folder, or `off` renders every note afresh.
const cache =
  process.env.NOTES_CACHE === 'off' ? undefined : process.env.NOTES_CACHE || 'node_modules/.cache/study-notes/notes';

export default defineConfig({
  site,
  base,
  outDir: process.env.OUT_DIR || './dist',
  build: { format: 'directory', inlineStylesheets: 'always' },
  // Notes are rendered by our pipeline (src/lib); any .md/.mdx page in src/ gets the same math support.
  markdown: { processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }) },
  integrations: [
    mdx(),
    sitemap(),
    studyNotes({ notesDir: process.env.NOTES_DIR || 'notes', cacheDir: cache, math: process.env.NOTES_MATH !== 'off' }),
  ],
  devToolbar: { enabled: false },
  // A Content-Security-Policy <meta> in every page (src/lib/content-security-policy.ts says what it allows and why).
  security: { csp: CONTENT_SECURITY_POLICY },
});
