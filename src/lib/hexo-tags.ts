/**
 * Hexo's tag plugins for a post's assets and other posts, which Hexo authors
 * write instead of Markdown images and links; other sites print them as
 * literal `{% … %}` text:
 * - `{% asset_img 图.png 图的说明 %}`: a figure from the post's asset folder;
 * - `{% asset_link 讲义.pdf [标题] %}`: a link to a file in the asset folder;
 * - `{% post_link 其他笔记 [标题] %}`: a link to another post, by file name.
 * Each becomes the Markdown image or link it stands for, so the usual steps
 * (figures, links between notes) handle it. Other tags are reported.
 * @see https://hexo.io/docs/asset-folders#Tag-Plugins-For-Relative-Path-Referencing
 */
import type { Image, Link, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from './problems.ts';

const TAG = /\{%\s*([a-z_]+)((?:\s+(?:"[^"]*"|'[^']*'|[^\s%]+))*)\s*%\}/g;

/** Hexo's arguments: words, or quoted strings with spaces. */
function argumentsOf(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

/** Replaces Hexo tags in `tree` (the note `noteFile`, relative to the notes folder) by images and links. */
export function readHexoTags(tree: Root, file: VFile, noteFile: string): void {
  // Hexo's asset folder: beside the post, named like it.
  const assetFolder =
    noteFile
      .replace(/\.(md|markdown|mdx)$/i, '')
      .split('/')
      .pop() ?? '';
  visit(tree, 'text', (text: Text, index, parent) => {
    if (!parent || index === undefined || !text.value.includes('{%')) return undefined;
    const nodes: (Text | Image | Link)[] = [];
    let at = 0;
    for (const match of text.value.matchAll(TAG)) {
      const [whole, name = '', rest = ''] = match;
      const [target = '', ...words] = argumentsOf(rest);
      const title = words.join(' ');
      let node: Image | Link | undefined;
      if (name === 'asset_img' || name === 'asset_image') {
        node = { type: 'image', url: encodePath(`${assetFolder}/${target}`), alt: title || null };
      } else if (name === 'asset_link' || name === 'asset_path') {
        node = {
          type: 'link',
          url: encodePath(`${assetFolder}/${target}`),
          children: [{ type: 'text', value: title || target }],
        };
      } else if (name === 'post_link') {
        // Hexo names a post by its file name; links between notes resolve `@name` to that note.
        node = { type: 'link', url: `@${target}`, children: [{ type: 'text', value: title || target }] };
      }
      if (!node) {
        report(file, {
          at: text,
          message: `the Hexo tag {% ${name} %} is not supported, so it is shown as written`,
          hint: 'write it as Markdown (an image, a link or HTML); asset_img, asset_link and post_link are understood',
          severity: 'warning',
          rule: 'hexo-tag',
        });
        continue;
      }
      if (match.index > at) nodes.push({ type: 'text', value: text.value.slice(at, match.index) });
      nodes.push({ ...node, position: text.position });
      at = match.index + whole.length;
    }
    if (nodes.length === 0) return undefined;
    if (at < text.value.length) nodes.push({ type: 'text', value: text.value.slice(at) });
    parent.children.splice(index, 1, ...(nodes as typeof parent.children));
    return [SKIP, index + nodes.length];
  });
}

/** A file path as a Markdown URL: each segment percent-encoded, so `#` and spaces stay part of the name. */
function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
