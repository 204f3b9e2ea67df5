/**
 * The Vite plugin that hands pages the notes: `import content from
 * 'virtual:notes'` is the pipeline's result for the current notes. In the dev
 * server a broken note shows in Vite's error overlay and the page reloads
 * when it is fixed (`invalidateNotes`).
 */
import type { Plugin, ViteDevServer } from 'vite';
import type { SiteContent } from '../lib/build-notes.ts';

const VIRTUAL_ID = 'virtual:notes';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** `current` gives the notes as last loaded, or the report of why they could not be. */
export function virtualNotes(current: () => SiteContent | { report: string }): Plugin {
  return {
    name: 'study-notes:virtual-notes',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const content = current();
      if ('report' in content) throw new Error(content.report);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(content))});`;
    },
  };
}

/** Makes pages read the notes again, and reloads the browser. */
export function invalidateNotes(server: ViteDevServer): void {
  const module = server.moduleGraph.getModuleById(RESOLVED_ID);
  if (module) server.moduleGraph.invalidateModule(module);
  server.ws.send({ type: 'full-reload' });
}
