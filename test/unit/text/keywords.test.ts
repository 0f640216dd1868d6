import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { contentTokens, isContentToken, keyTermScores, keyTerms } from '../../../lib/text/keywords';
import { lightStem } from '../../../lib/text/stem';
import { isStopword } from '../../../lib/text/stopwords';

const fixtures = path.resolve(__dirname, '../../../../shared/fixtures');

describe('keyTerms', () => {
  it('finds the Chinese seed article’s core phrases, not their fragments', () => {
    const doc = new JSDOM(readFileSync(path.join(fixtures, 'seed/learning-organization-zh.html'), 'utf8')).window.document;
    const terms = keyTerms(doc.querySelector('article')!.textContent!, 'zh', 8);
    expect(terms.slice(0, 3)).toEqual(expect.arrayContaining(['知识管理', '组织学习']));
    expect(terms).toContain('学习型组织');
    for (const t of terms) expect(isStopword(t)).toBe(false);
  });

  it('finds English topic words and phrases, without stopwords', () => {
    const text =
      'Knowledge management helps teams. Knowledge management needs a shared taxonomy. The taxonomy grows with the team, and the teams reuse knowledge.';
    const terms = keyTerms(text, 'en', 5);
    expect(terms[0]).toBe('knowledge management');
    expect(terms).toContain('taxonomy');
    expect(terms).not.toContain('the');
  });

  it('scores are positive, sorted, and counts are real', () => {
    const scored = keyTermScores('alpha, beta. alpha; gamma, alpha. beta', 'en', 3);
    expect(scored.map((s) => s.term)).toEqual(['alpha', 'beta', 'gamma']);
    expect(scored[0]!.count).toBe(3);
    expect(scored[0]!.score).toBeGreaterThan(scored[1]!.score);
  });

  it('handles empty text', () => {
    expect(keyTerms('', 'en', 5)).toEqual([]);
  });
});

describe('token helpers', () => {
  it('keeps content words and drops stopwords, numbers and single Han characters', () => {
    expect(isContentToken('taxonomy')).toBe(true);
    expect(isContentToken('the')).toBe(false);
    expect(isContentToken('2024')).toBe(false);
    expect(isContentToken('的')).toBe(false);
    expect(isContentToken('知识')).toBe(true);
    expect(contentTokens('The 知识 of 2024 teams', 'en')).toEqual(['知识', 'teams']);
  });
  it('stems plurals lightly', () => {
    expect(lightStem('models')).toBe('model');
    expect(lightStem('libraries')).toBe('library');
    expect(lightStem('class')).toBe('class');
    expect(lightStem('analysis')).toBe('analysis');
    expect(lightStem('知识')).toBe('知识');
  });
});

describe('phrases', () => {
  it('takes a repeated adjacent pair as a phrase and its occurrences from the single words', () => {
    const scored = keyTermScores('alpha beta alpha gamma alpha beta', 'en', 5);
    expect(scored[0]!.term).toBe('alpha beta');
    expect(scored[0]!.count).toBe(2);
    expect(scored.find((s) => s.term === 'alpha')!.count).toBe(1);
    expect(scored.find((s) => s.term === 'beta')).toBeUndefined();
  });
});
