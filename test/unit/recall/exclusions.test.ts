import { describe, expect, it } from 'vitest';
import { compilePattern, createExclusionMatcher, DEFAULT_EXCLUDED_SITES, isExcludedUrl, parseExcludedSites } from '@/lib/recall/exclusions';

describe('exclusion patterns', () => {
  it('a bare host covers itself and its subdomains, not look-alikes', () => {
    const m = createExclusionMatcher(['mail.google.com']);
    expect(m('https://mail.google.com/mail/u/0/#inbox')).toBe(true);
    expect(m('https://x.mail.google.com/')).toBe(true);
    expect(m('https://docs.google.com/')).toBe(false);
    expect(m('https://evilmail.google.com.example.org/')).toBe(false);
    expect(m('https://notmail.google.com/')).toBe(false);
  });

  it('*.host covers the apex and subdomains', () => {
    const m = createExclusionMatcher(['*.paypal.com']);
    expect(m('https://paypal.com/')).toBe(true);
    expect(m('https://www.paypal.com/signin')).toBe(true);
    expect(m('https://paypal.com.evil.net/')).toBe(false);
  });

  it('globs inside the host', () => {
    const m = createExclusionMatcher(['*.bank*']);
    expect(m('https://www.bankofamerica.com/')).toBe(true);
    expect(m('https://online.bank.example/')).toBe(true);
    expect(m('https://bank.com/')).toBe(true);
    expect(m('https://riverbanks.org/')).toBe(false);
  });

  it('ports and paths narrow a pattern', () => {
    const m = createExclusionMatcher(['127.0.0.1:8080', 'example.com/account*']);
    expect(m('http://127.0.0.1:8080/x')).toBe(true);
    expect(m('http://127.0.0.1:9090/x')).toBe(false);
    expect(m('https://example.com/accounts/me')).toBe(true);
    expect(m('https://example.com/blog')).toBe(false);
  });

  it('ignores schemes, case, comments and junk', () => {
    expect(isExcludedUrl('https://OUTLOOK.live.com/mail', ['https://outlook.live.com # mail'])).toBe(true);
    expect(compilePattern('   ')).toBeNull();
    expect(compilePattern('# only a comment')).toBeNull();
    expect(isExcludedUrl('not a url', ['*'])).toBe(false);
    expect(isExcludedUrl(undefined, ['*'])).toBe(false);
  });

  it('defaults block banking, mail, health and password managers but not ordinary sites', () => {
    const m = createExclusionMatcher(DEFAULT_EXCLUDED_SITES);
    for (const url of ['https://www.chase.bank/', 'https://mail.google.com/', 'https://outlook.live.com/', 'https://www.paypal.com/',
      'https://mychart.example-health.org/', 'https://my.1password.com/', 'https://vault.bitwarden.com/', 'https://mail.qq.com/']) {
      expect(m(url), url).toBe(true);
    }
    for (const url of ['https://en.wikipedia.org/wiki/Bank', 'https://github.com/', 'https://news.qq.com/a/1.htm', 'https://www.google.com/search?q=mail']) {
      expect(m(url), url).toBe(false);
    }
  });

  it('parses the settings text into patterns', () => {
    expect(parseExcludedSites('a.com\n  b.com , \n# note\nc.com')).toEqual(['a.com', 'b.com', 'c.com']);
  });
});
