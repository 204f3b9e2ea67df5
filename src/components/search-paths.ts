/** Where the site and its search index are served (under the base path), and the parameter results use to mark words. */
import { siteUrl } from '../lib/urls.ts';

export const BASE = import.meta.env.BASE_URL;
export const PAGEFIND_BUNDLE = siteUrl(BASE, 'pagefind/');
export { HIGHLIGHT_PARAM } from '../site.ts';
