/**
 * `npm run bench`: builds the real note and measures what the issues ask
 * for, printing one table and writing the same as bench/results.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSite, builtSite, ROOT } from '../tests/helpers/sites.ts';
import { ensureChromium } from '../tests/helpers/browser.ts';
import { benchSearch } from './bench/search.ts';

const CHAPTER_1 = `${encodeURIComponent('生成式ai学习笔记')}/${encodeURIComponent('1-chatgpt-原理剖析')}/`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

ensureChromium();
buildSite('root');
const search = await benchSearch(builtSite('root'), CHAPTER_1);

const rows: [string, string][] = [
  ['search index (index + fragments)', kb(search.indexBytes)],
  ['search runtime (pagefind.js + wasm)', kb(search.runtimeBytes)],
  ['first search: bytes fetched (raw / gzip)', `${kb(search.firstSearchBytes)} / ${kb(search.firstSearchGzipBytes)} in ${search.firstSearchRequests} requests`],
  ['query latency after the first (median / p95)', `${search.medianMs.toFixed(1)} ms / ${search.p95Ms.toFixed(1)} ms`],
  ['query set: this site', `${search.score}/${search.cases}`],
  ['query set: Pagefind alone, same pages', `${search.pagefindAloneScore}/${search.cases}`],
];
const width = Math.max(...rows.map(([name]) => name.length));
console.log('\nsearch (the generative-AI note)');
for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`);
console.log('\nPagefind alone fails:');
for (const failure of search.pagefindAloneFailures) console.log(`  ${failure}`);

mkdirSync(path.join(ROOT, 'bench'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench/results.json'), `${JSON.stringify({ search }, null, 2)}\n`);
