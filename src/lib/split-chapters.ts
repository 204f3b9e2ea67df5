/**
 * Splits a note's Markdown tree into an introduction and chapters at its
 * numbered top-level headings (`# 1 标题`, `## 2 标题`: level 1 or 2, text
 * `N title`). Real notes mix levels, so both levels count as chapters.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { report } from './problems.ts';

export interface ChapterTree {
  /** The `N` of `N title`. */
  number: number;
  /** The heading text without the number: `ChatGPT 原理剖析`. */
  title: string;
  /** The heading as written: `1 ChatGPT 原理剖析`. */
  heading: string;
  /** 1-based line of the heading in the note file. */
  line: number;
  /** The chapter's content after its heading. */
  tree: Root;
}

export interface SplitNote {
  /** What comes before the first chapter (the whole note if it has none). */
  intro: Root;
  chapters: ChapterTree[];
}

// `1 标题`, `1. 标题`, `1、标题`; not `1.1 标题`, which is a section.
const NUMBERED = /^(\d+)(?:[.、．](?!\d)\s*|\s+)(\S.*)$/s;

/** The number and title of a chapter heading, or undefined if it is not one. */
export function chapterHeading(node: RootContent): { number: number; title: string; text: string } | undefined {
  if (node.type !== 'heading' || node.depth > 2) return undefined;
  const text = toString(node).trim();
  const match = NUMBERED.exec(text);
  if (!match) return undefined;
  return { number: Number(match[1]), title: (match[2] ?? '').trim(), text };
}

/** Splits `tree` at chapter headings; problems go on `file`. */
export function splitChapters(tree: Root, file: VFile): SplitNote {
  const intro: RootContent[] = [];
  const chapters: ChapterTree[] = [];
  for (const node of tree.children) {
    const chapter = chapterHeading(node);
    const line = node.position?.start.line ?? 1;
    if (chapter) {
      const earlier = chapters.find((c) => c.number === chapter.number);
      if (earlier) {
        report(file, {
          at: node,
          message: `chapter ${chapter.number} appears twice ("${earlier.heading}" on line ${earlier.line} and "${chapter.text}" here), so both would get the same page`,
          hint: 'renumber one of the two headings, or make this one a section (`###`) of the other',
          rule: 'duplicate-chapter',
        });
      }
      chapters.push({
        number: chapter.number,
        title: chapter.title,
        heading: chapter.text,
        line,
        tree: { type: 'root', children: [] },
      });
    } else {
      (chapters.at(-1)?.tree.children ?? intro).push(node);
    }
  }
  return { intro: { type: 'root', children: intro }, chapters };
}

/**
 * Re-levels the headings of a chapter so that its shallowest heading becomes
 * h2 (the chapter title is the page's only h1) and levels stay consecutive:
 * `### 1.1` → h2, `#### 1.2.1` → h3, whatever level the author started at.
 */
export function relevelHeadings(tree: Root): Root {
  const depths = new Set<number>();
  collectDepths(tree.children, depths);
  const ranked = [...depths].sort((a, b) => a - b);
  const levelOf = new Map(ranked.map((depth, rank) => [depth, Math.min(6, rank + 2) as Heading['depth']]));
  return { ...tree, children: tree.children.map((node) => relevel(node, levelOf)) };
}

function collectDepths(nodes: RootContent[], depths: Set<number>): void {
  for (const node of nodes) {
    if (node.type === 'heading') depths.add(node.depth);
    else if ('children' in node && node.type !== 'paragraph') collectDepths(node.children as RootContent[], depths);
  }
}

function relevel(node: RootContent, levelOf: Map<number, Heading['depth']>): RootContent {
  if (node.type === 'heading') return { ...node, depth: levelOf.get(node.depth) ?? node.depth };
  if ('children' in node && node.type !== 'paragraph') {
    return {
      ...node,
      children: (node.children as RootContent[]).map((child) => relevel(child, levelOf)),
    } as RootContent;
  }
  return node;
}
