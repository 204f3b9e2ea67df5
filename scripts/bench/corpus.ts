/**
 * Generates a benchmark corpus from the real note: `count` notes, each with
 * the note's four chapters, its text varied (so no two notes index alike),
 * its own copy of the 21 figures, a little math and a code block. Deterministic for a
 * given count, so repeated runs build the same notes.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SOURCE = '生成式AI学习笔记';
// Words from the note, swapped in and out to vary the text between copies.
const WORDS = [
  '模型',
  '训练',
  '文字',
  '问题',
  '答案',
  '参数',
  '资料',
  '任务',
  '语言',
  '学习',
  '生成',
  '工具',
  '搜索',
  '策略',
  '品质',
  '速度',
];

/** A small seeded random number generator (mulberry32), so corpora are reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function vary(line: string, next: () => number): string {
  if (!line.trim() || /^(#|!\[|\||---|```)/.test(line.trim())) return line;
  const from = WORDS[Math.floor(next() * WORDS.length)]!;
  const to = WORDS[Math.floor(next() * WORDS.length)]!;
  return line.replaceAll(from, to);
}

export function generateCorpus(count: number, dir: string, root: string): void {
  const source = readFileSync(path.join(root, 'notes', `${SOURCE}.md`), 'utf8');
  const figures = readdirSync(path.join(root, 'notes', SOURCE));
  mkdirSync(dir, { recursive: true });
  for (let index = 1; index <= count; index += 1) {
    const name = `note-${String(index).padStart(4, '0')}`;
    const next = random(index);
    const assets = path.join(dir, name);
    mkdirSync(assets, { recursive: true });
    for (const figure of figures) copyFileSync(path.join(root, 'notes', SOURCE, figure), path.join(assets, figure));
    const day = String((index % 28) + 1).padStart(2, '0');
    const text = source
      .replace(/^title: .*$/m, `title: ${SOURCE} 第${index}篇`)
      .replace(/^date: .*$/m, `date: 2023-03-${day} 19:20:00`)
      .replaceAll(`](${SOURCE}/`, `](${name}/`)
      .split('\n')
      .map((line) => vary(line, next))
      .join('\n')
      // Replacement functions, not strings: in a replacement string `$$` means one `$`.
      .replace(
        '### 1.1 ',
        () =>
          `在第 ${index} 篇里，几率写成 $p(x_t \\mid x_{<t}) = \\mathrm{softmax}(W h_t)_{x_t}$，整句的几率是：\n\n$$\nP(x) = \\prod_{t=1}^{${index + 1}} p(x_t \\mid x_{<t})\n$$\n\n### 1.1 `,
      )
      .replace(
        '### 3.2 ',
        () =>
          `各个击破写成代码是：\n\n\`\`\`python\ndef generate(model, prompt, steps=${index}):\n    text = prompt\n    for _ in range(steps):\n        text += model.next_token(text)  # 一次一个 token\n    return text\n\`\`\`\n\n### 3.2 `,
      );
    writeFileSync(path.join(dir, `${name}.md`), text);
  }
}
