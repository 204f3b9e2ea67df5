/**
 * Markdown's definitions belong to the whole document, but a note is split
 * into pages: a `[^1]` in chapter 1 whose text stands at the end of the note,
 * or `![图][fig]` whose `[fig]: …` is in another chapter, would lose it.
 * These steps run on the Markdown tree around the split, so every page has
 * what its references point to.
 */
import type { FootnoteDefinition, Root, RootContent } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from './problems.ts';

/**
 * Replaces `[text][ref]` and `![alt][ref]` by the link or image their
 * definition gives, and drops the definitions (they show nothing), so later
 * steps (figures, pages) see every link and image where it is used.
 * Before the split, on the whole note.
 */
export function inlineReferences(tree: Root): Root {
  const definitions = new Map<string, { url: string; title: string | null | undefined }>();
  visit(tree, 'definition', (node) => {
    // The first definition of a label wins, as in CommonMark.
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, { url: node.url, title: node.title });
  });
  if (definitions.size === 0) return tree;
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === 'definition') {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.type !== 'linkReference' && node.type !== 'imageReference') return;
    const definition = definitions.get(node.identifier);
    // The parser only makes references of labels that are defined; keep anything else as written.
    if (!definition) return;
    const { url, title } = definition;
    parent.children[index] =
      node.type === 'imageReference'
        ? { type: 'image', url, title, alt: node.alt, position: node.position }
        : { type: 'link', url, title, children: node.children, position: node.position };
    return undefined;
  });
  return tree;
}

/**
 * Gives each part (introduction, chapters) a copy of every footnote its text
 * refers to, wherever in the note the footnote is written; a footnote that
 * nothing refers to would not be shown on any page, so it is reported.
 * After the split; problems go on `file`.
 */
export function shareFootnotes(parts: Root[], file: VFile): Root[] {
  const footnotes = new Map<string, FootnoteDefinition>();
  for (const part of parts) {
    visit(part, 'footnoteDefinition', (node) => {
      if (!footnotes.has(node.identifier)) footnotes.set(node.identifier, node);
    });
  }
  const referenced = new Set<string>();
  const shared = parts.map((part) => {
    const present = new Set<string>();
    visit(part, 'footnoteDefinition', (node) => {
      present.add(node.identifier);
    });
    const added: RootContent[] = [];
    // A footnote's own text may refer to another footnote: follow until nothing new.
    let pending = referencesIn(part);
    while (pending.length > 0) {
      const next: string[] = [];
      for (const identifier of pending) {
        referenced.add(identifier);
        const footnote = footnotes.get(identifier);
        if (!footnote || present.has(identifier)) continue;
        present.add(identifier);
        added.push(structuredClone(footnote));
        next.push(...referencesIn(footnote));
      }
      pending = next;
    }
    return added.length > 0 ? { ...part, children: [...part.children, ...added] } : part;
  });
  for (const footnote of footnotes.values()) {
    if (referenced.has(footnote.identifier)) continue;
    const label = footnote.label ?? footnote.identifier;
    report(file, {
      at: footnote,
      message: `the footnote [^${label}] is never referred to, so it would not be shown`,
      hint: `refer to it in the text with [^${label}], or delete it`,
      rule: 'orphan-footnote',
    });
  }
  return shared;
}

function referencesIn(node: Root | FootnoteDefinition): string[] {
  const identifiers: string[] = [];
  visit(node, 'footnoteReference', (reference) => {
    identifiers.push(reference.identifier);
  });
  return identifiers;
}
