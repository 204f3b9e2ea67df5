/// <reference types="astro/client" />

declare module 'virtual:notes' {
  /** All notes, loaded and rendered by the content pipeline (src/integrations/notes.ts). */
  const content: import('./lib/build-notes.ts').SiteContent;
  export default content;
}
