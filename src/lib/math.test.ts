import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { checkMath } from './math.ts';
import { parseMarkdown } from './parse-note.ts';
import { problemsIn } from './problems.ts';

const SYNTAX = { mdx: false, math: true };

/** Checks the math of `markdown` as a note: what is left as math, the text a reader sees, and the problems. */
function check(markdown: string) {
  const file = new VFile({ path: 'notes/a.md', value: markdown });
  const tree: Root = parseMarkdown(markdown, SYNTAX);
  checkMath(tree, file, (fragment) => parseMarkdown(fragment, SYNTAX));
  const math: string[] = [];
  visit(tree, ['inlineMath', 'math'], (node) => {
    if ('value' in node) math.push(node.value as string);
  });
  tree.children = tree.children.filter((node) => node.type !== 'yaml');
  return { math, text: toString(tree), problems: problemsIn(file) };
}

describe('checkMath', () => {
  const literal: [string, string][] = [
    ['shell positional parameters', '用 $1, $2, ..., $9 来替代变量。'],
    ['environment variables', '程序会根据您的 $PATH 环境变量和 $HOME 目录确定路径。'],
    ['Perl replacement strings', '对 Perl 替换字符串来说，应使用“$&”而非“&”，应使用“$n”而非“\\n”。'],
    ['prices', 'A costs $5 and B costs $10.'],
    ['prices without spaces', 'From $20,000 to $30,000.'],
    ['pandoc-escaped shell text', '打印 \\[$x,$y\\] 两个字段'],
    ['a dollar sign next to a word', 'echo $HOME$PATH'],
    ['the shell’s process id, at the start of a line', '$$ 展开为 shell 的进程号。\n\n下一段 $x 也是文本。'],
    ['dollar signs in a list item and a quote', '- 设置 $PATH 和 $HOME 变量\n\n> 引用 $1 和 $2 参数'],
    ['dollar signs in a heading that reads like a list', '# 1. 选项 $a 与 $b 的区别'],
  ];
  for (const [name, markdown] of literal) {
    it(`keeps ${name} as the author typed them, dollar signs included`, () => {
      const { math, text, problems } = check(markdown);
      assert.deepEqual(math, []);
      const expected = toString(parseMarkdown(markdown.replaceAll('$', '\\$'), SYNTAX));
      assert.equal(text, expected);
      assert.ok(text.includes('$'));
      assert.ok(problems.length > 0 && problems.every((p) => p.severity === 'warning' && p.line >= 1));
    });
  }

  const tex: [string, string, string[]][] = [
    ['inline TeX', '质能方程 $E=mc^2$。', ['E=mc^2']],
    ['a subscript with a command', '权重 $\\alpha_i$ 之和', ['\\alpha_i']],
    ['math followed by Han characters', '设$x$为实数', ['x']],
    ['display math', '$$\n\\sum_{i=1}^n x_i\n$$\n', ['\\sum_{i=1}^n x_i']],
    ['Han characters inside \\text', '$x = \\text{长度}$', ['x = \\text{长度}']],
    ['real math after a literal $$ line', '$$ 是进程号。\n\n正文 $y^2$ 是公式\n', ['y^2']],
    ['display math after a literal $$ line', '$$ 是进程号。\n\n公式：\n\n$$\n\\sum x\n$$\n\n完。\n', ['\\sum x']],
    ['math in a list, a quote and a table', '- 项 $a$\n\n> 引 $b$\n\n| x |\n| - |\n| $c$ |\n', ['a', 'b', 'c']],
  ];
  for (const [name, markdown, expected] of tex) {
    it(`typesets ${name}`, () => {
      const { math, problems } = check(markdown);
      assert.deepEqual(math, expected);
      assert.deepEqual(
        problems.filter((p) => p.severity === 'error'),
        [],
      );
    });
  }

  it('keeps emphasis around a dollar variable that is not TeX', () => {
    const markdown = '编辑器由 *$EDITOR* 与 *$VISUAL* 决定';
    const file = new VFile({ path: 'notes/a.md', value: markdown });
    const tree = parseMarkdown(markdown, SYNTAX);
    checkMath(tree, file, (fragment) => parseMarkdown(fragment, SYNTAX));
    const emphasis: string[] = [];
    visit(tree, 'emphasis', (node) => {
      emphasis.push(toString(node));
    });
    assert.equal(toString(tree), '编辑器由 $EDITOR 与 $VISUAL 决定');
    assert.deepEqual(emphasis, ['$EDITOR', '$VISUAL']);
  });

  it('reports display math KaTeX cannot read as an error at its own line, front matter counted', () => {
    const { problems } = check('---\ntitle: x\n---\n\n正文\n\n$$\n\\frac{1}{\n$$\n');
    assert.deepEqual(
      problems.map((p) => [p.line, p.severity]),
      [[7, 'error']],
    );
    assert.match(problems[0]!.message, /^invalid TeX: KaTeX parse error/);
    assert.match(problems[0]!.hint, /TeX/);
  });

  it('reports an inline span that is not TeX as a warning at its line, saying why', () => {
    const { problems } = check('第一行\n\n第三行 $PATH 和 $HOME 的值');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.line, 3);
    assert.equal(problems[0]!.severity, 'warning');
    assert.match(problems[0]!.message, /`\$PATH 和 \$` is not TeX \(a space comes before the closing dollar sign\)/);
  });

  it("routes KaTeX's own warnings to the note's problems, at the line", () => {
    const { math, problems } = check('\n\n$$\na \\\\ b\n$$\n');
    assert.deepEqual(math, ['a \\\\ b']);
    assert.ok(problems.length > 0);
    assert.ok(problems.every((p) => p.severity === 'warning' && p.line === 3 && /^KaTeX: /.test(p.message)));
  });

  const links: [string, string, RegExp | undefined][] = [
    ['an http link', '$\\href{https://katex.org}{x}$', undefined],
    ['a fragment link', '$\\url{#公式}$', undefined],
    [
      'a javascript: link',
      '$\\href{javascript:alert(1)}{x}$',
      /\\href\{javascript:alert\(1\)\} is not a link a note may publish/,
    ],
    ['a data: URL', '$\\url{data:text/html,x}$', /\\url\{data:text\/html,x\} is not a link/],
    [
      'an image from anywhere',
      '$\\includegraphics{https://example.org/a.png}$',
      /\\includegraphics is not allowed in notes/,
    ],
  ];
  for (const [name, markdown, says] of links) {
    it(`${says ? 'reports' : 'keeps'} ${name} in TeX`, () => {
      const { math, problems } = check(`\n${markdown}\n`);
      assert.equal(math.length, 1, 'still math');
      if (!says) return assert.deepEqual(problems, []);
      assert.equal(problems.length, 1);
      assert.equal(problems[0]!.line, 2);
      assert.equal(problems[0]!.severity, 'warning');
      assert.match(problems[0]!.message, says);
    });
  }
});
