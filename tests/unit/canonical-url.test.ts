import { describe, expect, it } from 'vitest';
import { canonicalUrlFor, normalizeUrl, siteOf } from '@/utils/model/canonical-url';

describe('normalizeUrl', () => {
  it('drops tracking parameters and the fragment, keeps the rest', () => {
    expect(
      normalizeUrl('https://news.cnjiwang.com/a/201903/2840720.html?utm_source=wx&spm=1.2&id=5#top'),
    ).toBe('https://news.cnjiwang.com/a/201903/2840720.html?id=5');
  });
  it('folds mobile hosts and page suffixes of a paginated article', () => {
    expect(normalizeUrl('http://m.example.cn/content/2019-03/20/content_123_2.htm')).toBe(
      'http://www.example.cn/content/2019-03/20/content_123.htm',
    );
  });
});

describe('canonicalUrlFor', () => {
  const page = 'https://news.cnjiwang.com/jlgakx/201903/2840720.html?from=groupmessage';
  it('believes a declared URL on the same site', () => {
    expect(canonicalUrlFor(page, ['https://www.cnjiwang.com/jlgakx/201903/2840720.html'])).toBe(
      'https://www.cnjiwang.com/jlgakx/201903/2840720.html',
    );
  });
  it('ignores a declared URL on another site, so a page cannot overwrite another site’s clip', () => {
    expect(canonicalUrlFor(page, ['https://www.xinhuanet.com/some-article.htm'])).toBe(
      'https://news.cnjiwang.com/jlgakx/201903/2840720.html',
    );
  });
  it('ignores javascript: and unparsable declarations', () => {
    expect(canonicalUrlFor(page, ['javascript:alert(1)', 'http://[bad'])).toBe(
      'https://news.cnjiwang.com/jlgakx/201903/2840720.html',
    );
  });
  it('knows second-level Chinese domains', () => {
    expect(siteOf('www.chinajilin.com.cn')).toBe('chinajilin.com.cn');
    expect(siteOf('news.cnjiwang.com')).toBe('cnjiwang.com');
  });
});
