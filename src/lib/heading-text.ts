/**
 * The text of a heading as a reader sees it: `# 1 **粗体** 与 `code``
 * reads `1 粗体 与 code`, and raw HTML in it (`HTML 的 <b>粗体</b>`,
 * pandoc's `<span id="…"></span>` anchors) contributes its text, never its tags.
 * Titles, chapter lists, `<title>` and search all use this text.
 */
import type { Heading, PhrasingContent } from 'mdast';

export function headingText(heading: Heading): string {
  return phrasingText(heading.children).replace(/\s+/g, ' ').trim();
}

function phrasingText(nodes: PhrasingContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'html') return '';
      if ('value' in node) return node.value;
      if (node.type === 'image') return node.alt ?? '';
      if ('children' in node) return phrasingText(node.children as PhrasingContent[]);
      return '';
    })
    .join('');
}
