/** The web app manifest, so the notes install as an app; every URL under the base path. */
import type { APIRoute } from 'astro';
import { href } from '../components/href.ts';
import { PALETTE, SITE_LANG, SITE_NAME } from '../site.ts';

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify({
      name: SITE_NAME,
      short_name: SITE_NAME,
      description: '分章阅读、离线可用的学习笔记',
      lang: SITE_LANG,
      start_url: href(),
      scope: href(),
      display: 'standalone',
      background_color: PALETTE.bg.light,
      theme_color: PALETTE.accent.light,
      icons: [
        { src: href('icons/icon-192.png'), sizes: '192x192', type: 'image/png' },
        { src: href('icons/icon-512.png'), sizes: '512x512', type: 'image/png' },
        { src: href('icons/icon-maskable-512.png'), sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: href('icons/icon.svg'), sizes: 'any', type: 'image/svg+xml' },
      ],
    }),
    { headers: { 'Content-Type': 'application/manifest+json' } },
  );
