/**
 * A notes collection the size of a real one: hundreds or thousands of notes
 * filed under nested Hexo categories (`[学科, 方向]`, some under two paths,
 * some three levels deep), tagged, dated over several years. Two shapes:
 * - `writeBriefNotes`: small notes (an introduction, two chapters, a figure),
 *   for tests of the home, category, tag and archive pages and of offline
 *   reading at scale, which need many notes but not long ones;
 * - `fileIntoCategories`: gives the notes of a benchmark corpus (`corpus.ts`)
 *   the same categories, tags and dates, so the benchmark's home page is a real one;
 * and `rasterizeFigures`: turns a note's SVG figures into 1600-pixel PNG
 * screenshots, as real notes have. Deterministic for a given count.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const SUBJECTS: [string, string[]][] = [
  ['编程', ['Python', 'Rust', '前端', '数据库']],
  ['数学', ['线性代数', '概率论', '微积分']],
  ['机器学习', ['深度学习', '强化学习', '生成式AI', '推荐系统']],
  ['系统', ['Linux', '网络', '操作系统']],
  ['语言', ['英语', '日语']],
  ['读书', ['历史', '经济', '心理学']],
  ['算法学习', ['动态规划', '图论', '字符串']],
  ['工具', ['Git', '编辑器']],
];
const TAGS = [
  '入门',
  '复习',
  '考试',
  '面试',
  '笔记整理',
  '论文',
  '实践',
  '总结',
  'AI',
  'Python',
  'Linux',
  '公式',
  '图解',
  '错题',
  '速查',
  '课程',
  '读书会',
  '项目',
  '工具链',
  '待补充',
];

/** The front matter fields of note `index` (1-based): title prefix, date, categories, tags. */
export function filing(index: number): {
  subject: string;
  area: string;
  date: string;
  categories: string;
  tags: string[];
} {
  const [subject, areas] = SUBJECTS[index % SUBJECTS.length]!;
  const area = areas[Math.floor(index / SUBJECTS.length) % areas.length]!;
  // Newest first by index: note 1 is the latest, spread back over seven years.
  const day = new Date(Date.UTC(2025, 5, 30) - index * 1.6 * 24 * 3600 * 1000);
  const date = `${day.toISOString().slice(0, 10)} ${String(8 + (index % 12)).padStart(2, '0')}:00:00`;
  let categories = `\n  - [${subject}, ${area}]`;
  // Every seventh note is filed under a second path; every eleventh one level deeper.
  if (index % 7 === 0) categories += `\n  - [读书, ${SUBJECTS[5]![1][index % 3]}]`;
  if (index % 11 === 0) categories = `\n  - [${subject}, ${area}, 进阶]`;
  // Zipf-like: the first tags are used far more than the last.
  const tags = [TAGS[index % 3]!, TAGS[3 + (index % 17)]!];
  return { subject, area, date, categories, tags };
}

function frontMatter(title: string, index: number): string {
  const { date, categories, tags } = filing(index);
  return `---\ntitle: ${title}\ndate: ${date}\ncategories:${categories}\ntags: [${tags.join(', ')}]\n---\n`;
}

/** A word only note `index` contains, to search for it. */
export const uniqueWord = (index: number) => `kw${String(index).padStart(4, '0')}`;

/** The file name (without `.md`) of note `index`. */
export const briefNoteName = (index: number) => `note-${String(index).padStart(4, '0')}`;

/** Writes `count` small notes into `dir` (emptied first). */
export function writeBriefNotes(count: number, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let index = 1; index <= count; index += 1) {
    const { subject, area } = filing(index);
    const name = briefNoteName(index);
    mkdirSync(path.join(dir, name));
    writeFileSync(
      path.join(dir, name, '示意图.svg'),
      `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="120" viewBox="0 0 320 120"><desc>第 ${index} 篇笔记的示意图</desc><rect x="10" y="10" width="300" height="100" rx="8" fill="#e3eef6" stroke="#1f5f8b"/><text x="160" y="68" text-anchor="middle" font-size="20">${area} ${index}</text></svg>\n`,
    );
    writeFileSync(
      path.join(dir, `${name}.md`),
      `${frontMatter(`${area}笔记 第${index}篇`, index)}
这是第 ${index} 篇笔记，记的是${subject}里的${area}。检索用的关键词：${uniqueWord(index)}。

# 1 概念

${area}的第 ${index} 个概念：先写定义，再举例子。例子要小，一眼能看完。

![示意图](${name}/示意图.svg)

# 2 练习

做完练习再回头看概念，第 ${index} 篇的练习题有三道。
`,
    );
  }
}

/** Gives each note of a benchmark corpus (`note-0001.md`, …) the categories, tags and date of `filing`. */
export function fileIntoCategories(dir: string): void {
  for (const file of readdirSync(dir).filter((name) => /^note-\d+\.md$/.test(name))) {
    const index = Number(/\d+/.exec(file)![0]);
    const text = readFileSync(path.join(dir, file), 'utf8');
    const title = /^title: (.*)$/m.exec(text)?.[1] ?? file;
    const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
    writeFileSync(path.join(dir, file), frontMatter(title, index) + body);
  }
}

/**
 * Replaces the SVG figures of a note by PNG screenshots 1600 px wide (rasterized
 * with sharp) and points the note at them; returns the PNGs' total bytes.
 */
export async function rasterizeFigures(notePath: string, assets: string): Promise<number> {
  let total = 0;
  let text = readFileSync(notePath, 'utf8');
  for (const svg of readdirSync(assets).filter((name) => name.endsWith('.svg'))) {
    const png = svg.replace(/\.svg$/, '.png');
    const info = await sharp(path.join(assets, svg), { density: 288 })
      .resize({ width: 1600 })
      .flatten({ background: '#ffffff' })
      .png()
      .toFile(path.join(assets, png));
    total += info.size;
    rmSync(path.join(assets, svg));
    text = text.replaceAll(`/${svg})`, `/${png})`);
  }
  writeFileSync(notePath, text);
  return total;
}
