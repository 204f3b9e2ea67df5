/** Links in templates go through here, so every URL knows the base path. */
import { type SitePath, siteUrl } from '../lib/urls.ts';

export const href = (path: SitePath = '', fragment?: string): string =>
  siteUrl(import.meta.env.BASE_URL, path, fragment);

/** The absolute URL of a page, for canonical and Open Graph tags (undefined without `site`). */
export const absoluteUrl = (path: SitePath = ''): string | undefined =>
  import.meta.env.SITE ? new URL(href(path), import.meta.env.SITE).href : undefined;
