import { describe, expect, it } from 'vitest';
import { en } from '../../../lib/i18n/en';
import { zhCN } from '../../../lib/i18n/zh-CN';
import { UI_LANGS, dictionaryFor, placeholdersOf } from '../../../lib/i18n';

describe('UI dictionaries', () => {
  it('every language has exactly the English keys', () => {
    const reference = Object.keys(en).sort();
    for (const lang of UI_LANGS) expect(Object.keys(dictionaryFor(lang)).sort()).toEqual(reference);
    expect(Object.keys(zhCN).sort()).toEqual(reference);
  });

  it('every translation uses the same {placeholders} as English', () => {
    const mismatches: string[] = [];
    for (const lang of UI_LANGS) {
      const dict = dictionaryFor(lang);
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        const want = placeholdersOf(en[key]).join(',');
        const got = placeholdersOf(dict[key]).join(',');
        if (want !== got) mismatches.push(`${lang} ${key}: {${got}} vs {${want}}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('no message is empty and Chinese is actually translated', () => {
    for (const lang of UI_LANGS) for (const value of Object.values(dictionaryFor(lang))) expect(value.trim()).not.toBe('');
    const keys = Object.keys(en) as (keyof typeof en)[];
    // Brand and language names may match; everything else in zh-CN should contain CJK text.
    const untranslated = keys.filter((k) => !/[\u4e00-\u9fff]/.test(zhCN[k]) && !['app.name', 'lang.en'].includes(k));
    expect(untranslated).toEqual([]);
  });

  it('placeholdersOf finds names once, sorted', () => {
    expect(placeholdersOf('{b} and {a} and {b}')).toEqual(['a', 'b']);
    expect(placeholdersOf('none')).toEqual([]);
  });
});
