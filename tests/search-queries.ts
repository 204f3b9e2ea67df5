/**
 * The search query set: what a reader types, and where they must land.
 * Chapters are numbered as in the note (0 is the note's own page).
 * `first`: the chapter that must be the first result; `top`: chapters that
 * must all be among the first three; `notFirst`: chapters that must not be
 * first; `section`: the heading the first result's first section starts with.
 */
export interface SearchCase {
  query: string;
  kind: 'sub-word' | 'mixed and case' | 'traditional' | 'ranking';
  first?: number;
  top?: number[];
  notFirst?: number[];
  section?: string;
}

export const SEARCH_CASES: SearchCase[] = [
  // Sub-words and compounds: a part of a longer word must find it.
  { kind: 'sub-word', query: '接龙', first: 1, section: '1.1' },
  { kind: 'sub-word', query: '龙', top: [1] },
  { kind: 'sub-word', query: '训练', top: [1, 2] },
  { kind: 'sub-word', query: '预训练', first: 1, section: '1.2' },
  { kind: 'sub-word', query: '训练过程', top: [1, 2] },
  { kind: 'sub-word', query: '击破', first: 3, section: '3.1' },
  { kind: 'sub-word', query: '各个击破', first: 3, section: '3.1' },
  { kind: 'sub-word', query: '一步到位', first: 3, section: '3.2' },
  { kind: 'sub-word', query: '专才', first: 4, section: '4.2.1' },
  { kind: 'sub-word', query: '通才', first: 4, section: '4.2.2' },
  { kind: 'sub-word', query: '完形填空', first: 4, section: '4.1' },
  { kind: 'sub-word', query: '跨语种', first: 1, section: '1.2.2' },
  { kind: 'sub-word', query: '扩散模型', first: 3, section: '3.4' },
  { kind: 'sub-word', query: '奖励模型', top: [1, 2] },
  // Mixed Chinese and English, and English in any case.
  { kind: 'mixed and case', query: 'chatgpt 误解', first: 1, section: '1.1' },
  { kind: 'mixed and case', query: 'chatgpt误解', first: 1, section: '1.1' },
  { kind: 'mixed and case', query: 'ChatGPT', first: 1 },
  { kind: 'mixed and case', query: 'WebGPT', first: 2 },
  { kind: 'mixed and case', query: 'webgpt', first: 2 },
  { kind: 'mixed and case', query: 'WEBGPT', first: 2 },
  { kind: 'mixed and case', query: 'GPT-3', first: 1 },
  { kind: 'mixed and case', query: '175B', first: 1, section: '1.2.1' },
  { kind: 'mixed and case', query: 'BERT', first: 4 },
  { kind: 'mixed and case', query: 'bert', first: 4 },
  { kind: 'mixed and case', query: 'Toolformer', first: 2 },
  { kind: 'mixed and case', query: 'toolformer 训练', first: 2 },
  { kind: 'mixed and case', query: 'OpenAI', first: 1, section: '1.1' },
  { kind: 'mixed and case', query: 'new Bing', first: 2 },
  { kind: 'mixed and case', query: 'prompt', first: 4 },
  // Traditional characters find the simplified text (and the note's one traditional heading).
  { kind: 'traditional', query: '預訓練', first: 1, section: '1.2' },
  { kind: 'traditional', query: '增強式學習', first: 1, section: '1.2.3' },
  { kind: 'traditional', query: '文字接龍', first: 1, section: '1.1' },
  { kind: 'traditional', query: '專才', first: 4, section: '4.2.1' },
  { kind: 'traditional', query: '各個擊破', first: 3, section: '3.1' },
  { kind: 'traditional', query: '常見誤解', first: 1, section: '1.1' },
  { kind: 'traditional', query: '常见误解', first: 1, section: '1.1' },
  { kind: 'traditional', query: '對ChatGPT的常見誤解', first: 1, section: '1.1' },
  // Ranking: the chapter whose topic the term is comes before one that mentions it in passing.
  { kind: 'ranking', query: '文字接龙', first: 1, notFirst: [4] },
  { kind: 'ranking', query: '微调', first: 4, top: [1] },
  { kind: 'ranking', query: '生成式学习', first: 3, notFirst: [0] },
  { kind: 'ranking', query: '工具', first: 2 },
  { kind: 'ranking', query: '增强式学习', first: 1, notFirst: [2] },
  { kind: 'ranking', query: '语言模型', first: 4 },
  // The only page with the word comes first, not the one where 多, 语 and 种 stand apart.
  { kind: 'ranking', query: '多语种', first: 1, section: '1.2.2' },
];
