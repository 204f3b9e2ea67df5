/**
 * The two query sets, as the tests and the bench run them: the first
 * note's (`tests/search-queries.ts`, judged by chapter and section) and the
 * real corpus's (`tests/real-corpus-queries.ts`, judged by note). Exact
 * precision reads each page's text from the built site, folded as search
 * folds it, so "contains the query as written" means the same for every UI.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../../src/lib/files.ts';
import { fullFolding } from '../../src/lib/search-dictionary.ts';
import { queryTerms } from '../../src/lib/search-text.ts';
import { REAL_CORPUS_CASES } from '../real-corpus-queries.ts';
import { SEARCH_CASES } from '../search-queries.ts';
import { chapterOf, judge } from './search.ts';
import { answerFirst, exactPrecision, exactResults, judgeRealCase } from './search-judge.ts';
import type { ShownResults } from './search-ui.ts';

/** One query's outcome in one UI. */
export interface QueryRun extends ShownResults {
  query: string;
}

/** How a query set is judged: why a query failed (undefined: passed), and what counts as the query as written. */
export interface QuerySet {
  queries: string[];
  judge: (index: number, run: QueryRun) => string | undefined;
  /** Whether the answer is first (the stricter measure). */
  first?: (index: number, run: QueryRun) => boolean;
  precision: (index: number, run: QueryRun) => number | undefined;
  /** Whether each of the first results has the query as written. */
  exact: (index: number, run: QueryRun) => boolean[];
}

/** How search folds text (characters), and the terms of a query, each in its spellings. */
export interface Folding {
  fold: (text: string) => string;
  terms: (query: string) => string[][];
}

/** The site's own folding. */
export function siteFolding(): Folding {
  const folding = fullFolding();
  return {
    fold: folding.fold,
    terms: (query) => queryTerms(query).map((term) => (term.han ? folding.spellings(term.text) : [term.text])),
  };
}

/** Each built page's note text (the `data-pagefind-body` element), folded and without whitespace, by URL path. */
export function pageTexts(dir: string, fold: (text: string) => string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of listFiles(dir)) {
    if (!file.endsWith('.html') || file.startsWith('pagefind')) continue;
    const html = readFileSync(path.join(dir, file), 'utf8');
    const body = /<article\b[^>]*\bdata-pagefind-body\b[^>]*>([\s\S]*)<\/article>/.exec(html)?.[1];
    if (!body) continue;
    const text = body
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '')
      .replace(/<img\b[^>]*\balt="([^"]*)"[^>]*>/g, ' $1 ')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    texts.set(`/${file.replace(/index\.html$/, '')}`, fold(text).replace(/\s+/g, '').toLowerCase());
  }
  return texts;
}

export function firstNoteSet(dir: string, folding: Folding = siteFolding()): QuerySet {
  const texts = pageTexts(dir, folding.fold);
  return {
    queries: SEARCH_CASES.map((c) => c.query),
    judge: (index, run) =>
      judge(SEARCH_CASES[index]!, {
        chapters: run.urls.map(chapterOf),
        section: run.sections[0],
      }),
    precision: (index, run) => exactPrecision(run.urls, folding.terms(SEARCH_CASES[index]!.query), (p) => texts.get(p)),
    exact: (index, run) => exactResults(run.urls, folding.terms(SEARCH_CASES[index]!.query), (p) => texts.get(p), 10),
  };
}

export function realCorpusSet(dir: string, notePaths: Map<string, string>, folding: Folding = siteFolding()): QuerySet {
  const texts = pageTexts(dir, folding.fold);
  const notesByPath = new Map([...notePaths].map(([note, sitePath]) => [sitePath, note]));
  return {
    queries: REAL_CORPUS_CASES.map((c) => c.query),
    judge: (index, run) => judgeRealCase(REAL_CORPUS_CASES[index]!, run, notesByPath),
    first: (index, run) => answerFirst(REAL_CORPUS_CASES[index]!, run, notesByPath),
    precision: (index, run) =>
      exactPrecision(run.urls, folding.terms(REAL_CORPUS_CASES[index]!.query), (p) => texts.get(p)),
    exact: (index, run) =>
      exactResults(run.urls, folding.terms(REAL_CORPUS_CASES[index]!.query), (p) => texts.get(p), 10),
  };
}
