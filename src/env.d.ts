/// <reference types="astro/client" />

declare module 'virtual:notes' {
  /** All notes, loaded and rendered by the content pipeline (src/lib/build-notes.ts), their HTML left out. */
  const content: import('./lib/build-notes.ts').SiteContent;
  export default content;
  /** The HTML of a note's introduction (`part` 0) or of its chapter `part` (from 1). */
  export function partHtml(note: import('./lib/load-note.ts').Note, part: number): string;
}

/** opencc-js's dictionaries, one module each (`src/lib/to-simplified.ts`): `a b|c d` pairs. */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
