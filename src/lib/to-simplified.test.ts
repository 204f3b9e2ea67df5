import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as FromMainland from 'opencc-js/cn2t';
import * as ToMainland from 'opencc-js/t2cn';
import { toSimplified } from './to-simplified.ts';

describe('toSimplified', () => {
  const cases: [string, string][] = [
    ['預訓練', '预训练'],
    ['增強式學習', '增强式学习'],
    ['文字接龍', '文字接龙'],
    ['專才與通才', '专才与通才'],
    ['各個擊破', '各个击破'],
    ['對ChatGPT的常見誤解', '对ChatGPT的常见误解'],
    ['已经是简体', '已经是简体'],
    ['WebGPT 175B', 'WebGPT 175B'],
  ];
  for (const [traditional, simplified] of cases) {
    it(`${traditional} → ${simplified}`, () => assert.equal(toSimplified(traditional), simplified));
  }

  it("converts as opencc-js's full Taiwan-to-mainland converter does, over the whole note written in Taiwan's characters", () => {
    const note = readFileSync(new URL('../../notes/生成式AI学习笔记.md', import.meta.url), 'utf8');
    const taiwanese = FromMainland.Converter({ from: 'cn', to: 'tw' })(note);
    assert.notEqual(taiwanese, note);
    assert.equal(toSimplified(taiwanese), ToMainland.Converter({ from: 'tw', to: 'cn' })(taiwanese));
  });
});
