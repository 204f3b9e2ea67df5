/** robots.txt: everything may be crawled; the sitemap is named when the site's address is known. */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../components/href.ts';

export const GET: APIRoute = () => {
  const sitemap = absoluteUrl('sitemap-index.xml');
  return new Response(`User-agent: *\nAllow: /\n${sitemap ? `\nSitemap: ${sitemap}\n` : ''}`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
