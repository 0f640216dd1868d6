import { describe, expect, it } from 'vitest';
import { detectLanguage, primarySubtag } from '../../../lib/text/language';

describe('detectLanguage', () => {
  it.each([
    ['通过知识管理建设学习型组织，是企业持续发展的关键。', undefined, 'zh'],
    ['通过知识管理建设学习型组织', 'en-US', 'zh'],
    ['東京タワーに行きました。とても楽しかったです。', undefined, 'ja'],
    ['東京大学', 'ja', 'ja'],
    ['안녕하세요 세계, 반갑습니다', undefined, 'ko'],
    ['مرحبا بالعالم', undefined, 'ar'],
    ['سلام دنیا', 'fa-IR', 'fa'],
    ['שלום עולם', undefined, 'he'],
    ['Привет мир, как дела', undefined, 'ru'],
    ['Привіт світ і все', undefined, 'uk'],
    ['Καλημέρα κόσμε', undefined, 'el'],
    ['สวัสดีครับ', undefined, 'th'],
    ['The quick brown fox jumps over the lazy dog and it is fine with that.', undefined, 'en'],
    ['Le chat est sur la table et il dort dans la maison.', undefined, 'fr'],
    ['Lorem ipsum dolor sit amet', undefined, 'und'],
    ['Lorem ipsum dolor sit amet', 'fr-FR', 'fr'],
    ['Hello world, this is the page', 'zh-CN', 'en'],
    ['我们使用 JavaScript 和 TypeScript 开发 Chrome extension 的功能', 'en', 'zh'],
    ['This article quotes 知识管理 once, in English text about management and the rest of it.', undefined, 'en'],
  ])('%s (hint %s) → %s', (text, hint, expected) => {
    expect(detectLanguage(text, hint)).toBe(expected);
  });

  it('falls back to the hint primary subtag when the text has no letters', () => {
    expect(detectLanguage('', 'zh-CN')).toBe('zh');
    expect(detectLanguage('12345 !!', 'zh_TW')).toBe('zh');
    expect(detectLanguage('', null)).toBe('und');
  });

  it('looks only at the first ~5k characters', () => {
    const text = 'the cat and the dog are in the house. '.repeat(200) + '中文'.repeat(10000);
    expect(detectLanguage(text)).toBe('en');
  });
});

describe('primarySubtag', () => {
  it('extracts lower-case primary subtags and rejects junk', () => {
    expect(primarySubtag('zh-Hans-CN')).toBe('zh');
    expect(primarySubtag('EN_us')).toBe('en');
    expect(primarySubtag('x')).toBe('');
    expect(primarySubtag(null)).toBe('');
  });
});
