/**
 * Seeded random libraries for round-trip tests and the transfer bench: titles and notes with Chinese, emoji,
 * quotes, colons, line breaks, markup-looking text and odd spacing; categories from the starter taxonomy.
 */
import { STARTER_TAXONOMY, categoryPath } from '../../../lib/categorize/taxonomy';
import { JsonClipSchema, type JsonClip } from '../../../lib/clip/interchange';
import { createUlidFactory } from '../../../lib/clip/id';
import { seededRandom } from '../../helpers/seeded-random';

const PIECES = [
  '知识管理', '学习型组织', '人工智能：未来', '「引号」', '“双引号”', '数据', '的', '🚀', '👩‍💻', '🇨🇳', '😀',
  'Hello', 'world', 'a: b', 'Title: subtitle', '"quoted"', "it's", '#hash', '&amp;', 'R&D', '<b>bold</b>', 'x < y > z',
  '---', 'C:\\path\\file', 'a/b', 'what?', 'star*', 'pipe|bar', '[link]', '^caret', '  ', '\t', '\n', '\r\n', 'CON',
  'café', 'naïve', 'עברית', 'العربية', '日本語のテキスト', '한국어', '.', '...', '%20', '{json}', '\\u0041', '—',
];
const TAGS = ['ai', '知识管理', 'team notes', 'read later', 'rust', '学习', 'emoji🚀', 'c++', 'q&a', 'x"y', "o'k", 'zh-CN', 'a:b', '#tag'];
const CATEGORIES = STARTER_TAXONOMY.map((c) => categoryPath(STARTER_TAXONOMY, c.id, 'en'));

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

/** A string of 1..max pieces joined by nothing or a space. */
export function randomText(rng: () => number, max: number): string {
  const n = 1 + Math.floor(rng() * max);
  let s = '';
  for (let i = 0; i < n; i++) s += (rng() < 0.5 ? ' ' : '') + pick(rng, PIECES);
  return s;
}

/** A title with at least one visible character (a bookmark without a title reads back as its URL). */
function randomTitle(rng: () => number): string {
  const t = randomText(rng, 6);
  return t.trim() ? t : `${t}标题`;
}

/** One random JSON clip (validated, so it is in the schema's canonical shape), the i-th of its library. */
export function randomClip(rng: () => number, i: number): JsonClip {
  const created = Date.UTC(2005, 0, 1) + Math.floor(rng() * 25 * 365 * 86_400_000);
  const updated = created + Math.floor(rng() * 1e9);
  const tagCount = Math.floor(rng() * 4);
  const tags = [...new Set(Array.from({ length: tagCount }, () => pick(rng, TAGS)))];
  const mode = pick(rng, ['article', 'link', 'page', 'selection'] as const);
  const body = mode === 'link' ? '' : `${randomText(rng, 8)}\n\n---\n\n## ${randomText(rng, 3)}\n\n- ${randomText(rng, 4)}\n`;
  const host = pick(rng, ['example.com', 'www.example.org', 'xn--fsqu00a.xn--0zwm56d', 'sub.example.net']);
  const path = pick(rng, ['article', '文章', 'a%20b', 'x']);
  const url = `https://${host}/${encodeURI(path)}/${i}?ref=${Math.floor(rng() * 1000)}&b=${i}`;
  const clip = {
    id: createUlidFactory()(created),
    url,
    canonicalUrl: url,
    title: randomTitle(rng),
    byline: rng() < 0.5 ? null : randomText(rng, 2),
    siteName: rng() < 0.5 ? null : randomText(rng, 2),
    lang: pick(rng, ['en', 'zh', 'ja', 'und']),
    dir: pick(rng, ['ltr', 'rtl', null] as const),
    publishedTime: rng() < 0.5 ? null : new Date(created - 86_400_000).toISOString(),
    excerpt: rng() < 0.5 ? '' : randomText(rng, 5),
    summary: { abstract: rng() < 0.3 ? '' : randomText(rng, 6), keyPoints: Array.from({ length: Math.floor(rng() * 4) }, () => randomText(rng, 4)) },
    text: body,
    markdown: body,
    html: body ? `<p>${body.replace(/</g, '&lt;')}</p>` : '',
    category: rng() < 0.3 ? null : pick(rng, CATEGORIES),
    tags,
    wordCount: Math.floor(rng() * 5000),
    readingMinutes: Math.floor(rng() * 40) / 2,
    mode,
    note: rng() < 0.5 ? '' : randomText(rng, 8),
    visibility: pick(rng, ['private', 'team'] as const),
    createdAt: new Date(created).toISOString(),
    updatedAt: new Date(updated).toISOString(),
    ...(rng() < 0.1 ? { fallback: 'no article found' } : {}),
    ...(rng() < 0.05 ? { deletedAt: new Date(updated).toISOString() } : {}),
  };
  return JsonClipSchema.parse(clip);
}

/** A library of `size` random clips with distinct URLs. */
export function randomLibrary(seed: number, size: number): JsonClip[] {
  const rng = seededRandom(seed);
  return Array.from({ length: size }, (_, i) => randomClip(rng, i));
}
