/** Where Pagefind's bundle is served (under the base path), and the parameter results use to mark words. */
export const PAGEFIND_BUNDLE = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}pagefind/`;
export const HIGHLIGHT_PARAM = 'highlight';
