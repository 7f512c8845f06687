/**
 * Pages an app renders by script, saved or fetched before the script ran: the story is only in the
 * page's embedded data (the app's state, JSON-LD's articleBody). It is the body where the page shows
 * less than an article, parsed where nothing loads or runs and sanitized like any clip; a page that
 * shows its story keeps it.
 */
import { describe, expect, it } from 'vitest';
import { ENGLISH_PARAGRAPHS, extract, extractHtml, PARAGRAPHS } from './page';

/** An app's shell: its story only in a state object the script would have rendered. */
function appShell(state: object, head = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>长白山冰雪季开幕 游客同比增长三成 - 示例新闻</title>${head}</head>
<body><div id="app"><div class="loading">正在加载...</div></div>
<script>window.__INITIAL_STATE__ = ${JSON.stringify(state).replace(/</g, '\\u003c')};</script></body></html>`;
}

const URL = 'https://www.example-app.cn/news/detail/12345';

describe("an app's state holding the story's HTML", () => {
  const content = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');

  it('is the body, from the embedded data', () => {
    const article = extractHtml(
      appShell({ article: { id: 12345, content, pubTime: '2019-09-26 15:10:33' } }),
      URL,
    );
    expect(article.textContent.split('\n')).toEqual(PARAGRAPHS);
    expect(article.origins.body).toBe('metadata');
    expect(article.publishedAt).toBe('2019-09-26T15:10:33+08:00');
  });

  it.each(['widgetContent', 'newsContent', 'contentText', 'articleBodyHtml', 'txtHTML', 'detailInfo'])(
    'is the body under whatever key names it content, body, html or detail: %s',
    (key) => {
      const article = extractHtml(appShell({ data: { title: '长白山', [key]: content } }), URL);
      expect(article.textContent.split('\n')).toEqual(PARAGRAPHS);
    },
  );

  it('is parsed where nothing runs and sanitized like any clip', () => {
    const hostile = `<script>alert(1)</script>${content}<img src="https://img.example.cn/a.jpg" onerror="alert(2)">`;
    const article = extractHtml(appShell({ article: { contentHtml: hostile } }), URL);
    expect(article.textContent.split('\n')).toEqual(PARAGRAPHS);
    expect(article.contentHtml).not.toMatch(/script|onerror|alert/);
    expect(article.images.map((image) => image.src)).toEqual(['https://img.example.cn/a.jpg']);
  });

  it('a page that shows its story keeps it, whatever its state holds', () => {
    const state = JSON.stringify({ content: `<p>${'推荐阅读：另一篇文章的摘要。'.repeat(30)}</p>` });
    const article = extract({ head: `<script>var app = ${state};</script>` });
    expect(article.textContent.split('\n')).toEqual(PARAGRAPHS);
    expect(article.origins.body).toBe('page');
  });
});

describe("a script's object literal holding the story's HTML, as older portal templates print it", () => {
  const story = [...PARAGRAPHS, ...PARAGRAPHS.map((p) => p.replace('。', '，据了解。'))];
  const content = story.map((p) => `<p>${p}</p>`).join('');
  const shell = (script: string) =>
    `<!doctype html><html><head><meta charset="utf-8"><title>长白山冰雪季开幕 游客同比增长三成 - 示例新闻</title></head>
<body><div id="app"><div class="loading">正在加载...</div></div><script>${script}</script></body></html>`;

  it.each([
    [
      'key unquoted, markup entity-escaped in single quotes',
      `var BASE_DATA = { articleInfo: { title: '长白山', content: '${content.replace(/</g, '&lt;').replace(/>/g, '&gt;')}'.replace(/&lt;/g, '<'), groupId: '123' } };`,
    ],
    [
      'single quotes with \\x escapes',
      `var data = { article: { content: '${content.replace(/</g, '\\x3c')}' } };`,
    ],
    ['key unquoted, double quotes', `window.data = { detail: "${content}" };`],
  ])('%s: is the body', (_, script) => {
    const article = extractHtml(shell(script), URL);
    expect(article.textContent.split('\n')).toEqual(story);
    expect(article.origins.body).toBe('metadata');
  });

  it.each(['comments', 'summary', 'description'])(
    'a key that names neither content, body, html nor detail is not read: %s',
    (key) => {
      const html = shell(`var data = { ${key}: '${content}' };`);
      expect(() => extractHtml(html, URL)).toThrow(/no readable article/);
    },
  );
});

describe("JSON-LD's articleBody on a page that shows none", () => {
  it('is the body, a paragraph a line', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'City Council Approves Transit Plan',
      articleBody: ENGLISH_PARAGRAPHS.join('\n\n'),
    });
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>City Council Approves Transit Plan - Example Times</title>
<script type="application/ld+json">${ld}</script></head><body><div id="root"><noscript>You need to enable JavaScript to run this app.</noscript></div></body></html>`;
    const article = extractHtml(html, 'https://www.example-times.com/news/transit-plan');
    expect(article.textContent.split('\n')).toEqual(ENGLISH_PARAGRAPHS);
    expect(article.title).toBe('City Council Approves Transit Plan');
  });
});
