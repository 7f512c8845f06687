/**
 * Hostile shapes of page: empty, malformed, huge, deeply nested, framesets. The extractor returns an
 * Article or a typed error, never hangs or throws anything else. Sizes are kept small enough for
 * jsdom to build the pages quickly; the limits that guard the real sizes are exercised directly.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { extractArticle, NoArticleError } from '@/utils/extract';
import { collectLines } from '@/utils/extract/lines';
import { extractInPage } from '@/utils/extract/in-page';

const URL = 'https://news.example.cn/2024/12/01/1.html';
const PARA = '长白山冰雪季在池北区正式开幕，来自全国各地的滑雪爱好者齐聚一堂。';
const page = (html: string) => new JSDOM(html, { url: URL }).window.document;

function articleOrTypedError(doc: Document, options = {}) {
  try {
    return extractArticle(doc, URL, options);
  } catch (error) {
    expect(error).toBeInstanceOf(NoArticleError);
    return null;
  }
}

describe('robustness', () => {
  it('an empty page is a NoArticleError', () => {
    expect(() => extractArticle(page(''), URL)).toThrow(NoArticleError);
    expect(() => extractArticle(page('<html><body>   </body></html>'), URL)).toThrow(NoArticleError);
  });

  it('malformed HTML still gives an article', () => {
    const doc = page(`<div><h1>标题<p>${PARA}<b>未闭合<table><td>${PARA}<li>${PARA}</div></span></p>`);
    const article = articleOrTypedError(doc);
    expect(article?.textContent).toContain('长白山冰雪季');
  });

  it('a 10 MB page gives an article', () => {
    const big = PARA.repeat(Math.ceil(10_000_000 / PARA.length / 3)); // ~10 MB of UTF-8
    const doc = page(`<html><body><h1>大页面</h1><p>${big}</p><p>${PARA}</p></body></html>`);
    const article = articleOrTypedError(doc);
    expect(article!.textContent.length).toBeGreaterThan(3_000_000);
  });

  it('deep nesting goes to the line-based body instead of Readability', () => {
    const depth = 1_000;
    const doc = page(
      `<html><body>${'<div>'.repeat(depth)}<p>${PARA}</p>${'</div>'.repeat(depth)}</body></html>`,
    );
    const article = articleOrTypedError(doc);
    expect(article?.textContent).toBe(PARA);
  });

  it('the line walker is iterative: 10,000 levels do not overflow the stack', () => {
    const doc = page('<html><body></body></html>');
    let node: Element = doc.createElement('p');
    node.textContent = PARA;
    for (let i = 0; i < 10_000; i++) {
      const wrapper = doc.createElement('div');
      wrapper.append(node);
      node = wrapper;
    }
    const stats = { elements: 0, maxDepth: 0 };
    expect(collectLines(node, { stats }).map((l) => l.text)).toEqual([PARA]);
    expect(stats.maxDepth).toBe(10_000);
  });

  it('a stack overflow while cloning falls back to the line-based body', () => {
    const doc = page(`<html><body><h1>标题</h1><p>${PARA}</p></body></html>`);
    vi.spyOn(doc, 'cloneNode').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    expect(extractArticle(doc, URL).textContent).toBe(PARA);
  });

  it('a page over the element limit (200,000 paragraphs, scaled down) uses the line-based body', () => {
    const doc = page(
      `<html><body><h1>很多段落</h1><div>${`<p>${PARA}</p>`.repeat(1_500)}</div></body></html>`,
    );
    const article = extractArticle(doc, URL, { limits: { maxElements: 1_000, maxDepth: 100 } });
    expect(article.textContent.split('\n')).toHaveLength(1_500);
  });

  it('a frameset is a typed error in the page', async () => {
    const doc = page('<html><frameset><frame src="a.html"></frameset></html>');
    const result = await extractInPage(doc, URL, { mode: 'page' });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'frameset' }) });
    articleOrTypedError(doc);
  });

  it("an unexpected error keeps its message where the stack has none (Firefox's)", async () => {
    const error = new TypeError('r.searchParams.keys() is not iterable');
    error.stack = 'Ri@moz-extension://x/extractor.js:1:773\n';
    const doc = {
      querySelector: () => {
        throw error;
      },
    } as unknown as Document;
    expect(await extractInPage(doc, URL, { mode: 'page' })).toEqual({
      ok: false,
      error: {
        code: 'internal',
        detail: 'TypeError: r.searchParams.keys() is not iterable\nRi@moz-extension://x/extractor.js:1:773\n',
      },
    });
  });

  it('extraction never modifies the page', () => {
    const doc = page(
      `<html><body><h1>标题</h1><div class="share">分享到</div><p>　　${PARA}</p><img data-src="/a.jpg"><p>编辑：王五</p></body></html>`,
    );
    const before = doc.documentElement.outerHTML;
    extractArticle(doc, URL);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
