/// <reference types="astro/client" />

declare module 'virtual:notes' {
  /** All notes, loaded and rendered by the content pipeline (src/lib/build-notes.ts), their HTML left out. */
  const content: import('./lib/build-notes.ts').SiteContent;
  export default content;
  /** The HTML of a note's introduction, then of each chapter in order. */
  export function partsHtml(note: import('./lib/load-note.ts').Note): string[];
}

/** opencc-js's dictionaries, one module each (`src/lib/to-simplified.ts`): `a b|c d` pairs. */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
