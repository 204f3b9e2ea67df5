/**
 * The Vite plugin that hands pages the notes: `import content from
 * 'virtual:notes'` is the pipeline's result for the current notes. The
 * module only reads them from a JSON file the integration writes: the notes
 * (megabytes of HTML on a large site) never pass through Vite's bundler, and
 * the pages' code stays the same when only notes change. In the dev server a
 * broken note shows in Vite's error overlay and the page reloads when it is
 * fixed (`invalidateNotes`).
 */
import type { Plugin, ViteDevServer } from 'vite';

const VIRTUAL_ID = 'virtual:notes';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/**
 * `current` gives the file the notes as last loaded are written to, or the
 * report of why they could not be loaded.
 */
export function virtualNotes(current: () => { file: string } | { report: string }): Plugin {
  return {
    name: 'study-notes:virtual-notes',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const content = current();
      if ('report' in content) throw new Error(content.report);
      return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(content.file)}, 'utf8'));`;
    },
  };
}

/** Makes pages read the notes again, and reloads the browser. */
export function invalidateNotes(server: ViteDevServer): void {
  const module = server.moduleGraph.getModuleById(RESOLVED_ID);
  if (module) server.moduleGraph.invalidateModule(module);
  server.ws.send({ type: 'full-reload' });
}
