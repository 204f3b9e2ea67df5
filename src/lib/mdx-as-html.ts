/**
 * Remark plugin for `.mdx` notes: HTML written as JSX (`<details>`, `<kbd>`)
 * becomes HTML; what only runs as code (imports, `{expressions}`, components)
 * is reported with its line instead of being silently dropped.
 */
import { h } from 'hastscript';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from './problems.ts';

const CODE_NODES = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']);
const HINT =
  "notes are rendered as documents: write HTML elements (lowercase) and Markdown; move code into the site's components";

export function remarkMdxAsHtml() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (CODE_NODES.has(node.type)) {
        report(file, {
          at: node,
          message: `MDX code (${node.type === 'mdxjsEsm' ? 'import/export' : '{expression}'}) is not supported in notes`,
          hint: HINT,
          rule: 'mdx-code',
        });
        return;
      }
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const element = node as MdxJsxFlowElement | MdxJsxTextElement;
      if (element.name && !/^[a-z][a-z0-9-]*$/.test(element.name)) {
        report(file, {
          at: element,
          message: `the component <${element.name}> cannot be rendered in a note`,
          hint: HINT,
          rule: 'mdx-component',
        });
        return;
      }
      const attributes: Record<string, string | boolean> = {};
      for (const attribute of element.attributes) {
        if (attribute.type === 'mdxJsxAttribute' && (attribute.value === null || typeof attribute.value === 'string')) {
          attributes[attribute.name] = attribute.value ?? true;
        } else {
          report(file, {
            at: element,
            message: 'computed JSX attributes are not supported in notes',
            hint: HINT,
            rule: 'mdx-code',
          });
        }
      }
      // A fragment (`<>…</>`) keeps its children in a neutral wrapper.
      const name = element.name ?? (element.type === 'mdxJsxFlowElement' ? 'div' : 'span');
      // hastscript reads attributes as HTML does (`class`/`className`, `onclick`, booleans), so the sanitizer judges them as such.
      element.data = { ...element.data, hName: name, hProperties: h(name, attributes).properties };
    });
  };
}
