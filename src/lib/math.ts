/**
 * Decides which dollar signs in a note are TeX. Shell, Perl and price text
 * (`$PATH`, `$1`, `$&`, `$5`) is common in real notes and must reach the page
 * as the author typed it, dollar signs included; real TeX (`$E=mc^2$`,
 * `$\alpha_i$`, `$$\sum_{i=1}^n x_i$$`) must still be typeset.
 *
 * The rule, after pandoc's `tex_math_dollars`: inline math opens with a `$`
 * followed by a non-space, closes with a `$` preceded by a non-space and not
 * followed by a Latin letter or digit (`$x,$y` is shell, `$x$是` is math), and
 * must be TeX that KaTeX reads without calling it text (Han outside `\text{}`).
 * A span that fails is read again with its opening dollar sign escaped, so
 * the author's text comes back with its own emphasis and code, and a warning
 * names its line. A `$$` block with text after its opening `$$`, or with no
 * closing `$$` line, was not meant as display math (`$$` is also the shell's
 * process id) and is read again the same way. Display math KaTeX cannot read
 * is an error.
 * @see https://pandoc.org/MANUAL.html#extension-tex_math_dollars
 */
import katex, { type KatexOptions } from 'katex';
import type { Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { Math as DisplayMath, InlineMath } from 'mdast-util-math';
import type { VFile } from 'vfile';
import { report } from './problems.ts';
import { shownUrl, trustTex } from './url-policy.ts';

/**
 * KaTeX's settings for notes, shared by the check here and the typesetting in `render.ts`.
 * `\href` and `\url` become links when their URL is one a note may link to (`url-policy.ts`).
 */
export const KATEX_OPTIONS: KatexOptions = { output: 'htmlAndMathml', throwOnError: true, trust: trustTex };

/** Parses Markdown with math as the note is parsed (positions relative to the text given). */
export type Parse = (text: string) => Root;

/** What KaTeX makes of `tex`: an error, or the warnings it has (none: plain TeX). */
export function readTex(
  tex: string,
  displayMode: boolean,
): { error?: string; warnings: { code: string; message: string }[] } {
  const warnings: { code: string; message: string }[] = [];
  try {
    katex.renderToString(tex, {
      ...KATEX_OPTIONS,
      displayMode,
      strict: (code: string, message: string) => {
        warnings.push({ code, message });
        return 'ignore';
      },
      // KaTeX shows a command it does not trust as its red name and drops its text: the author hears why.
      trust: (context) => {
        const trusted = trustTex(context);
        if (!trusted) warnings.push({ code: 'untrusted', message: untrustedMessage(context) });
        return trusted;
      },
    });
    return { warnings };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error), warnings };
  }
}

function untrustedMessage(context: { command: string; url?: string }): string {
  return context.url !== undefined && (context.command === '\\href' || context.command === '\\url')
    ? `${context.command}{${shownUrl(context.url)}} is not a link a note may publish (only relative, http(s) and mailto: links are), so it is shown as its command name`
    : `${context.command} is not allowed in notes (it could load or change things outside the formula), so it is shown as its command name`;
}

/** Why the inline span `source` (as typed, dollar signs included) is not TeX, or undefined if it is. */
export function whyNotInlineTex(source: string, value: string, next: string | undefined): string | undefined {
  const marker = /^\$+/.exec(source)?.[0] ?? '$';
  const inner = source.slice(marker.length, source.length - marker.length);
  if (/^\s/.test(inner)) return 'a space follows the opening dollar sign';
  if (/\s$/.test(inner)) return 'a space comes before the closing dollar sign';
  if (next !== undefined && /[A-Za-z0-9]/.test(next)) return `the closing dollar sign is followed by "${next}"`;
  const { error, warnings } = readTex(value, false);
  if (error) return `KaTeX cannot read it: ${error.replace(/^KaTeX parse error: /, '')}`;
  if (warnings.some((warning) => warning.code === 'unicodeTextInMathMode')) return 'it holds text, not math';
  return undefined;
}

/**
 * Checks every math node of `tree`, the whole note parsed from `file`:
 * what is not TeX becomes the author's text again (a warning), display math
 * KaTeX cannot read is an error, and KaTeX's own warnings are reported.
 */
export function checkMath(tree: Root, file: VFile, parse: Parse): void {
  checkTree(tree, { text: String(file.value), lineShift: 0, file, parse });
}

interface Source {
  /** The text `tree`'s offsets point into: the file, or a piece of it read again. */
  text: string;
  /** Lines before that text's first line in the file. */
  lineShift: number;
  file: VFile;
  parse: Parse;
}

// Read again, a piece starts with this so that `1. 选项` or `# x` stay the text of the line they were on.
const NEUTRAL = '\u2060';

/** Checks the math in `tree`; what a piece read again holds was checked as it was read, and is not visited twice. */
function checkTree(tree: Parent, source: Source): void {
  for (let index = 0; index < tree.children.length; index += 1) {
    const node = tree.children[index] as RootContent;
    if (node.type === 'math') {
      const rest = tree.children.slice(index) as RootContent[];
      const blocks = checkDisplay(node, rest, source);
      if (blocks) {
        // What follows a `$$` that opened nothing was read again with it: it replaces the rest of the container.
        tree.children.splice(index, tree.children.length - index, ...blocks);
        return;
      }
      continue;
    }
    if (!('children' in node)) continue;
    if (!PHRASING_BLOCKS.has(node.type)) {
      checkTree(node, source);
      continue;
    }
    const verdicts = spansIn(node).map((span) => ({ span, why: whyNot(span, source) }));
    const notTex = verdicts.find(({ why }) => why !== undefined);
    if (!notTex) {
      for (const { span } of verdicts) reportWarnings(span, false, source);
      continue;
    }
    const typed = source.text.slice(...offsets(notTex.span));
    report(source.file, {
      at: fileLine(notTex.span, source),
      message: `${quote(typed)} is not TeX (${notTex.why}), so it is shown as written`,
      hint: notTex.why?.startsWith('KaTeX')
        ? 'if this is meant as math, fix the TeX; if the dollar signs are literal text, nothing to do (or write them as `\\$`)'
        : 'nothing to do if these are literal dollar signs; to typeset math, write TeX between the dollar signs with no space inside them, or switch math off for the note with `math: false` in its front matter',
      severity: 'warning',
      rule: 'not-tex',
    });
    // The whole paragraph (heading, cell) is read again: a span may have taken emphasis or code markers with it.
    const content = readAgain(node, notTex.span, source);
    if (content) (node as Parent).children = content;
    else replaceSpan(node, notTex.span, textOf(notTex.span, source));
  }
}

// Blocks whose content is text: a span is read again within them, never across them.
const PHRASING_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** The inline math spans in `node`, in the order they are written. */
function spansIn(node: Parent): InlineMath[] {
  const spans: InlineMath[] = [];
  const walk = (parent: Parent) => {
    for (const child of parent.children) {
      if (child.type === 'inlineMath') spans.push(child as InlineMath);
      else if ('children' in child) walk(child);
    }
  };
  walk(node);
  return spans;
}

function replaceSpan(parent: Parent, span: InlineMath, text: PhrasingContent): void {
  const index = parent.children.indexOf(span);
  if (index !== -1) parent.children.splice(index, 1, text);
  else for (const child of parent.children) if ('children' in child) replaceSpan(child, span, text);
}

/** Why an inline span of the text is not TeX, or undefined if it is. */
function whyNot(span: InlineMath, source: Source): string | undefined {
  const [start, end] = offsets(span);
  return whyNotInlineTex(source.text.slice(start, end), span.value, source.text[end]);
}

/**
 * Blocks to put in place of a `$$` block that is not display math, and of
 * everything after it in its container (`rest`, the block first): the parser
 * paired its `$$` with a later one, so what follows is read again too.
 * Undefined keeps the block.
 */
function checkDisplay(node: DisplayMath, rest: RootContent[], source: Source): RootContent[] | undefined {
  const [start, end] = offsets(node);
  const typed = source.text.slice(start, end);
  const closed = /\n[ \t>]*\${2,}[ \t]*$/.test(typed);
  if (node.meta || !closed) {
    report(source.file, {
      at: fileLine(node, source),
      message: `${quote(typed.split('\n', 1)[0] ?? '')} opens no display math (${node.meta ? 'text follows the `$$`' : 'no `$$` line closes it'}), so it is shown as written`,
      hint: 'nothing to do if this `$$` is literal; for display math put `$$` alone on the lines before and after the TeX',
      severity: 'warning',
      rule: 'not-tex',
    });
    const last = rest.at(-1)?.position?.end.offset ?? end;
    const again = parseAgain(source.text.slice(start, Math.max(end, last)), node, source);
    return (
      again?.children ?? [
        { type: 'paragraph', children: [textOf(node, source)], position: node.position },
        ...rest.slice(1),
      ]
    );
  }
  const { error } = readTex(node.value, true);
  if (error) {
    report(source.file, {
      at: fileLine(node, source),
      message: `invalid TeX: ${error}`,
      hint: 'fix the TeX between the `$$` lines; write a literal dollar sign as `\\$`',
      rule: 'invalid-tex',
    });
    return undefined;
  }
  reportWarnings(node, true, source);
  return undefined;
}

/** The phrasing content of `parent` read again with `span`'s opening dollar sign escaped, or undefined. */
function readAgain(parent: Parent, span: InlineMath, source: Source): PhrasingContent[] | undefined {
  const first = parent.children[0];
  const last = parent.children.at(-1);
  if (!first?.position || !last?.position) return undefined;
  const from = first.position.start.offset ?? 0;
  const to = last.position.end.offset ?? 0;
  const again = parseAgain(source.text.slice(from, to), first, source, offsets(span)[0] - from);
  const [paragraph] = again?.children ?? [];
  if (again?.children.length !== 1 || paragraph?.type !== 'paragraph') return undefined;
  return paragraph.children;
}

/**
 * Parses `piece` (the text from where `node` starts) again, the dollar signs
 * at `escapeAt` (default: its start) escaped,
 * continuation lines freed of their container's prefix (`> `, a list's
 * indent); checks its math in turn and gives its nodes file lines.
 */
function parseAgain(
  piece: string,
  node: RootContent | PhrasingContent,
  source: Source,
  escapeAt = 0,
): Root | undefined {
  const column = node.position?.start.column ?? 1;
  const dollars = /^\$+/.exec(piece.slice(escapeAt))?.[0] ?? '';
  const escaped = piece.slice(0, escapeAt) + dollars.replace(/\$/g, '\\$') + piece.slice(escapeAt + dollars.length);
  const text =
    NEUTRAL +
    escaped
      .split('\n')
      .map((line, index) => (index === 0 ? line : line.replace(new RegExp(`^[ \\t>]{0,${column - 1}}`), '')))
      .join('\n');
  const tree = source.parse(text);
  const lineShift = source.lineShift + (node.position?.start.line ?? 1) - 1;
  checkTree(tree, { ...source, text, lineShift });
  removeNeutral(tree);
  placeInFile(tree, lineShift);
  return tree;
}

function removeNeutral(tree: Root): void {
  let container: Parent | undefined = tree;
  while (container) {
    const first: RootContent | undefined = container.children[0] as RootContent | undefined;
    if (first?.type === 'text') {
      first.value = first.value.replace(NEUTRAL, '');
      if (!first.value) container.children.shift();
      return;
    }
    container = first && 'children' in first ? first : undefined;
  }
}

/** Gives a piece's nodes the file's line numbers; its offsets no longer point into the file, so they go. */
function placeInFile(tree: Root, lineShift: number): void {
  const walk = (node: Root | RootContent) => {
    for (const point of node.position ? [node.position.start, node.position.end] : []) {
      point.line += lineShift;
      point.offset = undefined;
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
}

/** KaTeX's warnings about TeX it did read (LaTeX-incompatible input), at the node's line. */
function reportWarnings(node: InlineMath | DisplayMath, displayMode: boolean, source: Source): void {
  for (const warning of readTex(node.value, displayMode).warnings) {
    const untrusted = warning.code === 'untrusted';
    report(source.file, {
      at: fileLine(node, source),
      message: `KaTeX: ${warning.message}`,
      hint: untrusted
        ? 'in \\href and \\url use a relative, http(s):// or mailto: address; other such commands cannot be used in notes'
        : 'the math is typeset; write it as LaTeX would accept it to silence this',
      severity: 'warning',
      rule: untrusted ? 'unsafe-url' : 'tex-warning',
    });
  }
}

function offsets(node: InlineMath | DisplayMath): [number, number] {
  return [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0];
}

function textOf(node: InlineMath | DisplayMath, source: Source): PhrasingContent {
  const [start, end] = offsets(node);
  return { type: 'text', value: source.text.slice(start, end).replace(NEUTRAL, ''), position: node.position };
}

function fileLine(node: InlineMath | DisplayMath, source: Source) {
  return { line: (node.position?.start.line ?? 1) + source.lineShift, column: node.position?.start.column ?? 1 };
}

function quote(typed: string): string {
  const flat = typed.replace(NEUTRAL, '').replace(/\s+/g, ' ');
  return `\`${flat.length > 40 ? `${flat.slice(0, 39)}…` : flat}\``;
}
