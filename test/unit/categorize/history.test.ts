import { describe, expect, it } from 'vitest';
import { buildFilingHistory, emptyFilingHistory, recordFiling } from '../../../lib/categorize/history';
import { siteKeyOf } from '../../../lib/categorize/terms';

describe('filing history', () => {
  const clips = [
    { url: 'https://www.example.com/a', siteName: 'Example', title: 'Neural network training tips', text: 'Training a neural network model needs data.', categoryId: 'tech-ai' },
    { url: 'https://example.com/b', siteName: 'Example', title: 'Model evaluation', categoryId: 'tech-ai' },
    { url: 'https://zh.example.org/c', siteName: null, title: '知识管理实践', text: '知识管理与知识共享。知识管理很重要。', categoryId: 'learning-km' },
    { url: 'https://example.com/c', siteName: 'Example', title: 'Unfiled', categoryId: null },
  ];

  it('counts clips per site (www. ignored) and category, skipping unfiled clips', () => {
    const h = buildFilingHistory(clips);
    expect(h.bySite['example.com']).toEqual({ 'tech-ai': 2 });
    expect(h.bySite['zh.example.org']).toEqual({ 'learning-km': 1 });
  });

  it('learns stemmed title and key terms per category', () => {
    const h = buildFilingHistory(clips);
    expect(h.termsByCategory['tech-ai']!['model']).toBeGreaterThanOrEqual(2);
    expect(h.termsByCategory['tech-ai']!['network']).toBeGreaterThan(0);
    expect(h.termsByCategory['learning-km']!['知识管理'] || h.termsByCategory['learning-km']!['知识']).toBeGreaterThan(0);
    expect(h.termsByCategory['tech-ai']!['the']).toBeUndefined();
  });

  it('records incrementally to the same result as building at once', () => {
    const h = emptyFilingHistory();
    for (const c of clips) recordFiling(h, c);
    expect(h).toEqual(buildFilingHistory(clips));
  });

  it('keys sites by hostname, falling back to the site name', () => {
    expect(siteKeyOf('https://WWW.Example.com/x', 'Ex')).toBe('example.com');
    expect(siteKeyOf('not a url', ' My Site ')).toBe('my site');
  });
});
