/**
 * Marks, in the table of contents, the section being read: the last heading
 * above a line a third of the way down the window. One IntersectionObserver
 * does the watching (no scroll handler, no layout reads), its root stretched
 * far above the window so that a heading counts as "above the line"
 * wherever it is above, and jumps (a link, the End key) are seen too.
 * `onChange` hears of each new section (its heading's id; undefined above
 * the first): the reading progress records it.
 */
export function spyOnSections(onChange?: (id: string | undefined) => void): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')];
  const headings = links.map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))));
  const above = new Set<Element>();
  let current: HTMLAnchorElement | undefined;
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) above[entry.isIntersecting ? 'add' : 'delete'](entry.target);
      const at = headings.findLastIndex((heading) => heading && above.has(heading));
      if (links[at] === current) return;
      current?.removeAttribute('aria-current');
      current = links[at];
      current?.setAttribute('aria-current', 'location');
      onChange?.(headings[at]?.id);
    },
    { rootMargin: '100000px 0px -67% 0px' },
  );
  for (const heading of headings) if (heading) observer.observe(heading);
}
