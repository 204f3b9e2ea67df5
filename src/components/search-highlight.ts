/**
 * Marks, on a page opened from a search result, the phrases the result
 * found (its `?highlight=` parameters, in the page's own spelling), so the
 * reader sees at once why the page came up. Loaded only on such a page.
 * Text nodes are split and wrapped in `<mark>`; nothing is parsed as HTML.
 */

/** Wraps each occurrence of `phrases` in the page's note text in a `<mark>`; returns the first. */
export function markPhrases(phrases: string[], root: ParentNode = document): HTMLElement | undefined {
  const article = root.querySelector('article');
  const wanted = phrases.map((p) => p.trim().toLowerCase()).filter(Boolean);
  if (!article || wanted.length === 0) return undefined;
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  let first: HTMLElement | undefined;
  for (const node of nodes) {
    const text = node.data;
    const lower = text.toLowerCase();
    const ranges: [number, number][] = [];
    for (const phrase of wanted) {
      for (let at = lower.indexOf(phrase); at >= 0; at = lower.indexOf(phrase, at + phrase.length)) {
        if (!ranges.some(([start, end]) => at < end && at + phrase.length > start))
          ranges.push([at, at + phrase.length]);
      }
    }
    if (ranges.length === 0) continue;
    ranges.sort((a, b) => a[0] - b[0]);
    const pieces: (string | HTMLElement)[] = [];
    let done = 0;
    for (const [start, end] of ranges) {
      pieces.push(text.slice(done, start));
      const mark = document.createElement('mark');
      mark.textContent = text.slice(start, end);
      first ??= mark;
      pieces.push(mark);
      done = end;
    }
    pieces.push(text.slice(done));
    node.replaceWith(...pieces.filter((piece) => piece !== ''));
  }
  // Without a section to open at, the first phrase is what the reader came for.
  if (first && !location.hash) first.scrollIntoView({ block: 'center' });
  return first;
}
