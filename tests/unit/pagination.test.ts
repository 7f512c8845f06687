/**
 * Pagination detection across the shapes Chinese news sites use, and following the pages: fetched
 * with a fake fetcher over jsdom pages, extracted with the same rule, joined in order, with limits.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { findPages, pageLinks, pageNumberOf } from '@/utils/extract/pages';
import { extractArticle } from '@/utils/extract';
import { followPages, MAX_PAGES, PAGES_BUDGET_MS } from '@/utils/extract/in-page';

const dom = (html: string, url: string) => new JSDOM(html, { url });
const links = (hrefs: [string, string][]) =>
  `<html><body>${hrefs.map(([href, text]) => `<a href="${href}">${text}</a>`).join(' ')}</body></html>`;
/** The document at `url` whose body is these links ([href, text] each). */
const linkPage = (url: string, hrefs: [string, string][]) => dom(links(hrefs), url).window.document;

describe('findPages', () => {
  it('TRS _N suffixes (content_N.htm, content_N_2.htm …), in page order', () => {
    const url = 'http://www.example.gov.cn/xw/content_123.htm';
    const doc = linkPage(url, [
      ['content_123_3.htm', '3'],
      ['content_123_2.htm', '2'],
      ['content_123.htm', '1'],
      ['content_456.htm', '另一篇'],
      ['content_123_2.htm', '下一页'],
    ]);
    expect(findPages(doc, url)).toEqual([
      'http://www.example.gov.cn/xw/content_123_2.htm',
      'http://www.example.gov.cn/xw/content_123_3.htm',
    ]);
  });

  it('a page in the middle lists only the pages after it', () => {
    const url = 'https://news.example.cn/a/2840720_2.html';
    const doc = linkPage(url, [
      ['2840720.html', '1'],
      ['2840720_2.html', '2'],
      ['2840720_3.html', '3'],
    ]);
    expect(findPages(doc, url)).toEqual(['https://news.example.cn/a/2840720_3.html']);
  });

  it('?page=N and &p=N query parameters on the same path and query', () => {
    const url = 'https://bbs.example.cn/article.php?id=77';
    const doc = linkPage(url, [
      ['article.php?id=77&page=2', '2'],
      ['article.php?id=77&page=3', '3'],
      ['article.php?id=78&page=2', '别的文章'],
    ]);
    expect(findPages(doc, url)).toEqual([
      'https://bbs.example.cn/article.php?id=77&page=2',
      'https://bbs.example.cn/article.php?id=77&page=3',
    ]);
    const p = 'https://www.example.com/news/show?aid=5';
    const pdoc = linkPage(p, [['show?aid=5&p=2', '下页']]);
    expect(findPages(pdoc, p)).toEqual(['https://www.example.com/news/show?aid=5&p=2']);
  });

  it('下一页 / Next / rel=next links are recognised; 下一篇 (the next article) is not', () => {
    const url = 'https://news.example.cn/a/100.html';
    const doc = linkPage(url, [
      ['100_2.html', '下一页'],
      ['101.html', '下一篇'],
    ]);
    expect(pageLinks(doc, url).next).toBe('https://news.example.cn/a/100_2.html');
    expect(findPages(doc, url)).toEqual(['https://news.example.cn/a/100_2.html']);
    const en = linkPage('https://e.example.com/story/9', [['/story/9?page=2', 'Next »']]);
    expect(pageLinks(en, 'https://e.example.com/story/9').next).toBe('https://e.example.com/story/9?page=2');
    const rel = dom(
      '<html><head><link rel="next" href="9?page=2"></head><body></body></html>',
      'https://e.example.com/story/9',
    ).window.document;
    expect(pageLinks(rel, 'https://e.example.com/story/9').next).toBe('https://e.example.com/story/9?page=2');
  });

  it('other origins, other articles and list pages are never pages of the article', () => {
    const url = 'https://news.example.cn/a/100.html';
    const doc = linkPage(url, [
      ['https://other.example.cn/a/100_2.html', '2'],
      ['/a/list_2.html', '下一页'],
      ['/b/100_2.html', '2'],
      ['javascript:next()', '下一页'],
    ]);
    expect(findPages(doc, url)).toEqual([]);
    expect(pageLinks(doc, url).next).toBeNull();
  });

  it("absolute addresses on the page's own origin count however they are written", () => {
    // links skipped without parsing must be exactly those the URL parser would put elsewhere
    const url = 'http://news.example.cn/a/100.html';
    const doc = linkPage(url, [
      ['HTTP://NEWS.Example.CN/a/100_2.html', '2'],
      ['http://news.example.cn:80/a/100_3.html', '3'],
      ['  http://news.example.cn/a/100_4.html', '4'],
      ['//news.example.cn/a/100_5.html', '5'],
      ['https://news.example.cn/a/100_6.html', '6'],
      ['http://news.example.cn.evil.com/a/100_7.html', '7'],
    ]);
    expect(findPages(doc, url)).toEqual([2, 3, 4, 5].map((n) => `http://news.example.cn/a/100_${n}.html`));
    const ip = 'http://127.0.0.1/a/100.html';
    const ipDoc = linkPage(ip, [['http://0x7f.0.0.1/a/100_2.html', '2']]);
    expect(findPages(ipDoc, ip)).toEqual(['http://127.0.0.1/a/100_2.html']);
  });

  it('relative addresses count in any form that resolves to a page of the article', () => {
    const url = 'http://news.example.cn/a/100.html';
    const doc = linkPage(url, [
      ['./100_2.html', '2'],
      ['../a/100_3.html', '3'],
      ['100_4.html#top', '4'],
      ['/a/b/../100_5.html', '5'],
      ['101_2.html', '别的文章'],
      ['./', '栏目'],
    ]);
    expect(findPages(doc, url)).toEqual([2, 3, 4, 5].map((n) => `http://news.example.cn/a/100_${n}.html`));
    const middle = 'http://news.example.cn/a/100_2.html';
    const back = linkPage(middle, [['100.html', '1']]);
    expect([...pageLinks(back, middle).numbered]).toEqual([[1, 'http://news.example.cn/a/100.html']]);
    const folder = 'https://e.example.com/story/';
    const list = linkPage(folder, [['./?page=2', '2']]);
    expect(findPages(list, folder)).toEqual(['https://e.example.com/story/?page=2']);
  });

  it('page numbers of addresses', () => {
    const page = new URL('http://x.cn/c/content_9.htm');
    expect(pageNumberOf(page, new URL('http://x.cn/c/content_9_4.htm'))).toBe(4);
    expect(pageNumberOf(page, new URL('http://x.cn/c/content_9.htm'))).toBe(1);
    expect(pageNumberOf(page, new URL('http://x.cn/c/content_8_2.htm'))).toBeNull();
    // a long numeric id after an underscore is an id, not a page (TRS t20190320_2840720.html)
    const trs = new URL('http://x.cn/c/t20190320_2840720.html');
    expect(pageNumberOf(trs, new URL('http://x.cn/c/t20190320_2840721.html'))).toBeNull();
  });
});

const PARA = (n: number, page: number) =>
  `<p>　　第${page}页第${n}段：长白山冰雪季在池北区正式开幕，来自全国各地的滑雪爱好者齐聚一堂，共赏雾凇奇观。</p>`;
function trsPage(page: number, total: number, id = 123) {
  const nav = Array.from({ length: total }, (_, i) =>
    i === 0 ? `<a href="content_${id}.htm">1</a>` : `<a href="content_${id}_${i + 1}.htm">${i + 1}</a>`,
  ).join(' ');
  const next = page < total ? `<a href="content_${id}_${page + 1}.htm">下一页</a>` : '';
  return `<html><head><title>冰雪季开幕_示例新闻网</title></head><body>
    <h1>长白山冰雪季开幕</h1><div class="info">2024-12-01 09:30 来源：示例日报</div>
    <div class="TRS_Editor">${[1, 2, 3, 4].map((n) => PARA(n, page)).join('')}</div>
    <div class="page">${nav} ${next}</div></body></html>`;
}

function site(pages: Map<string, string>, log: string[] = []) {
  return async (url: string) => {
    log.push(url);
    const html = pages.get(url);
    if (!html) throw new Error('HTTP 404');
    return html;
  };
}

describe('followPages', () => {
  const base = 'http://www.example.gov.cn/xw/';
  const first = (total: number) => {
    const url = `${base}content_123.htm`;
    const { window } = dom(trsPage(1, total), url);
    const doc = window.document;
    return { doc, url, article: extractArticle(doc, url), html: doc.documentElement.outerHTML, window };
  };

  it('joins the bodies of a 3-page TRS article in order and records every URL', async () => {
    const pages = new Map([
      [`${base}content_123_2.htm`, trsPage(2, 3)],
      [`${base}content_123_3.htm`, trsPage(3, 3)],
    ]);
    const start = first(3);
    const log: string[] = [];
    const joined = await followPages(start, site(pages, log), start.window as unknown as Window);
    expect(joined.article.pages).toEqual([
      `${base}content_123.htm`,
      `${base}content_123_2.htm`,
      `${base}content_123_3.htm`,
    ]);
    const order = [...joined.article.textContent.matchAll(/第(\d)页第(\d)段/g)].map((m) => `${m[1]}.${m[2]}`);
    expect(order).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
      '3.1',
      '3.2',
      '3.3',
      '3.4',
    ]);
    expect(joined.article.title).toBe(start.article.title);
    expect(joined.notes).toEqual([]);
    expect(joined.pages.map((p) => p.url)).toEqual(joined.article.pages);
    expect(log).toHaveLength(2);
  });

  it('a single page stays one page with pages []', async () => {
    const start = first(1);
    const joined = await followPages(start, site(new Map()), start.window as unknown as Window);
    expect(joined.article.pages).toEqual([]);
    expect(joined.article.textContent).toBe(start.article.textContent);
  });

  it(`stops at ${MAX_PAGES} pages with a note`, async () => {
    const total = 25;
    const pages = new Map(
      Array.from({ length: total - 1 }, (_, i) => [`${base}content_123_${i + 2}.htm`, trsPage(i + 2, total)]),
    );
    const start = first(total);
    const joined = await followPages(start, site(pages), start.window as unknown as Window);
    expect(joined.article.pages).toHaveLength(MAX_PAGES);
    expect(joined.notes).toEqual([{ code: 'pages-limit', url: `${base}content_123_21.htm` }]);
  });

  it('stops when the time budget is spent, and at a page that fails, with a note', async () => {
    const pages = new Map([[`${base}content_123_2.htm`, trsPage(2, 3)]]);
    let now = 0;
    const slow = async (url: string) => {
      now += PAGES_BUDGET_MS + 1;
      return site(pages)(url);
    };
    const start = first(3);
    const timed = await followPages(start, slow, start.window as unknown as Window, () => now);
    expect(timed.article.pages).toHaveLength(2);
    expect(timed.notes).toEqual([{ code: 'pages-timeout', url: `${base}content_123_3.htm` }]);

    const broken = await followPages(start, site(pages), start.window as unknown as Window);
    expect(broken.article.pages).toHaveLength(2);
    expect(broken.notes).toEqual([{ code: 'pages-failed', url: `${base}content_123_3.htm` }]);
  });

  it('a loop of next links ends', async () => {
    const url = `${base}content_123.htm`;
    const loop = trsPage(2, 2).replace('</body>', `<a href="content_123.htm">下一页</a></body>`);
    const start = first(2);
    const joined = await followPages(
      start,
      site(new Map([[`${base}content_123_2.htm`, loop]])),
      start.window as unknown as Window,
    );
    expect(joined.article.pages).toEqual([url, `${base}content_123_2.htm`]);
  });
});
