/**
 * The search floor (`floors.ts`): Pagefind alone, as its own users run it,
 * indexing a built site's pages (the folder, the first argument) with its
 * defaults, its files kept in memory as the site's build keeps them. Run by
 * the bench as a process of its own; it prints how many pages it indexed,
 * and the milliseconds from starting Pagefind to having its files (this
 * process's own start-up not counted, as the build's search step does not
 * count the build's).
 */
import * as pagefind from 'pagefind';

const site = process.argv[2];
if (!site) throw new Error('usage: floor-pagefind.ts <built site>');
const started = performance.now();
try {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: site, glob: '**/*.html' });
  if (added.errors.length > 0) throw new Error(added.errors.join('; '));
  const files = await index.getFiles();
  if (files.errors.length > 0) throw new Error(files.errors.join('; '));
  console.log(
    JSON.stringify({ pages: added.page_count, files: files.files.length, milliseconds: performance.now() - started }),
  );
} finally {
  await pagefind.close();
}
