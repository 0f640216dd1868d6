import type { Clip } from '@/lib/clip/types';

/** A complete clip with sensible defaults for store tests. */
export function makeClip(overrides: Partial<Clip> & { id: string }): Clip {
  const at = overrides.createdAt ?? '2024-01-01T00:00:00.000Z';
  return {
    mode: 'article',
    url: `https://example.com/${overrides.id}`,
    canonicalUrl: `https://example.com/${overrides.id}`,
    title: `Clip ${overrides.id}`,
    byline: null,
    siteName: 'Example',
    lang: 'en',
    dir: 'ltr',
    publishedTime: null,
    excerpt: '',
    summary: { abstract: '', keyPoints: [] },
    text: 'Some text.',
    markdown: 'Some text.',
    html: '<p>Some text.</p>',
    wordCount: 2,
    readingMinutes: 1,
    fallback: null,
    categoryId: null,
    tags: [],
    note: '',
    visibility: 'private',
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    ...overrides,
  };
}
