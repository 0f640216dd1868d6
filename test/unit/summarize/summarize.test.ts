import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { summarize } from '../../../lib/summarize/index';
import { splitSentences } from '../../../lib/text/sentences';
import { detectLanguage } from '../../../lib/text/language';
import { isBoilerplate } from '../../../lib/summarize/boilerplate';

const repoRoot = path.resolve(__dirname, '../../..');
const fixtures = path.resolve(repoRoot, '../shared/fixtures');

function seedArticleText(): string {
  const html = readFileSync(path.join(fixtures, 'seed/learning-organization-zh.html'), 'utf8');
  const doc = new JSDOM(html).window.document;
  return doc.querySelector('article')!.textContent!;
}

/** Block-level text of a fixture's expected article, one block per line. */
function expectedText(name: string): string {
  const doc = new JSDOM(readFileSync(path.join(fixtures, 'pages', name, 'expected.html'), 'utf8')).window.document;
  return [...doc.querySelectorAll('p, h1, h2, h3, h4, li, pre, blockquote')].map((e) => e.textContent).join('\n');
}

/** Does `abstract` consist of whole sentences of `text`, in their original order? */
function wholeSentencesInOrder(abstract: string, text: string, sep: string): string[] {
  const sentences = splitSentences(text);
  const parts: string[] = [];
  let rest = abstract;
  let from = 0;
  while (rest.length) {
    // The longest sentence the rest starts with (a heading "Add-ons" must not shadow "Add-ons are …").
    let idx = -1;
    sentences.forEach((s, i) => {
      if (i >= from && rest.startsWith(s) && (idx < 0 || s.length > sentences[idx]!.length)) idx = i;
    });
    expect(idx, `"${rest.slice(0, 60)}" should start with a sentence of the text`).toBeGreaterThanOrEqual(0);
    parts.push(sentences[idx]!);
    rest = rest.slice(sentences[idx]!.length);
    if (rest.startsWith(sep)) rest = rest.slice(sep.length);
    from = idx + 1;
  }
  return parts;
}

describe('summarize — Chinese seed article', () => {
  const text = seedArticleText();
  const summary = summarize(text, 'zh');

  it('makes the abstract of 1–3 of the article’s own sentences, in order, within ~300 characters', () => {
    const parts = wholeSentencesInOrder(summary.abstract, text, '');
    expect(parts.length).toBeGreaterThanOrEqual(1);
    expect(parts.length).toBeLessThanOrEqual(3);
    expect(summary.abstract.length).toBeLessThanOrEqual(320);
  });

  it('writes a Chinese abstract that carries the core terms', () => {
    expect(detectLanguage(summary.abstract)).toBe('zh');
    const core = ['知识管理', '组织学习', '学习型组织'].filter((t) => summary.abstract.includes(t));
    expect(core.length).toBeGreaterThanOrEqual(2);
  });

  it('skips the metadata line and headings', () => {
    expect(summary.abstract).not.toMatch(/浏览次数|发布日期/);
    for (const p of summary.keyPoints) expect(p).not.toMatch(/浏览次数|发布日期/);
  });

  it('gives up to 5 key points from the text that do not repeat the abstract', () => {
    expect(summary.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(summary.keyPoints.length).toBeLessThanOrEqual(5);
    const flat = text.replace(/\s+/g, ' ');
    for (const p of summary.keyPoints) {
      expect(summary.abstract.includes(p.replace(/…$/, ''))).toBe(false);
      expect(flat.includes(p.replace(/…$/, ''))).toBe(true);
      expect(p.length).toBeLessThanOrEqual(125);
    }
  });
});

describe('summarize — English fixture pages', () => {
  it.each(['001', 'nytimes-1', 'wikipedia', 'mozilla-1', 'medium-1'])('%s: abstract is 1–3 whole sentences of the text', (name) => {
    const text = expectedText(name);
    const summary = summarize(text, 'en');
    const parts = wholeSentencesInOrder(summary.abstract, text, ' ');
    expect(parts.length).toBeGreaterThanOrEqual(1);
    expect(parts.length).toBeLessThanOrEqual(3);
    const words = summary.abstract.split(/\s+/).length;
    // Within budget unless a single sentence is longer than it.
    if (parts.length > 1) expect(words).toBeLessThanOrEqual(60);
    expect(summary.keyPoints.length).toBeLessThanOrEqual(5);
    for (const p of summary.keyPoints) {
      expect(summary.abstract).not.toContain(p.replace(/…$/, ''));
      expect(p.split(/\s+/).length).toBeLessThanOrEqual(36);
      expect(isBoilerplate(p)).toBe(false);
    }
  });

  it('picks the topical lead of a news story', () => {
    const summary = summarize(expectedText('nytimes-1'), 'en');
    expect(summary.abstract).toMatch(/Sudan/);
    expect(summary.abstract).toMatch(/sanctions/i);
  });

  it('leaves code lines out of key points', () => {
    const summary = summarize(expectedText('001'), 'en');
    for (const p of [summary.abstract, ...summary.keyPoints]) expect(p).not.toMatch(/^return |[{}]|\+ "/);
  });
});

describe('summarize — edge cases', () => {
  it('returns empty output for empty or blank text', () => {
    expect(summarize('', 'en')).toEqual({ abstract: '', keyPoints: [] });
    expect(summarize('   \n\n ', 'zh')).toEqual({ abstract: '', keyPoints: [] });
  });

  it('uses a short text as its own abstract', () => {
    expect(summarize('Short note.', 'en')).toEqual({ abstract: 'Short note.', keyPoints: [] });
    expect(summarize('你好。', 'zh')).toEqual({ abstract: '你好。', keyPoints: [] });
  });

  it('stays bounded on a huge text and still answers from its sentences', () => {
    const sentence = 'Knowledge management helps teams learn from what they already know. ';
    const other = 'Teams forget lessons when nobody writes them down in a shared place. ';
    const huge = (sentence + other).repeat(20_000);
    const summary = summarize(huge, 'en');
    expect(summary.abstract.length).toBeGreaterThan(0);
    expect([sentence.trim(), other.trim()].some((s) => summary.abstract.startsWith(s))).toBe(true);
  });

  it('handles text in another language through the generic path', () => {
    const fr =
      "Le chat dort sur le canapé depuis le matin. La maison est calme et le soleil entre par la fenêtre. Le chat se réveille quand le facteur sonne à la porte. Ensuite le chat mange et retourne dormir sur le canapé.";
    const summary = summarize(fr, 'fr');
    expect(summary.abstract.length).toBeGreaterThan(0);
    wholeSentencesInOrder(summary.abstract, fr, ' ');
  });
});

describe('isBoilerplate', () => {
  it.each([
    '© 2024 Example Corp. All rights reserved.',
    'Home > Articles > Knowledge management > This one',
    '本文分类: 行业资讯 · 浏览次数: 935 次浏览 · 发布日期: 2024-08-05 18:49:36',
    '责任编辑：张三',
    'var x = foo(bar) + baz[1];',
    'Posted on 2024-08-05 12:30 by admin',
  ])('flags furniture: %s', (s) => {
    expect(isBoilerplate(s)).toBe(true);
  });
  it.each([
    'Knowledge management helps teams learn from what they already know.',
    '知识管理是组织学习的基础和支撑，它通过建立知识共享机制、促进知识流动。',
    'In 2015, the team shipped 3 releases and grew from 4 to 12 people.',
  ])('keeps content: %s', (s) => {
    expect(isBoilerplate(s)).toBe(false);
  });
});
