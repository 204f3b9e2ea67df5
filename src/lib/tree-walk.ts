/**
 * Walks a note's HTML tree (hast) as the render step's plugins need it: each
 * element, then its children as the visitor left them, depth first, with the
 * elements around it.
 *
 * Why not `unist-util-visit`, which the plugins that insert or move nodes
 * still use: it makes a closure and a copy of the ancestors' list for every
 * node it passes, and a part's tree is walked a dozen times. Rendering 500
 * notes on one thread, its walks took 2.9 s of 12.7 s and most of the
 * garbage; this walker passes the same elements in the same order with one
 * shared list of ancestors.
 */
import type { Element, Root, RootContent } from 'hast';

/** Returned by a visitor: the element's children are not walked (the element may have been replaced). */
export const SKIP = Symbol('skip children');

/**
 * The elements enclosing the one visited, outermost first (the root, then
 * elements). One list, changed as the walk goes on: read it during the call,
 * and copy it to keep it.
 */
export type Ancestors = readonly (Root | Element)[];

/** What a visitor returns matters only when it is `SKIP`. */
export type ElementVisitor = (element: Element, ancestors: Ancestors) => unknown;

/**
 * Calls `visitor` with each element under `tree` (and `tree` itself when it
 * is one), in document order. A visitor may change the element's children
 * (they are walked as it left them), change elements after it, or replace
 * the element in its parent's children at the same place and return `SKIP`.
 */
export function eachElement(tree: Root | Element, visitor: ElementVisitor): void {
  if (tree.type === 'element' && visitor(tree, []) === SKIP) return;
  walkChildren(tree, visitor, []);
}

function walkChildren(parent: Root | Element, visitor: ElementVisitor, ancestors: (Root | Element)[]): void {
  ancestors.push(parent);
  // Read again at each step: a visitor may have replaced the list (`figure.children = …`) or a child in it.
  for (let index = 0; index < parent.children.length; index += 1) {
    const child: RootContent = parent.children[index]!;
    if (child.type !== 'element') continue;
    if (visitor(child, ancestors) !== SKIP) walkChildren(child, visitor, ancestors);
  }
  ancestors.pop();
}

/** Whether some element under `tree` (or `tree` itself) passes `test`; stops at the first. */
export function someElement(tree: Root | Element, test: (element: Element) => boolean): boolean {
  if (tree.type === 'element' && test(tree)) return true;
  for (const child of tree.children) if (child.type === 'element' && someElement(child, test)) return true;
  return false;
}
