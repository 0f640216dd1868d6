import { describe, expect, it } from 'vitest';
import { normalizeUrl } from '../../../lib/url/canonical';
import { isTrackingParam } from '../../../lib/url/tracking';

describe('normalizeUrl', () => {
  it.each([
    ['HTTPS://Example.COM:443/Path/?utm_source=x&b=2&a=1#frag', 'https://example.com/Path/?a=1&b=2'],
    ['http://example.com', 'http://example.com/'],
    ['http://example.com/', 'http://example.com/'],
    ['http://example.com:80/a', 'http://example.com/a'],
    ['http://example.com:8080/a/', 'http://example.com:8080/a/'],
    ['https://example.com/a/', 'https://example.com/a/'],
    ['https://example.com/a', 'https://example.com/a'],
    ['https://www.example.com/a', 'https://www.example.com/a'],
    ['https://user:pw@example.com/x?fbclid=1', 'https://example.com/x'],
    ['https://example.com/x?gclid=1&dclid=2&msclkid=3&mc_cid=4&mc_eid=5&igshid=6&yclid=7&_hsenc=8&_hsmi=9', 'https://example.com/x'],
    ['https://example.com/x?ref_src=twsrc&id=5&utm_campaign=spring&UTM_Medium=mail', 'https://example.com/x?id=5'],
    ['https://example.com/?', 'https://example.com/'],
    ['https://example.com/?a=1&&b=2&a=0', 'https://example.com/?a=1&a=0&b=2'],
    ['https://example.com./x', 'https://example.com/x'],
    ['  https://a.com/page#section-2  ', 'https://a.com/page'],
    ['https://a.com/#!/route', 'https://a.com/#!/route'],
    ['https://a.com/app#/inbox/3', 'https://a.com/app#/inbox/3'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it('encodes Chinese hosts as punycode and paths/queries as UTF-8 percent escapes', () => {
    expect(normalizeUrl('https://例子.中国/路径/文章?q=中文&utm_medium=a')).toBe(
      'https://xn--fsqu00a.xn--fiqs8s/%E8%B7%AF%E5%BE%84/%E6%96%87%E7%AB%A0?q=%E4%B8%AD%E6%96%87',
    );
  });

  it('treats raw and percent-encoded Chinese paths, in either hex case, as the same URL', () => {
    const a = normalizeUrl('https://zh.wikipedia.org/wiki/知识管理');
    const b = normalizeUrl('https://zh.wikipedia.org/wiki/%e7%9f%a5%e8%af%86%e7%ae%a1%e7%90%86');
    const c = normalizeUrl('https://zh.wikipedia.org/wiki/%E7%9F%A5%E8%AF%86%E7%AE%A1%E7%90%86#历史');
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(a).toBe('https://zh.wikipedia.org/wiki/%E7%9F%A5%E8%AF%86%E7%AE%A1%E7%90%86');
  });

  it('decodes escaped unreserved characters but keeps escaped reserved ones', () => {
    expect(normalizeUrl('https://x.com/a%7Eb%2Fc%41?q=a%20b+c')).toBe('https://x.com/a~b%2FcA?q=a%20b+c');
  });

  it('sorts by the decoded parameter name and keeps values of repeated names in order', () => {
    expect(normalizeUrl('https://x.com/s?z=1&%E4%B8%AD=2&b=3&b=1')).toBe('https://x.com/s?b=3&b=1&z=1&%E4%B8%AD=2');
  });

  it('drops Chinese-platform tracking (spm, WeChat share noise) but keeps identifying params', () => {
    expect(normalizeUrl('https://item.taobao.com/item.htm?id=1&spm=a.b.c&scm=1')).toBe('https://item.taobao.com/item.htm?id=1');
    expect(
      normalizeUrl('https://mp.weixin.qq.com/s?__biz=MzA&mid=1&idx=1&sn=abc&chksm=zz&scene=21#wechat_redirect'),
    ).toBe('https://mp.weixin.qq.com/s?__biz=MzA&idx=1&mid=1&sn=abc');
    expect(normalizeUrl('https://www.bilibili.com/video/BV1xx?spm_id_from=333&vd_source=abc&p=2')).toBe(
      'https://www.bilibili.com/video/BV1xx?p=2',
    );
  });

  it('removes host-scoped noise only on that host', () => {
    expect(normalizeUrl('https://www.youtube.com/watch?v=abc&si=xyz&t=10')).toBe('https://www.youtube.com/watch?t=10&v=abc');
    expect(normalizeUrl('https://example.com/search?si=1&key=k&scene=2')).toBe('https://example.com/search?key=k&scene=2&si=1');
  });

  it('never throws and returns unparsable input trimmed', () => {
    expect(normalizeUrl('  not a url ')).toBe('not a url');
    expect(normalizeUrl('')).toBe('');
    expect(normalizeUrl('http://')).toBe('http://');
    expect(normalizeUrl(undefined as unknown as string)).toBe('');
  });

  it('leaves non-web schemes alone apart from parsing', () => {
    expect(normalizeUrl('mailto:a@b.com')).toBe('mailto:a@b.com');
    expect(normalizeUrl('file:///tmp/a.html#x')).toBe('file:///tmp/a.html');
  });

  it('is idempotent', () => {
    for (const u of ['HTTPS://Example.COM:443/Path/?utm_source=x&b=2&a=1#frag', 'https://例子.中国/路径?q=中文', 'https://a.com/#!/x']) {
      const once = normalizeUrl(u);
      expect(normalizeUrl(once)).toBe(once);
    }
  });
});

describe('isTrackingParam', () => {
  it('matches utm_* in any case and leaves ordinary names', () => {
    expect(isTrackingParam('utm_whatever', 'a.com')).toBe(true);
    expect(isTrackingParam('UTM_Source', 'a.com')).toBe(true);
    expect(isTrackingParam('page', 'a.com')).toBe(false);
    expect(isTrackingParam('ref', 'github.com')).toBe(false);
  });
});
