import { describe, expect, it } from 'vitest';
import { applyRules, ruleMatch, rulesOf, withRuleFirst, withRuleTags } from '@/lib/categorize/rules';
import type { Category, CategorizeInput } from '@/lib/categorize/types';

const page = (url: string, title = '', text = ''): CategorizeInput => ({ url, title, siteName: null, text, lang: 'en' });

const node = (id: string, rules: Category['rules']): Category => ({ id, parentId: null, name: { en: id, zh: id }, aliases: [], keywords: [], rules });

describe('ruleMatch', () => {
  it('matches a site and its subdomains, not look-alikes', () => {
    expect(ruleMatch({ site: 'github.com' }, page('https://docs.github.com/en/actions'))).toBe('site github.com');
    expect(ruleMatch({ site: 'www.github.com' }, page('https://github.com/x'))).toBe('site www.github.com');
    expect(ruleMatch({ site: 'github.com' }, page('https://notgithub.com/x'))).toBeNull();
    expect(ruleMatch({ site: 'github.com' }, page('not a url'))).toBeNull();
  });

  it('matches URL globs with or without a scheme', () => {
    expect(ruleMatch({ urlPattern: 'https://example.com/blog/*' }, page('https://example.com/blog/2024/post'))).toContain('URL');
    expect(ruleMatch({ urlPattern: 'https://example.com/blog/*' }, page('https://example.com/shop/item'))).toBeNull();
    expect(ruleMatch({ urlPattern: 'example.com/*/wiki/*' }, page('http://www.example.com/team/wiki/Home'))).toContain('URL');
    // Regex characters in the pattern are literal.
    expect(ruleMatch({ urlPattern: 'example.com/a+b' }, page('https://example.com/aab'))).toBeNull();
  });

  it('needs every keyword, in English or Chinese (no spaces in Chinese)', () => {
    expect(ruleMatch({ keywords: ['Kubernetes', 'helm'] }, page('https://x.io', 'Helm charts', 'deploying to kubernetes'))).toBe('words Kubernetes, helm');
    expect(ruleMatch({ keywords: ['kubernetes', 'helm'] }, page('https://x.io', 'Helm charts', 'no cluster here'))).toBeNull();
    expect(ruleMatch({ keywords: ['知识管理'] }, page('https://x.cn', '如何建设学习型组织', '企业的知识管理实践'))).toBe('words 知识管理');
  });

  it('requires all set conditions; a rule with none never matches', () => {
    expect(ruleMatch({ site: 'github.com', keywords: ['rust'] }, page('https://github.com/a', 'A Go tool'))).toBeNull();
    expect(ruleMatch({ site: 'github.com', keywords: ['rust'] }, page('https://github.com/a', 'A Rust tool'))).toBe('site github.com + words rust');
    expect(ruleMatch({}, page('https://github.com/a'))).toBeNull();
    expect(ruleMatch({ keywords: ['  '] }, page('https://github.com/a'))).toBeNull();
  });
});

describe('applyRules', () => {
  const taxonomy = [
    node('code', [{ site: 'github.com', tags: ['repo'] }]),
    node('km', [{ keywords: ['知识管理'], tags: ['KM', 'repo'] }]),
    node('empty', undefined),
  ];

  it('files by the first matching rule, collects every matching rule’s tags, explains why', () => {
    const outcome = applyRules(page('https://github.com/x/km', '知识管理 tool', ''), rulesOf(taxonomy));
    expect(outcome).toEqual({ categoryId: 'code', tags: ['repo', 'KM'], why: 'rule: site github.com · rule: words 知识管理' });
  });

  it('says nothing when no rule matches', () => {
    expect(applyRules(page('https://example.com', 'Cooking'), rulesOf(taxonomy))).toEqual({ tags: [], why: '' });
  });

  it('puts a rule hit first with score 1 and keeps the suggesters’ other existing categories', () => {
    const outcome = applyRules(page('https://github.com/x'), rulesOf(taxonomy));
    const merged = withRuleFirst(outcome, [
      { categoryId: 'km', score: 0.8, why: 'words' },
      { categoryId: 'code', score: 0.3, why: 'words' },
      { categoryId: 'ghost', score: 0.9, why: 'unknown category' },
    ], taxonomy);
    expect(merged).toEqual([
      { categoryId: 'code', score: 1, why: 'rule: site github.com' },
      { categoryId: 'km', score: 0.8, why: 'words' },
    ]);
    expect(withRuleFirst({ tags: [], why: '' }, [{ categoryId: 'ghost', score: 0.9, why: '' }], taxonomy)).toEqual([]);
    expect(withRuleTags(outcome, ['Repo', 'git'])).toEqual(['repo', 'git']);
  });
});
