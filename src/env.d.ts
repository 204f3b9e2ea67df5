/// <reference types="astro/client" />

declare module 'virtual:notes' {
  /** All notes, loaded and rendered by the content pipeline (src/integrations/notes.ts). */
  const content: import('./lib/build-notes.ts').SiteContent;
  export default content;
}

/** opencc-js's dictionaries, one module each (`src/lib/to-simplified.ts`): `a b|c d` pairs. */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
