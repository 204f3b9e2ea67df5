// @ts-check

import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import notes from './src/integrations/notes.ts';
import offline from './src/integrations/offline.ts';
import search from './src/integrations/search.ts';
import { deployTarget } from './src/lib/deploy-target.ts';

const { site, base } = deployTarget(process.env);

export default defineConfig({
  site,
  base,
  outDir: process.env.OUT_DIR || './dist',
  build: { format: 'directory', inlineStylesheets: 'always' },
  // Notes are rendered by our pipeline (src/lib); any .md/.mdx page in src/ gets the same math support.
  markdown: { processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }) },
  // Order matters at the end of a build: search indexes the pages, then the service worker precaches everything.
  integrations: [notes({ notesDir: process.env.NOTES_DIR || 'notes' }), mdx(), sitemap(), search(), offline()],
  devToolbar: { enabled: false },
});
