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
    expect(siteOf('www.gov.cn')).toBe('www.gov.cn');
    expect(siteOf('news.bbc.co.uk')).toBe('bbc.co.uk');
    expect(siteOf('127.0.0.1')).toBe('127.0.0.1');
    expect(siteOf('localhost')).toBe('localhost');
  });
  it('tells apart two sites under a public suffix of the Public Suffix List', () => {
    expect(siteOf('a.github.io')).toBe('a.github.io');
    expect(siteOf('b.github.io')).not.toBe(siteOf('a.github.io'));
    expect(siteOf('www.alice.blogspot.com')).toBe('alice.blogspot.com');
    expect(siteOf('bob.blogspot.com')).not.toBe(siteOf('alice.blogspot.com'));
  });
  it('does not let a.github.io claim b.github.io (or one blogspot blog another) as its canonical URL', () => {
    expect(canonicalUrlFor('https://a.github.io/post', ['https://b.github.io/post'])).toBe(
      'https://a.github.io/post',
    );
    expect(
      canonicalUrlFor('https://alice.blogspot.com/2026/01/x.html', ['https://bob.blogspot.com/x.html']),
    ).toBe('https://alice.blogspot.com/2026/01/x.html');
    // the same blog's own canonical address is still believed
    expect(
      canonicalUrlFor('https://alice.blogspot.com/x.html?m=1', ['https://www.alice.blogspot.com/x.html']),
    ).toBe('https://www.alice.blogspot.com/x.html');
  });
});
