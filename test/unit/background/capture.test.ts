import { describe, expect, it } from 'vitest';
import { injectionErrorMessage, unreadableReason } from '@/lib/background/capture';
import { linkDraft } from '@/lib/background/link-draft';
import { createHistoryCache } from '@/lib/background/history-cache';
import { confidentCategory, draftAsInput } from '@/lib/background/suggest';
import { makeDraft, TAXONOMY } from './fakes';

describe('unreadable pages', () => {
  it.each([
    ['chrome://extensions/', /browser pages/],
    ['edge://settings', /browser pages/],
    ['about:config', /browser pages/],
    ['view-source:https://a.test/', /browser pages/],
    ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', /PDF viewer/],
    ['moz-extension://abc/page.html', /extension/],
    ['https://chromewebstore.google.com/detail/x', /add-on store/],
    ['https://chrome.google.com/webstore/detail/x', /add-on store/],
    ['https://addons.mozilla.org/en-US/firefox/', /add-on store/],
  ])('%s is refused before injecting', (url, reason) => {
    expect(unreadableReason(url)).toMatch(reason);
  });

  it.each(['https://example.com/', 'http://127.0.0.1:8080/a', 'https://chrome.google.com/search', 'file:///tmp/a.html', undefined, 'not a url'])('%s may be readable', (url) => {
    expect(unreadableReason(url)).toBeNull();
  });
});

describe('injectionErrorMessage', () => {
  it.each([
    ['Cannot access a chrome:// URL', undefined, /browser pages/],
    ['The extensions gallery cannot be scripted.', undefined, /add-on store/],
    ['Cannot access a chrome-extension:// URL of different extension', undefined, /PDF viewer/],
    ['Cannot access contents of url "file:///home/a.html". Extension manifest must request permission', 'file:///home/a.html', /Allow access to file URLs/],
    ['Missing host permission for the tab', 'https://a.test/', /has no access to it yet/],
    ['Frame with ID 0 is showing error page', 'https://a.test/', /did not load/],
    ['No tab with id: 5.', undefined, /tab was closed/],
    ['Something new', undefined, /Something new$/],
  ])('"%s" → a clear message', (raw, url, expected) => {
    const message = injectionErrorMessage(new Error(raw), url);
    expect(message.startsWith("Cairn can't read this page: ")).toBe(true);
    expect(message).toMatch(expected);
  });

  it('prefers the URL reason when the tab is a known protected page', () => {
    expect(injectionErrorMessage(new Error('whatever'), 'chrome://newtab/')).toMatch(/browser pages/);
  });
});

describe('linkDraft', () => {
  it('makes a link clip from the URL and link text, without fetching', () => {
    const draft = linkDraft('https://www.news.test/a/b?utm_source=x&id=2#frag', '  Read   this <b>now</b> ');
    expect(draft).toMatchObject({ mode: 'link', title: 'Read this <b>now</b>', siteName: 'news.test', lang: 'und', wordCount: 0 });
    expect(draft.canonicalUrl).not.toMatch(/utm_source|#frag/);
    expect(draft.html).toBe('<p><a href="https://www.news.test/a/b?utm_source=x&#38;id=2#frag">Read this &#60;b&#62;now&#60;/b&#62;</a></p>');
    expect(draft.markdown).toBe('[Read this <b>now</b>](<https://www.news.test/a/b?utm_source=x&id=2#frag>)');
  });

  it('falls back to host and path (decoded, e.g. Chinese) when the link has no text', () => {
    const draft = linkDraft('https://zh.wikipedia.org/wiki/%E7%9F%A5%E8%AF%86');
    expect(draft.title).toBe('zh.wikipedia.org/wiki/知识');
    expect(draft.text).toBe('');
  });
});

describe('confidentCategory', () => {
  it('takes the best suggestion at or above the threshold that exists in the taxonomy', () => {
    expect(confidentCategory([{ categoryId: 'tech', score: 0.4, why: '' }, { categoryId: 'ai', score: 0.7, why: '' }], TAXONOMY)).toBe('ai');
    expect(confidentCategory([{ categoryId: 'ai', score: 0.49, why: '' }], TAXONOMY)).toBeNull();
    expect(confidentCategory([{ categoryId: 'ai', score: NaN, why: '' }], TAXONOMY)).toBeNull();
    expect(confidentCategory([], TAXONOMY)).toBeNull();
  });

  it('feeds the suggester the canonical URL and the text', () => {
    expect(draftAsInput(makeDraft())).toEqual({ url: 'https://site.test/post', title: 'Neural nets for teams', siteName: 'Site', text: 'neural network model training', lang: 'en' });
  });
});

describe('createHistoryCache', () => {
  it('builds once, rebuilds after invalidate, and does not cache a failure', async () => {
    let loads = 0;
    let fail = true;
    const cache = createHistoryCache(async () => {
      loads++;
      if (fail) throw new Error('db down');
      return [];
    }, () => ({ bySite: {}, termsByCategory: {} }));
    await expect(cache.get()).rejects.toThrow('db down');
    fail = false;
    await cache.get();
    await cache.get();
    expect(loads).toBe(2);
    cache.invalidate();
    await cache.get();
    expect(loads).toBe(3);
  });
});
