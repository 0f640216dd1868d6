import { describe, expect, it } from 'vitest';
import type { Category } from '../../lib/categorize/types';
import { fromJsonClip, JsonClipSchema, resolveCategoryPath, toJsonClip, toMarkdownDocument } from '../../lib/clip/interchange';
import type { Clip } from '../../lib/clip/types';
import { parseMarkdownDocuments } from './front-matter';

const taxonomy: Category[] = [
  { id: 'tech', parentId: null, name: { en: 'Technology', zh: '科技' }, aliases: [], keywords: [] },
  { id: 'ai', parentId: 'tech', name: { en: 'AI & Data', zh: '人工智能与数据' }, aliases: ['Machine Learning'], keywords: [] },
  { id: 'km', parentId: null, name: { en: 'Knowledge Management', zh: '知识管理' }, aliases: [], keywords: [] },
  { id: 'km-ai', parentId: 'km', name: { en: 'AI & Data', zh: '知识与数据' }, aliases: [], keywords: [] },
];

function sampleClip(overrides: Partial<Clip> = {}): Clip {
  return {
    id: '01JZ5Q8K3M4N5P6Q7R8S9T0V1W',
    mode: 'article',
    url: 'https://example.com/post?id=1',
    canonicalUrl: 'https://example.com/post',
    title: 'Notes: "learning" in teams — 学习型组织',
    byline: 'Ada Lovelace',
    siteName: 'Example',
    lang: 'zh',
    dir: 'ltr',
    publishedTime: '2024-05-01T08:00:00.000Z',
    excerpt: '一个关于知识管理的摘要。',
    summary: { abstract: '学习型组织依靠知识管理。', keyPoints: ['第一点：分享。', 'Second: "reuse"'] },
    text: '学习型组织依靠知识管理。\n\nSecond paragraph.',
    markdown: '# 标题\n\n学习型组织依靠知识管理。',
    html: '<h1>标题</h1><p>学习型组织依靠知识管理。</p>',
    wordCount: 42,
    readingMinutes: 1,
    fallback: null,
    categoryId: 'km-ai',
    tags: ['知识管理', 'learning'],
    note: 'my note\nline two',
    visibility: 'team',
    createdAt: '2025-01-02T03:04:05.006Z',
    updatedAt: '2025-01-03T03:04:05.006Z',
    deletedAt: null,
    ...overrides,
  };
}

/** Through JSON text, the way the clip travels between tools. */
const roundTrip = (clip: Clip) => fromJsonClip(JSON.parse(JSON.stringify(toJsonClip(clip, taxonomy))), taxonomy);

describe('JSON clip interchange', () => {
  it('writes the category as a path of English names', () => {
    expect(toJsonClip(sampleClip(), taxonomy).category).toBe('Knowledge Management/AI & Data');
    expect(toJsonClip(sampleClip({ categoryId: null }), taxonomy).category).toBeNull();
  });

  it('round-trips a clip losslessly, including same-named categories under different parents', () => {
    for (const clip of [
      sampleClip(),
      sampleClip({ categoryId: 'ai' }),
      sampleClip({ categoryId: null, byline: null, siteName: null, dir: null, publishedTime: null, tags: [] }),
      sampleClip({ fallback: 'page too large', mode: 'page', deletedAt: '2025-02-01T00:00:00.000Z' }),
    ]) {
      expect(roundTrip(clip)).toEqual(clip);
    }
  });

  it('omits fallback and deletedAt unless set, and keeps them when set', () => {
    const plain = toJsonClip(sampleClip(), taxonomy);
    expect('fallback' in plain).toBe(false);
    expect('deletedAt' in plain).toBe(false);
    const flagged = toJsonClip(sampleClip({ fallback: 'time budget', deletedAt: '2025-02-01T00:00:00.000Z' }), taxonomy);
    expect(flagged.fallback).toBe('time budget');
    expect(flagged.deletedAt).toBe('2025-02-01T00:00:00.000Z');
  });

  it('resolves category paths by English or Chinese names or aliases, any case, and gives null for unknown paths', () => {
    expect(resolveCategoryPath(taxonomy, 'technology/ai & data')).toBe('ai');
    expect(resolveCategoryPath(taxonomy, '知识管理/知识与数据')).toBe('km-ai');
    expect(resolveCategoryPath(taxonomy, 'Technology/machine learning')).toBe('ai');
    expect(resolveCategoryPath(taxonomy, 'Knowledge Management/Machine Learning')).toBeNull();
    expect(resolveCategoryPath(taxonomy, 'Technology/Nope')).toBeNull();
    expect(fromJsonClip({ ...toJsonClip(sampleClip(), taxonomy), category: 'Cooking' }, taxonomy).categoryId).toBeNull();
  });

  it('fills defaults for a minimal clip and rejects one without id or with a bad date', () => {
    const minimal = fromJsonClip({ id: 'x1', url: 'https://a.example/', canonicalUrl: 'https://a.example/', title: 'A', createdAt: '2025-01-01T00:00:00Z' }, taxonomy);
    expect(minimal).toMatchObject({ tags: [], note: '', visibility: 'private', mode: 'article', lang: 'und', categoryId: null, updatedAt: '2025-01-01T00:00:00Z', deletedAt: null, fallback: null });
    expect(JsonClipSchema.safeParse({ url: 'u', canonicalUrl: 'u', title: 't', createdAt: '2025-01-01T00:00:00Z' }).success).toBe(false);
    expect(JsonClipSchema.safeParse({ id: 'x', url: 'u', canonicalUrl: 'u', title: 't', createdAt: 'yesterday' }).success).toBe(false);
  });
});

describe('Markdown with front matter', () => {
  it('quotes every string so tricky titles read back exactly', () => {
    const tricky = 'Key: value # not a comment — "quoted" \'single\' \\ back\nnew line\u2028sep \u0085 nel';
    const json = toJsonClip(sampleClip({ title: tricky, tags: ['a: b', '标签'] }), taxonomy);
    const text = toMarkdownDocument(json);
    // YAML 1.1 readers break lines at NEL and U+2028: they must appear only as escapes.
    expect(text).not.toMatch(/[\u0085\u2028]/);
    const [doc] = parseMarkdownDocuments(text);
    expect(doc!.data).toEqual({
      title: tricky,
      url: json.url,
      canonical_url: json.canonicalUrl,
      byline: 'Ada Lovelace',
      site: 'Example',
      lang: 'zh',
      published: '2024-05-01T08:00:00.000Z',
      category: 'Knowledge Management/AI & Data',
      tags: ['a: b', '标签'],
      created: json.createdAt,
      id: json.id,
      summary: { abstract: '学习型组织依靠知识管理。', key_points: ['第一点：分享。', 'Second: "reuse"'] },
    });
    expect(doc!.body.trim()).toBe(json.markdown);
  });

  it('writes nulls and empty lists as YAML null and []', () => {
    const json = toJsonClip(sampleClip({ byline: null, categoryId: null, tags: [], summary: { abstract: '', keyPoints: [] } }), taxonomy);
    const text = toMarkdownDocument(json);
    expect(text).toMatch(/^byline: null$/m);
    expect(text).toMatch(/^tags: \[\]$/m);
    expect(text).toMatch(/^ {2}key_points: \[\]$/m);
    expect(parseMarkdownDocuments(text)[0]!.data.category).toBeNull();
  });
});
