import { describe, expect, it } from 'vitest';
import { STARTER_TAXONOMY } from '@/lib/categorize/taxonomy';
import { createPageCategorizer } from '@/lib/recall/page-category';
import type { PageInfo } from '@/lib/recall/page-text';

const info = (title: string, text: string, lang = 'en'): PageInfo => ({ url: 'https://x.test/a', title, text, siteName: null, lang });

describe('page categorizer', () => {
  it('names the confident category of an English and a Chinese page, and null for a page about nothing in the taxonomy', async () => {
    let loads = 0;
    const cat = createPageCategorizer(async () => { loads++; return STARTER_TAXONOMY; });
    const security = await cat.categoryOf(info('New exploit hits Minecraft servers', 'A vulnerability let attackers run code; the exploit spread to servers before a patch. Security researchers saw malware and phishing. Patch now against this attack.'));
    expect(security).toBe('tech-security');
    const zh = await cat.categoryOf(info('团队管理与领导力', '管理者如何激励员工，提升团队绩效与执行力。领导力、企业文化与招聘决定组织的效率。', 'zh'));
    expect(zh).toBe('biz-management');
    expect(await cat.categoryOf(info('Untitled', 'lorem ipsum dolor sit amet'))).toBeNull();
    expect(loads).toBe(1);
    cat.invalidate();
    await cat.categoryOf(info('x', 'y'));
    expect(loads).toBe(2);
  });

  it('keeps only a confident top suggestion, and survives a failed taxonomy read', async () => {
    let fail = true;
    const weak = createPageCategorizer(async () => STARTER_TAXONOMY, () => [{ categoryId: 'tech', score: 0.3, why: '' }]);
    expect(await weak.categoryOf(info('a', 'b'))).toBeNull();
    const flaky = createPageCategorizer(async () => { if (fail) throw new Error('db'); return STARTER_TAXONOMY; }, () => [{ categoryId: 'tech', score: 0.9, why: '' }]);
    await expect(flaky.categoryOf(info('a', 'b'))).rejects.toThrow('db');
    fail = false;
    expect(await flaky.categoryOf(info('a', 'b'))).toBe('tech');
  });
});
