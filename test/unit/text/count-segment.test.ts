import { describe, expect, it } from 'vitest';
import { countWords } from '../../../lib/text/count';
import { segmentWords, segmentRuns, wordSegmenter } from '../../../lib/text/segment';
import { foldText } from '../../../lib/text/normalize';

describe('countWords', () => {
  it('counts each CJK character as one word and other words by spaces', () => {
    expect(countWords('我们学习 JavaScript and TypeScript 的知识。')).toBe(7 + 3);
    expect(countWords("don't stop-gap e.g. 3.14")).toBe(4);
    expect(countWords('')).toBe(0);
    expect(countWords('  \n ')).toBe(0);
  });
  it('counts kana one each and Thai through the segmenter', () => {
    expect(countWords('ひらがな')).toBe(4);
    const thai = countWords('ภาษาไทยง่ายนิดเดียว');
    expect(thai).toBeGreaterThan(1);
    expect(thai).toBeLessThan(10);
  });
});

describe('foldText', () => {
  it('folds full-width forms and case', () => {
    expect(foldText('ＡＢＣ１２３ Hello')).toBe('abc123 hello');
  });
});

describe('segmentWords', () => {
  it('segments Chinese into dictionary words', () => {
    const words = segmentWords('通过知识管理建设学习型组织', 'zh');
    expect(words).toContain('知识');
    expect(words).toContain('管理');
    expect(words).toContain('组织');
    expect(words).not.toContain('知识管理建设学习型组织');
  });
  it('lower-cases and width-folds, dropping punctuation', () => {
    expect(segmentWords('Ｈｅｌｌｏ, World! ＪＳ。', 'en')).toEqual(['hello', 'world', 'js']);
  });
  it('reuses one segmenter per locale', () => {
    expect(wordSegmenter('zh')).toBe(wordSegmenter('ZH'));
    expect(wordSegmenter('en')).not.toBe(wordSegmenter('zh'));
  });
  it('groups tokens into runs broken by punctuation', () => {
    expect(segmentRuns('knowledge management, done', 'en')).toEqual([['knowledge', 'management'], ['done']]);
  });
});
