/** Where Pagefind's bundle is served (under the base path), and the parameter results use to mark words. */
import { siteUrl } from '../lib/urls.ts';

export const PAGEFIND_BUNDLE = siteUrl(import.meta.env.BASE_URL, 'pagefind/');
export { HIGHLIGHT_PARAM } from '../site.ts';
