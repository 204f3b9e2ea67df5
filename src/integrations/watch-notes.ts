/**
 * In the dev server, any change in the notes folder (a note or a figure
 * added, edited or removed) loads the notes again.
 */
import path from 'node:path';
import type { ViteDevServer } from 'vite';

export function watchNotes(server: ViteDevServer, notesDir: string, onChange: () => Promise<void>): void {
  server.watcher.add(notesDir);
  const inNotes = (file: string) => path.resolve(file).startsWith(notesDir + path.sep);
  for (const event of ['add', 'change', 'unlink'] as const) {
    server.watcher.on(event, (file: string) => {
      if (inNotes(file)) void onChange();
    });
  }
}
