/**
 * Splits a note's Markdown tree into an introduction and pages: its chapters,
 * and the unnumbered parts that stand beside them (an appendix, references,
 * an afterword). A chapter heading is a level-1 or level-2 heading whose text
 * is numbered: `1 标题`, `2. 标题`, `3、标题`, `第 4 章 标题`, `第五章 标题`,
 * `Chapter 6 Title`. Real notes mix levels and use numbers for other things,
 * so which numbered headings are chapters depends on the structure:
 * - numbered `#` headings are the chapters; a numbered `##` is one too when it
 *   follows a chapter and continues its numbering (`# 1 …`, `## 2 …`, `## 3 …`,
 *   as the first note has them), and otherwise a section (`# 序言` then
 *   `## 1. 免责声明` is a preface with numbered sections);
 * - with no numbered `#`, numbered `##` headings are the chapters when they
 *   all stand under the same `#` (or none): numbered items under different
 *   `#` sections (`# 选项 / ## 1.`, `# 示例 / ## 1.`, as man pages have
 *   them) are that section's items, and the note is one page;
 * - after the first chapter, an unnumbered heading at the chapters' level
 *   (`# 附录 A. 参考`, `# 参考文献`, `# 后记`) is a page of its own.
 * Text before the first page is the note's introduction.
 */
import type { Heading, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { headingText } from './heading-text.ts';
import { report } from './problems.ts';

export interface ChapterTree {
  /** The chapter's number; none for an unnumbered page (an appendix). */
  number: number | undefined;
  /** The heading text without the number: `ChatGPT 原理剖析`. */
  title: string;
  /** The heading as written, as text: `1 ChatGPT 原理剖析`. */
  heading: string;
  /** 1-based line of the heading in the note file. */
  line: number;
  /** The page's content after its heading. */
  tree: Root;
}

export interface SplitNote {
  /** What comes before the first page (the whole note if it has none). */
  intro: Root;
  /** Chapters and unnumbered pages, in the order they are written. */
  chapters: ChapterTree[];
}

// `1 标题`, `1. 标题`, `1、标题`; not `1.1 标题`, which is a section.
const NUMBERED = /^(\d+)(?:[.、．](?!\d)\s*|\s+)(\S.*)$/s;
// `第 1 章 标题`, `第一章：标题`, and pandoc's `章 1. 标题` from DocBook.
const CHINESE_CHAPTER = /^(?:第\s*([\d一二三四五六七八九十百零〇两]+)\s*章|章\s*(\d+)[.．]?)[\s:：、.．]*(\S.*)$/s;
const ENGLISH_CHAPTER = /^chapter\s+(\d+)[\s:.]*(\S.*)$/is;

/** The number and title of a numbered level-1 or level-2 heading, or undefined if it is not one. */
export function chapterHeading(node: RootContent): { number: number; title: string; text: string } | undefined {
  if (node.type !== 'heading' || node.depth > 2) return undefined;
  const text = headingText(node);
  const numbered = NUMBERED.exec(text);
  if (numbered) return { number: Number(numbered[1]), title: (numbered[2] ?? '').trim(), text };
  const chinese = CHINESE_CHAPTER.exec(text);
  if (chinese) {
    const number = chinese[2] ? Number(chinese[2]) : chineseNumber(chinese[1] ?? '');
    if (number !== undefined) return { number, title: (chinese[3] ?? '').trim(), text };
  }
  const english = ENGLISH_CHAPTER.exec(text);
  if (english) return { number: Number(english[1]), title: (english[2] ?? '').trim(), text };
  return undefined;
}

/** `12` or `十二` → 12; undefined if it is not a number below a thousand. */
function chineseNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const digits: Record<string, number> = {
    零: 0,
    〇: 0,
    一: 1,
    二: 2,
    两: 2,
    三: 3,
    四: 4,
    五: 5,
    六: 6,
    七: 7,
    八: 8,
    九: 9,
  };
  let total = 0;
  let current = 0;
  for (const char of text) {
    if (char in digits) current = digits[char]!;
    else if (char === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (char === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else return undefined;
  }
  return total + current;
}

/** Which of the note's top-level headings start a page, and as what. */
function pageStarts(children: RootContent[]): Map<RootContent, { number: number | undefined }> {
  const headings = children.filter((node): node is Heading => node.type === 'heading' && node.depth <= 2);
  const numbered = new Map(headings.map((node) => [node, chapterHeading(node)]));
  const starts = new Map<RootContent, { number: number | undefined }>();
  if (headings.some((node) => node.depth === 1 && numbered.get(node))) {
    let last: number | undefined;
    let inChapter = false;
    for (const node of headings) {
      const chapter = numbered.get(node);
      if (node.depth === 1) {
        inChapter = chapter !== undefined;
        if (chapter) last = chapter.number;
        if (chapter || last !== undefined) starts.set(node, { number: chapter?.number });
      } else if (chapter && inChapter && last !== undefined && chapter.number === last + 1) {
        starts.set(node, { number: chapter.number });
        last = chapter.number;
      }
    }
    return starts;
  }
  // No numbered `#`: numbered `##` are chapters only if they all stand under the same `#`.
  let parent: Heading | undefined;
  const parents = new Set<Heading | undefined>();
  for (const node of headings) {
    if (node.depth === 1) parent = node;
    else if (numbered.get(node)) parents.add(parent);
  }
  if (parents.size !== 1) return starts;
  let first = false;
  for (const node of headings) {
    const chapter = numbered.get(node);
    if (node.depth === 2 && chapter) {
      first = true;
      starts.set(node, { number: chapter.number });
    } else if (first) {
      // After the first chapter, an unnumbered heading at the chapters' level or above is a page of its own.
      starts.set(node, { number: undefined });
    }
  }
  return starts;
}

/** Splits `tree` into the introduction and its pages; problems go on `file`. */
export function splitChapters(tree: Root, file: VFile): SplitNote {
  const starts = pageStarts(tree.children);
  const intro: RootContent[] = [];
  const chapters: ChapterTree[] = [];
  for (const node of tree.children) {
    const start = starts.get(node);
    if (!start) {
      (chapters.at(-1)?.tree.children ?? intro).push(node);
      continue;
    }
    const line = node.position?.start.line ?? 1;
    const numbered = chapterHeading(node);
    const text = headingText(node as Heading);
    const earlier = start.number === undefined ? undefined : chapters.find((c) => c.number === start.number);
    if (earlier) {
      report(file, {
        at: node,
        message: `chapter ${start.number} appears twice ("${earlier.heading}" on line ${earlier.line} and "${text}" here), so both would get the same page`,
        hint: 'renumber one of the two headings, or make this one a section (`###`) of the other',
        rule: 'duplicate-chapter',
      });
    }
    chapters.push({
      number: start.number,
      title: start.number === undefined ? text : (numbered?.title ?? text),
      heading: text,
      line,
      tree: { type: 'root', children: [] },
    });
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
