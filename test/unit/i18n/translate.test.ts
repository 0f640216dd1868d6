import { describe, expect, it } from 'vitest';
import { createTranslator, formatDate, formatNumber, interpolate, langFromLocale, resolveUiLang } from '../../../lib/i18n';

describe('language choice', () => {
  it('maps any zh* browser language to zh-CN and everything else to en', () => {
    expect(langFromLocale('zh')).toBe('zh-CN');
    expect(langFromLocale('zh-TW')).toBe('zh-CN');
    expect(langFromLocale('zh_Hans_CN')).toBe('zh-CN');
    expect(langFromLocale('ZH-hk')).toBe('zh-CN');
    expect(langFromLocale('en-US')).toBe('en');
    expect(langFromLocale('ja')).toBe('en');
    expect(langFromLocale('zu')).toBe('en');
    expect(langFromLocale('')).toBe('en');
    expect(langFromLocale(undefined)).toBe('en');
  });

  it('an explicit setting overrides the browser language', () => {
    expect(resolveUiLang('en', 'zh-CN')).toBe('en');
    expect(resolveUiLang('zh-CN', 'en-GB')).toBe('zh-CN');
    expect(resolveUiLang('auto', 'zh-SG')).toBe('zh-CN');
    expect(resolveUiLang(null, 'fr')).toBe('en');
  });
});

describe('t()', () => {
  it('translates and fills placeholders in each language', () => {
    const tEn = createTranslator('en');
    const tZh = createTranslator('zh-CN');
    expect(tEn('toast.undo')).toBe('Undo');
    expect(tZh('toast.undo')).toBe('撤销');
    expect(tEn('form.removeTag', { tag: 'ml' })).toBe('Remove tag ml');
    expect(tZh('duplicate.banner', { date: '2024年3月5日' })).toBe('已在资料库中（收藏于 2024年3月5日）');
  });

  it('formats numeric parameters with Intl and leaves missing ones visible', () => {
    expect(createTranslator('en')('library.count', { count: 12345 })).toBe('12,345 clips');
    expect(interpolate('{a} {b}', { a: 'x' })).toBe('x {b}');
  });
});

describe('Intl formatting', () => {
  it('formats dates per language and rejects invalid input', () => {
    const iso = '2024-03-05T12:00:00Z';
    expect(formatDate(iso, 'en')).toMatch(/Mar 5, 2024/);
    expect(formatDate(iso, 'zh-CN')).toMatch(/2024年3月5日/);
    expect(formatDate('not a date', 'en')).toBe('');
    expect(formatDate(null, 'en')).toBe('');
  });

  it('formats numbers per language', () => {
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(1234, 'zh-CN')).toBe('1,234');
  });
});
