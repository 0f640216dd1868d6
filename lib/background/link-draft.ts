/** A clip draft for a link saved without visiting it ("Save link"): the URL and whatever text the link had. */
import type { ClipDraft } from '../clip/types';
import { dedupeKey } from '../clip/save';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Build a `link` mode draft for `url`; nothing is fetched (privacy: the link is never opened). */
export function linkDraft(url: string, linkText?: string | null): ClipDraft {
  let host = '';
  let fallbackTitle = url;
  try {
    const parsed = new URL(url);
    host = parsed.hostname.replace(/^www\./, '');
    fallbackTitle = host + (parsed.pathname === '/' ? '' : decodeURI(parsed.pathname));
  } catch {
    // Keep the raw URL as the title.
  }
  const title = (linkText ?? '').replace(/\s+/g, ' ').trim() || fallbackTitle;
  const escaped = title.replace(/[[\]\\]/g, '\\$&');
  const text = title === fallbackTitle ? '' : title;
  return {
    mode: 'link',
    url,
    canonicalUrl: dedupeKey({ canonicalUrl: '', url }),
    title,
    byline: null,
    siteName: host || null,
    lang: 'und',
    dir: null,
    publishedTime: null,
    excerpt: text,
    summary: { abstract: '', keyPoints: [] },
    text,
    markdown: `[${escaped}](<${url}>)`,
    html: /^https?:/i.test(url) ? `<p><a href="${escapeHtml(url)}">${escapeHtml(title)}</a></p>` : `<p>${escapeHtml(title)}</p>`,
    wordCount: 0,
    readingMinutes: 0,
    fallback: 'link saved without opening it',
  };
}
