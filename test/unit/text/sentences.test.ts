import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../lib/text/sentences';

describe('splitSentences', () => {
  it('splits English on . ! ? and keeps abbreviations, initials and decimals together', () => {
    expect(
      splitSentences('Mr. Smith went to Washington. He arrived at 3.14 p.m. on Monday! Did he? Yes, e.g. with the U.S. Army. Then J. R. R. Tolkien spoke.'),
    ).toEqual([
      'Mr. Smith went to Washington.',
      'He arrived at 3.14 p.m. on Monday!',
      'Did he?',
      'Yes, e.g. with the U.S. Army.',
      'Then J. R. R. Tolkien spoke.',
    ]);
  });

  it('splits Chinese on 。！？；… and keeps closing quotes with their sentence', () => {
    expect(splitSentences('他说：“我们要学习。”然后离开了！真的吗？是的；没错……后来呢？')).toEqual([
      '他说：“我们要学习。”',
      '然后离开了！',
      '真的吗？',
      '是的；',
      '没错……',
      '后来呢？',
    ]);
  });

  it('handles full-width ！？ and corner brackets without spaces', () => {
    expect(splitSentences('「知识就是力量。」这句话很有名！你同意吗？（我同意。）')).toEqual([
      '「知识就是力量。」',
      '这句话很有名！',
      '你同意吗？',
      '（我同意。）',
    ]);
  });

  it('keeps a Japanese quotation followed by と in one sentence', () => {
    expect(splitSentences('「これはテストです。」と彼は言った。次の文。')).toEqual(['「これはテストです。」と彼は言った。', '次の文。']);
  });

  it('ends sentences at newlines and paragraph breaks', () => {
    expect(splitSentences('Title line\nThe first paragraph is here. Another one.\n\nSecond paragraph (with parens.) Done.')).toEqual([
      'Title line',
      'The first paragraph is here.',
      'Another one.',
      'Second paragraph (with parens.)',
      'Done.',
    ]);
  });

  it('does not split inside prices, versions, domains or a lower-case continuation after an ellipsis', () => {
    expect(splitSentences('Wait... what? It costs $3.50. Version 2.0.1 is out. See example.com for more.')).toEqual([
      'Wait... what?',
      'It costs $3.50.',
      'Version 2.0.1 is out.',
      'See example.com for more.',
    ]);
  });

  it('splits mixed Chinese and English text', () => {
    expect(splitSentences('我们使用 Node.js 开发。It works well. 效果很好！')).toEqual(['我们使用 Node.js 开发。', 'It works well.', '效果很好！']);
  });

  it('splits after "Inc." when a capitalised sentence follows, but keeps "etc. and"', () => {
    expect(splitSentences('He works at Acme Inc. The company grew. They ship products etc. and more.')).toEqual([
      'He works at Acme Inc.',
      'The company grew.',
      'They ship products etc. and more.',
    ]);
  });

  it('returns nothing for empty or punctuation-only text and collapses inner whitespace', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' ... \n — ')).toEqual([]);
    expect(splitSentences('One   two\tthree.')).toEqual(['One two three.']);
  });
});
