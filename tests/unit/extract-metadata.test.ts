import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readMetadata } from '@/utils/extract/metadata';

const doc = (head: string) =>
  new JSDOM(`<!doctype html><html><head>${head}</head><body></body></html>`).window.document;

describe('readMetadata', () => {
  it('reads JSON-LD NewsArticle (also inside @graph)', () => {
    const m = readMetadata(
      doc(
        `<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","headline":"标题<b>粗</b>","datePublished":"2019-03-20T11:58:00+08:00","author":[{"@type":"Person","name":"张三"},{"name":"李四"}],"publisher":{"name":"示例网"}}]}</script>`,
      ),
      'https://news.example.cn/a/1.html',
    );
    expect(m).toMatchObject({
      title: '标题粗',
      published: '2019-03-20T11:58:00+08:00',
      authors: ['张三', '李四'],
      siteName: '示例网',
    });
  });

  it.each([
    ['<![CDATA[', ']]>'],
    ['//<![CDATA[', '//]]>'],
    ['/*<![CDATA[*/', '/*]]>*/'],
    ['<!--', '-->'],
  ])('reads JSON-LD wrapped in %s … %s', (start, end) => {
    const m = readMetadata(
      doc(
        `<script type="application/ld+json">\n  ${start}\n  {"@context":{"@vocab":"http://schema.org"},"@type":"NewsArticle","datePublished":"2024-12-06T22:00:40.000Z"}\n  ${end}\n</script>`,
      ),
      'https://news.example.com/a/1.html',
    );
    expect(m.published).toBe('2024-12-06T22:00:40.000Z');
  });

  it.each([
    ['<dd itemprop="datePublished" content="2019-04-26">2019年04月</dd>', '2019-04-26'],
    [
      '<time itemprop="datePublished" datetime="2019-04-26T10:00:00+09:00">4月26日</time>',
      '2019-04-26T10:00:00+09:00',
    ],
    ['<span itemprop="datePublished">2019-04-26</span>', '2019-04-26'],
  ])('reads the publish date microdata gives on an element of the page: %s', (markup, published) => {
    const page = new JSDOM(
      `<!doctype html><html><head></head><body><article>${markup}</article></body></html>`,
    ).window.document;
    expect(readMetadata(page, 'https://www.example.co.jp/books/1').published).toBe(published);
  });

  it("a related story card's microdata date is not the page's", () => {
    const page = new JSDOM(
      '<!doctype html><html><body><ul class="related"><li><a href="/2">Other</a> <time itemprop="datePublished" datetime="2018-01-01">Jan 1</time></li></ul></body></html>',
    ).window.document;
    expect(readMetadata(page, 'https://www.example.com/1').published).toBeNull();
  });

  it("a template's unfilled variable (`nil`, `undefined`, `null`) declares nothing", () => {
    const m = readMetadata(
      doc(
        '<script type="application/ld+json">{"@type":"NewsArticle","articleSection":"nil","author":{"name":"null"}}</script>' +
          '<meta name="author" content="undefined"><meta property="og:site_name" content="[object Object]">',
      ),
      'https://news.example.com/a/1.html',
    );
    expect(m).toMatchObject({ section: [], authors: [], siteName: null });
  });

  it('survives hostile JSON-LD: __proto__ keys, HTML, broken JSON, odd types', () => {
    const m = readMetadata(
      doc(
        `<script type="application/ld+json">{"__proto__":{"polluted":1},"@type":"NewsArticle","headline":"<img src=x onerror=alert(1)>真标题","author":{"__proto__":{"name":"x"}},"datePublished":{"x":1}}</script>` +
          `<script type="application/ld+json">{not json</script>` +
          `<script type="application/ld+json">[null, 1, "s", {"@type":["Article"], "headline": 42}]</script>`,
      ),
      'https://example.cn/',
    );
    expect(m.title).toBe('真标题');
    expect(m.authors).toEqual([]);
    expect(m.published).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads government meta tags in any case; strips HTML, resolves a relative Url, ignores empties', () => {
    const m = readMetadata(
      doc(
        `<meta name="ArticleTitle" content="">` +
          `<meta name="articletitle" content="关于&lt;b&gt;印发&lt;/b&gt;方案的通知">` +
          `<meta name="PUBDATE" content="2016-11-22 09:53">` +
          `<meta name="ContentSource" content="  ">` +
          `<meta name="contentSource" content="省发改委">` +
          `<meta name="ColumnName" content="通知公告">` +
          `<meta name="Url" content="/art/2016/11/22/art_1_2.html">`,
      ),
      'http://fgw.zj.gov.cn/col/index.html',
    );
    expect(m).toMatchObject({
      title: '关于印发方案的通知',
      published: '2016-11-22 09:53',
      source: '省发改委',
      section: ['通知公告'],
    });
    expect(m.canonical).toContain('http://fgw.zj.gov.cn/art/2016/11/22/art_1_2.html');
  });

  it('reads a meta tag whose template put its value in `value` instead of `content`', () => {
    const m = readMetadata(
      doc(
        '<meta value="NSF 2019 in Kansai" name="og:title">' +
          '<meta name="publishdate" value="2019-03-05">' +
          '<meta name="source" content="" value="示例日报">',
      ),
      'https://www.example.org/seminar/2019/',
    );
    expect(m).toMatchObject({ title: 'NSF 2019 in Kansai', published: '2019-03-05', source: null });
  });

  it.each([
    // a tag line after the name
    ['Raw Story - Celebrating 18 Years of Independent Journalism', 'https://www.rawstory.com/x', 'Raw Story'],
    ['中国吉林网 - 吉林省重点新闻网站', 'https://www.cnjiwang.com/x', '中国吉林网'],
    // …or before it: the part the site's address names
    ['電子書籍 | BOOK☆WALKER', 'https://bookwalker.jp/x', 'BOOK☆WALKER'],
    ['Yahoo News - Latest News & Headlines', 'https://news.yahoo.com/x', 'Yahoo News'],
    // a name with a dash of its own stays whole
    ['Radio-Canada.ca', 'https://ici.radio-canada.ca/x', 'Radio-Canada.ca'],
  ])('the site name %s, on %s, is %s', (declared, url, name) => {
    expect(readMetadata(doc(`<meta property="og:site_name" content="${declared}">`), url).siteName).toBe(
      name,
    );
  });

  it("a Twitter handle names no site (`@nytimes`); the page's other declarations may", () => {
    expect(
      readMetadata(doc('<meta name="twitter:site" content="@nytimes">'), 'https://www.nytimes.com/x')
        .siteName,
    ).toBeNull();
    expect(
      readMetadata(
        doc(
          '<meta name="twitter:site" content="@nytimes"><meta name="application-name" content="The New York Times">',
        ),
        'https://www.nytimes.com/x',
      ).siteName,
    ).toBe('The New York Times');
  });

  it('reads each key of a tag that gives several (`property="og:site_name" name="application-name"`)', () => {
    const m = readMetadata(
      doc(
        '<meta name="application-name" content="示例 新聞雲"><meta property="og:site_name" name="application-name" content="示例 東森新聞雲">' +
          '<meta property="og:title twitter:title" content="長白山冰雪季開幕">',
      ),
      'https://www.example.com.tw/x',
    );
    expect(m.siteName).toBe('示例 東森新聞雲');
    expect(m.title).toBe('長白山冰雪季開幕');
  });

  it("a site's address names no site (`og:site_name` = `http://www.tmz.com`); the next declaration may", () => {
    expect(
      readMetadata(
        doc(
          '<meta property="og:site_name" content="http://www.example.com"><meta name="application-name" content="EXAMPLE.COM">',
        ),
        'https://www.example.com/x',
      ).siteName,
    ).toBe('EXAMPLE.COM');
  });

  it('reads citation metadata (`DC.Creator`, `citation_author`): each tag a person, surname first', () => {
    const dublinCore = readMetadata(
      doc('<meta name="DC.Creator" content="Kooman, F."><meta name="DC.Creator" content="Jong, Michiel de">'),
      'https://www.example.org/x',
    );
    expect(dublinCore.authors).toEqual(['F. Kooman', 'Michiel de Jong']);
    const highwire = readMetadata(
      doc(
        '<meta name="citation_author" content="Doe, Jane"><meta name="citation_author" content="Roe, R. J.">',
      ),
      'https://www.example.org/x',
    );
    expect(highwire.authors).toEqual(['Jane Doe', 'R. J. Roe']);
    // a name written given name first stays as it is
    expect(
      readMetadata(doc('<meta name="citation_author" content="Jane Doe">'), 'https://www.example.org/x')
        .authors,
    ).toEqual(['Jane Doe']);
  });

  it.each(['article_author', 'byline'])('reads the writer a `%s` meta tag declares', (name) => {
    expect(
      readMetadata(doc(`<meta name="${name}" content="Mike Cason">`), 'https://www.example.com/x').authors,
    ).toEqual(['Mike Cason']);
  });

  it('reads TRS news tags: publishdate, contentid, catalogs, author, source', () => {
    const m = readMetadata(
      doc(
        `<meta name="publishdate" content="2019-03-20 11:58:00"><meta name="contentid" content="2840720">` +
          `<meta name="catalogs" content="专题宣传"><meta name="author" content="梁欢欢"><meta name="source" content="中国吉林网">`,
      ),
      'http://news.cnjiwang.com/a/201903/2840720.html',
    );
    expect(m).toMatchObject({
      published: '2019-03-20 11:58:00',
      articleId: '2840720',
      section: ['专题宣传'],
      authors: ['梁欢欢'],
      source: '中国吉林网',
    });
  });

  it('ignores javascript: and other non-http canonical URLs', () => {
    const m = readMetadata(
      doc(`<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="data:x">`),
      'https://a.cn/',
    );
    expect(m.canonical).toEqual([]);
  });
});
