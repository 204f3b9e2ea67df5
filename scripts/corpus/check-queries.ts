/**
 * Checks the real-corpus query set (`tests/real-corpus-queries.ts`) against
 * the corpus itself, so a wrong answer is caught before any search test
 * blames the search: for each case, that the answer note really contains the
 * query's words as phrases (both sides folded to simplified with the site's
 * own `to-simplified.ts`, so a traditional query is checked as the index
 * would see it), and how many other notes contain them too, as phrases and
 * as scattered characters: the numbers tell a reviewer how discriminating a
 * query is, and where a naive ranker could be misled.
 *
 * `node scripts/corpus/check-queries.ts [corpusDir]` prints the table and
 * exits non-zero when a case is wrong; `--find 词语 [corpusDir]` lists the
 * notes that contain a phrase, most occurrences first (to choose answers).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toSimplified } from '../../src/lib/to-simplified.ts';
import { REAL_CORPUS_CASES, type RealCorpusCase } from '../../tests/real-corpus-queries.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HAN = /\p{Script=Han}/u;

/**
 * A note's text as a reader sees it, for phrase matching: Markdown and HTML
 * markup and pandoc's backslash escapes dropped, lines joined (pandoc wraps
 * Chinese lines at its spaces), lower case, folded to simplified.
 */
export function searchable(text: string): string {
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\\(.)/g, '$1')
    .replace(/[*`]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, '$1')
    .toLowerCase();
  return toSimplified(plain);
}

/** The words of a query (as the reader spaced them), each matched as a phrase. */
const terms = (query: string) => query.split(/\s+/).map(searchable).filter(Boolean);

function listNotes(dir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.md')) found.push(child);
    }
  };
  walk('');
  return found.sort();
}

const occurrences = (text: string, phrase: string) => text.split(phrase).length - 1;

export interface CaseCheck {
  case: RealCorpusCase;
  /** The answer note exists and has every word of the query (or of `answerSays`) as a phrase. */
  answerHasIt: boolean;
  /** Whether the query itself, folded, is in the answer (false for Taiwan-vocabulary cases: the point of them). */
  queryInAnswer: boolean;
  /** The answer is under the given section heading (undefined when no section is given). */
  sectionFound?: boolean;
  /** Other notes with every word of the query as a phrase. */
  otherPhrase: number;
  /** Other notes with every character and word of the query somewhere, not necessarily together. */
  otherScattered: number;
  /** `alsoRight` notes that do not contain the phrase (should be none). */
  wrongAlsoRight: string[];
}

export function checkCases(dir: string, cases: RealCorpusCase[]): CaseCheck[] {
  const notes = new Map(listNotes(dir).map((note) => [note, searchable(readFileSync(path.join(dir, note), 'utf8'))]));
  return cases.map((item) => {
    const words = terms(item.query);
    const has = (text: string | undefined, phrases: string[]) =>
      text !== undefined && phrases.every((p) => text.includes(p));
    const pieces = [...new Set(words.flatMap((word) => (HAN.test(word) ? [...word] : [word])))];
    const answerText = notes.get(item.answer);
    const answerWords = item.answerSays ? terms(item.answerSays) : words;
    let otherPhrase = 0;
    let otherScattered = 0;
    for (const [note, text] of notes) {
      if (note === item.answer) continue;
      if (has(text, words)) otherPhrase += 1;
      if (has(text, pieces)) otherScattered += 1;
    }
    let sectionFound: boolean | undefined;
    if (item.section && answerText !== undefined) {
      const raw = readFileSync(path.join(dir, item.answer), 'utf8');
      const start = raw
        .split('\n')
        .findIndex((line) => /^#{1,6} /.test(line) && searchable(line).includes(searchable(item.section!)));
      if (start < 0) sectionFound = false;
      else {
        const lines = raw.split('\n');
        const level = /^#+/.exec(lines[start]!)![0].length;
        const end = lines.findIndex(
          (line, index) => index > start && /^#+ /.test(line) && /^#+/.exec(line)![0].length <= level,
        );
        sectionFound = has(searchable(lines.slice(start, end < 0 ? undefined : end).join('\n')), answerWords);
      }
    }
    return {
      case: item,
      answerHasIt: has(answerText, answerWords),
      queryInAnswer: has(answerText, words),
      ...(sectionFound === undefined ? {} : { sectionFound }),
      otherPhrase,
      otherScattered,
      wrongAlsoRight: (item.alsoRight ?? []).filter((note) => !has(notes.get(note), words)),
    };
  });
}

/** Notes that contain a phrase, most occurrences first. */
export function findPhrase(dir: string, phrase: string): { note: string; count: number }[] {
  const words = terms(phrase);
  return listNotes(dir)
    .map((note) => {
      const text = searchable(readFileSync(path.join(dir, note), 'utf8'));
      return { note, count: Math.min(...words.map((word) => occurrences(text, word))) };
    })
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count || (a.note < b.note ? -1 : 1));
}

function main(args: string[]): number {
  if (args[0] === '--find') {
    const dir = path.resolve(args[2] ?? path.join(ROOT, '.corpus/real-notes'));
    const rows = findPhrase(dir, args[1] ?? '');
    for (const row of rows.slice(0, 30)) console.log(`${String(row.count).padStart(5)}  ${row.note}`);
    console.log(`${rows.length} notes`);
    return 0;
  }
  const dir = path.resolve(args[0] ?? path.join(ROOT, '.corpus/real-notes'));
  const checks = checkCases(dir, REAL_CORPUS_CASES);
  let wrong = 0;
  console.log('ok | kind | query | answer | query in answer | section | other notes: phrase / scattered');
  console.log('-- | ---- | ----- | ------ | --------------- | ------- | -------------------------------');
  for (const check of checks) {
    const bad = !check.answerHasIt || check.sectionFound === false || check.wrongAlsoRight.length > 0;
    if (bad) wrong += 1;
    const { query, kind, answer, answerSays, section } = check.case;
    console.log(
      [
        bad ? 'NO' : 'ok',
        kind,
        query,
        answerSays ? `${answer} (says ${answerSays})` : answer,
        check.queryInAnswer ? 'yes' : 'no',
        section ? `${section}${check.sectionFound ? '' : ' NOT FOUND'}` : '',
        `${check.otherPhrase} / ${check.otherScattered}`,
      ].join(' | '),
    );
    for (const note of check.wrongAlsoRight) console.log(`   alsoRight ${note} does not contain the query`);
  }
  const byKind = Object.entries(Object.groupBy(checks, (check) => check.case.kind)).map(
    ([kind, list]) => `${kind} ${list?.length ?? 0}`,
  );
  console.log(`\n${checks.length} cases (${byKind.join(', ')}); ${wrong} wrong`);
  return wrong === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
