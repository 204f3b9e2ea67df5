/**
 * Groups the notes the way a Hexo reader finds them in a large collection:
 * a tree of categories (nested, with counts), tags, and an archive by year
 * and month. Computed once per build over all notes, because a category's
 * address depends on its siblings (two names that slug alike get `-2`), and
 * pages only show what is here. Lists keep the notes' order: newest first.
 */
import { slug as githubSlug } from 'github-slugger';
import { SITE_LANG } from '../site.ts';
import type { CategoryPath, NoteDate } from './note-meta.ts';
import { archivePath, categoryPath, type SitePath, tagPath } from './urls.ts';

/** What grouping needs of a note. */
export interface NoteRef {
  slug: string;
  date?: NoteDate;
  categories: CategoryPath[];
  tags: string[];
}

export interface CategoryNode {
  name: string;
  /** This category's slug and its parents', top first. */
  slugs: string[];
  path: SitePath;
  /** Notes filed here or in a category below, each once, newest first (note slugs). */
  notes: string[];
  children: CategoryNode[];
}

export interface TagEntry {
  name: string;
  slug: string;
  path: SitePath;
  notes: string[];
}

export interface ArchiveMonth {
  /** `03` */
  month: string;
  notes: string[];
}

export interface ArchiveYear {
  /** `2023` */
  year: string;
  path: SitePath;
  months: ArchiveMonth[];
  notes: string[];
}

export interface Collections {
  /** Top-level categories in name order, each with its sub-categories. */
  categories: CategoryNode[];
  /** How many categories there are at every level. */
  categoryCount: number;
  /** Tags, the most used first. */
  tags: TagEntry[];
  /** Years, newest first. */
  years: ArchiveYear[];
  /** Notes without a date, in the archive after every year. */
  undated: string[];
  /** The page of every category path a note names, by `categoryKey`. */
  categoryPaths: Record<string, SitePath>;
  /** The page of every tag, by name. */
  tagPaths: Record<string, SitePath>;
}

/** How many notes a category, tag or archive page lists before the next page. */
export const NOTES_PER_PAGE = 50;

// A child category slugged `page` would collide with the pagination of its parent (`…/page/2/`).
const RESERVED_CHILD_SLUGS = ['page'];

/** A key for a category path in maps (names never contain the separator). */
export function categoryKey(path: CategoryPath): string {
  return path.join('\u001f');
}

const byName = (a: string, b: string) => a.localeCompare(b, SITE_LANG) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * Slugs for `names` (already in order) that are unique among themselves and
 * `taken`: a name that slugs to nothing (`++`) gets `fallback`, a repeat gets `-2`, `-3`.
 */
export function uniqueSlugs(names: string[], fallback: string, taken: readonly string[] = []): string[] {
  const used = new Set(taken);
  return names.map((name) => {
    const base = githubSlug(name) || fallback;
    let slug = base;
    for (let n = 2; used.has(slug); n += 1) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  });
}

interface Building {
  name: string;
  notes: Set<string>;
  children: Map<string, Building>;
}

/** Groups `notes` (in the order given, newest first) into categories, tags and years. */
export function collectNotes(notes: NoteRef[]): Collections {
  const order = new Map(notes.map((note, index) => [note.slug, index]));
  const inOrder = (slugs: Iterable<string>) => [...slugs].sort((a, b) => order.get(a)! - order.get(b)!);

  const root: Building = { name: '', notes: new Set(), children: new Map() };
  for (const note of notes) {
    for (const path of note.categories) {
      let node = root;
      for (const name of path) {
        let child = node.children.get(name);
        if (!child) {
          child = { name, notes: new Set(), children: new Map() };
          node.children.set(name, child);
        }
        child.notes.add(note.slug);
        node = child;
      }
    }
  }
  const categoryPaths: Record<string, SitePath> = {};
  let categoryCount = 0;
  const finish = (building: Building, parentSlugs: string[], parentNames: string[]): CategoryNode[] => {
    const names = [...building.children.keys()].sort(byName);
    const slugs = uniqueSlugs(names, 'category', parentSlugs.length > 0 ? RESERVED_CHILD_SLUGS : []);
    return names.map((name, index) => {
      const child = building.children.get(name)!;
      const ownSlugs = [...parentSlugs, slugs[index]!];
      const ownNames = [...parentNames, name];
      const path = categoryPath(ownSlugs);
      categoryPaths[categoryKey(ownNames)] = path;
      categoryCount += 1;
      return { name, slugs: ownSlugs, path, notes: inOrder(child.notes), children: finish(child, ownSlugs, ownNames) };
    });
  };
  const categories = finish(root, [], []);

  const tagNotes = new Map<string, string[]>();
  for (const note of notes) for (const tag of note.tags) tagNotes.set(tag, [...(tagNotes.get(tag) ?? []), note.slug]);
  const tagNames = [...tagNotes.keys()].sort(byName);
  const tagSlugs = uniqueSlugs(tagNames, 'tag');
  const tags = tagNames
    .map((name, index) => ({
      name,
      slug: tagSlugs[index]!,
      path: tagPath(tagSlugs[index]!),
      notes: tagNotes.get(name)!,
    }))
    .sort((a, b) => b.notes.length - a.notes.length || byName(a.name, b.name));
  const tagPaths = Object.fromEntries(tags.map((tag) => [tag.name, tag.path]));

  const years = new Map<string, ArchiveYear>();
  const undated: string[] = [];
  for (const note of notes) {
    if (!note.date) {
      undated.push(note.slug);
      continue;
    }
    const [year = '', month = ''] = note.date.iso.split('-');
    let entry = years.get(year);
    if (!entry) {
      entry = { year, path: archivePath(year), months: [], notes: [] };
      years.set(year, entry);
    }
    entry.notes.push(note.slug);
    let monthEntry = entry.months.find((m) => m.month === month);
    if (!monthEntry) {
      monthEntry = { month, notes: [] };
      entry.months.push(monthEntry);
    }
    monthEntry.notes.push(note.slug);
  }
  const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
  const yearList = [...years.values()].sort((a, b) => newestFirst(a.year, b.year));
  for (const year of yearList) year.months.sort((a, b) => newestFirst(a.month, b.month));

  return { categories, categoryCount, tags, years: yearList, undated, categoryPaths, tagPaths };
}

/** Every category of the tree, parents before children. */
export function allCategories(categories: CategoryNode[]): CategoryNode[] {
  return categories.flatMap((node) => [node, ...allCategories(node.children)]);
}

/** Notes (newest first) under a heading per month, `2024 年 5 月`, as they come; undated ones under 未注明日期. */
export function monthGroups<T extends { date?: NoteDate }>(notes: T[]): { label: string; notes: T[] }[] {
  const groups: { label: string; notes: T[] }[] = [];
  for (const note of notes) {
    const label = note.date ? `${note.date.iso.slice(0, 4)} 年 ${Number(note.date.iso.slice(5, 7))} 月` : '未注明日期';
    if (groups.at(-1)?.label !== label) groups.push({ label, notes: [] });
    groups.at(-1)!.notes.push(note);
  }
  return groups;
}

/** `items` cut into pages of `perPage` (at least one page, maybe empty). */
export function paginate<T>(items: T[], perPage = NOTES_PER_PAGE): T[][] {
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += perPage) pages.push(items.slice(start, start + perPage));
  return pages.length > 0 ? pages : [[]];
}
