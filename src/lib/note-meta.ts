/**
 * Turns parsed front matter into what the site shows: a title, a date,
 * categories and tags, with Hexo's shapes (a string, a list, nested lists).
 * Categories keep Hexo's meaning: a list is one path from the top category
 * down (`[编程, Python]` is Python inside 编程), and a list of lists is
 * several paths, so category pages can nest as a Hexo reader expects.
 */
import type { VFile } from 'vfile';
import type { FrontMatter } from './front-matter.ts';
import { report } from './problems.ts';

export interface NoteDate {
  /** Machine-readable, for `<time datetime>`: `2023-03-13` or `2023-03-13T19:20:00`. */
  iso: string;
  /** What readers see: `2023-03-13`. */
  text: string;
}

/** One category with its parents, top first: `['编程', 'Python']`. */
export type CategoryPath = string[];

export interface NoteMeta {
  title: string;
  date?: NoteDate;
  /** Each path the note is filed under, top category first. */
  categories: CategoryPath[];
  tags: string[];
  description?: string;
}

const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?/;

/** Reads title, date, categories and tags; `fallbackTitle` is the file name; problems go on `file`. */
export function readNoteMeta(frontMatter: FrontMatter, fallbackTitle: string, file: VFile): NoteMeta {
  const { data } = frontMatter;
  const title = scalarText(data.title)?.trim();
  const description = scalarText(data.description ?? data.excerpt)?.trim();
  const date = readDate(data.date, () => frontMatter.lineOf('date'), file);
  return {
    title: title ? title : fallbackTitle,
    ...(date ? { date } : {}),
    categories: readCategories(data.categories ?? data.category),
    tags: readList(data.tags ?? data.tag),
    ...(description ? { description } : {}),
  };
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function readDate(value: unknown, line: () => number, file: VFile): NoteDate | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const iso = value.toISOString().slice(0, 19);
    return { iso, text: iso.slice(0, 10) };
  }
  const match = typeof value === 'string' ? DATE.exec(value.trim()) : null;
  if (!match) {
    report(file, {
      at: { line: line(), column: 1 },
      message: `the date ${JSON.stringify(value)} is not a date`,
      hint: 'write it as `date: 2023-03-13` or `date: 2023-03-13 19:20:00`',
      rule: 'front-matter',
    });
    return undefined;
  }
  const [, y, mo, d, h, mi, s] = match;
  const pad = (part: string | undefined) => (part ?? '0').padStart(2, '0');
  const day = `${y}-${pad(mo)}-${pad(d)}`;
  const iso = h === undefined ? day : `${day}T${pad(h)}:${pad(mi)}:${pad(s)}`;
  return { iso, text: day };
}

/** A list item as a name: `-算法学习` read as a string still means the list item 算法学习. */
function itemName(item: unknown): string | undefined {
  return scalarText(item)?.trim().replace(/^-\s*/, '') || undefined;
}

/** Tags: `a`, `[a, b]`, even nested lists; each becomes a plain name, once. */
function readList(value: unknown): string[] {
  const names: string[] = [];
  const collect = (item: unknown) => {
    if (Array.isArray(item)) item.forEach(collect);
    else {
      const text = itemName(item);
      if (text && !names.includes(text)) names.push(text);
    }
  };
  collect(value);
  return names;
}

/**
 * Categories as Hexo files them: `a` is one category; `[a, b]` is one path,
 * b inside a; a list holding any list (`[[a, b], c]`) is one path per item.
 * @see https://hexo.io/docs/front-matter#Categories-amp-Tags
 */
function readCategories(value: unknown): CategoryPath[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const toPath = (item: unknown): CategoryPath =>
    (Array.isArray(item) ? item : [item]).map(itemName).filter((name): name is string => Boolean(name));
  const paths = items.some(Array.isArray) ? items.map(toPath) : [toPath(items)];
  const unique: CategoryPath[] = [];
  for (const path of paths) {
    if (path.length > 0 && !unique.some((seen) => seen.join('\0') === path.join('\0'))) unique.push(path);
  }
  return unique;
}
