/** The generic pipeline (no site rule) on pages written for these tests. */
import fs from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/utils/extract';

const PARA = [
  '十二月一日，长白山冰雪季在池北区正式开幕。开幕式上，来自全国各地的滑雪爱好者齐聚一堂，共同迎接新雪季的到来。',
  '据景区管委会介绍，今年冰雪季共推出雪道四十余条，新增夜间滑雪、雪地温泉等特色项目，预计接待游客人数将比去年同期增长三成以上。',
  '为保障游客安全，景区增设了医疗救护点和安全巡逻队，并对所有缆车设施进行了全面检修，让游客玩得开心、玩得放心。',
];

const URL = 'https://www.example-news.cn/society/2024/12/01/12345.html';
const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>长白山冰雪季开幕 游客同比增长三成_社会频道_示例新闻网</title>
<meta property="og:site_name" content="示例新闻网"></head><body>
<div class="nav"><a href="/">首页</a> | <a href="/society/">社会</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/society/">社会</a> &gt; 正文</div>
<div class="article">
  <h3 class="yinti">冰雪经济持续升温</h3>
  <h1>长白山冰雪季开幕 游客同比增长三成</h1>
  <h2>——夜间滑雪、雪地温泉成新亮点</h2>
  <div class="info"><span>2024年12月01日 09:30</span><span>来源：示例日报</span><span>作者：李明</span></div>
  <div class="text">
    <p>　　（记者 李明 王芳）${PARA[0]}</p>
    <p>&nbsp;&nbsp;${PARA[1]}</p>
    <figure><img data-original="/img/ski.jpg" src="/img/blank.gif" alt="雪道"><figcaption>新开放的雪道</figcaption></figure>
    <p>${PARA[2]} <a href="/society/2024/11/30/1.html">前情回顾</a></p>
    <p>字号：大 中 小</p>
    <p>【打印】【关闭】</p>
    <p>责任编辑：赵雪</p>
    <div class="pages"><a href="12345_2.html">2</a> <a href="12345_3.html">3</a> <a href="12345_2.html">下一页</a></div>
  </div>
  <div class="related"><h4>相关新闻</h4><ul><li><a href="/a.html">2023年冰雪季开幕</a> 2023-12-01</li></ul></div>
</div></body></html>`;

describe('generic extraction', () => {
  const doc = new JSDOM(page, { url: URL }).window.document;
  const before = doc.documentElement.outerHTML;
  const article = extractArticle(doc, URL, { now: new Date('2024-12-02T00:00:00Z') });

  it('reads the structured fields around the title', () => {
    expect(article).toMatchObject({
      title: '长白山冰雪季开幕 游客同比增长三成',
      kicker: '冰雪经济持续升温',
      subtitle: '——夜间滑雪、雪地温泉成新亮点',
      publishedAt: '2024-12-01T09:30:00+08:00',
      publishedRaw: '2024年12月01日 09:30',
      source: '示例日报',
      authors: ['李明'],
      editors: ['赵雪'],
      siteName: '示例新闻网',
      section: ['社会'],
      articleId: '12345',
      extractor: 'generic',
    });
  });

  it('keeps the article text and figure, without boilerplate, with absolute URLs and promoted lazy images', () => {
    expect(article.textContent).toContain(PARA[1]);
    expect(article.textContent).toContain('新开放的雪道');
    for (const junk of ['字号', '打印', '责任编辑', '相关新闻', '2023年冰雪季', '\u00a0', '\u3000'])
      expect(article.textContent).not.toContain(junk);
    expect(article.images).toEqual([
      { src: 'https://www.example-news.cn/img/ski.jpg', alt: '雪道', caption: '新开放的雪道' },
    ]);
    expect(article.contentHtml).toContain('href="https://www.example-news.cn/society/2024/11/30/1.html"');
    expect(article.pages).toEqual([
      'https://www.example-news.cn/society/2024/12/01/12345_2.html',
      'https://www.example-news.cn/society/2024/12/01/12345_3.html',
    ]);
  });

  it('leaves the page untouched', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('takes the body from a selection, the metadata from the whole page', () => {
    const fresh = new JSDOM(page, { url: URL }).window.document;
    const range = fresh.createRange();
    range.selectNodeContents(fresh.querySelectorAll('.text p')[1]!);
    const clip = extractArticle(fresh, URL, { selection: range.cloneContents() });
    expect(clip.textContent).toBe(PARA[1]);
    expect(clip.title).toBe('长白山冰雪季开幕 游客同比增长三成');
    expect(clip.source).toBe('示例日报');
  });

  it('the shared generic fixture: title is the h1, roles are read', () => {
    const html = fs.readFileSync('tests/fixtures/pages/generic-news.html', 'utf8');
    const url = 'http://127.0.0.1/news/2024/12/01/ski.html';
    const a = extractArticle(new JSDOM(html, { url }).window.document, url);
    expect(a).toMatchObject({
      title: '长白山冰雪季开幕 游客同比增长三成',
      source: '示例日报',
      authors: ['李明'],
      editors: ['赵雪'],
      publishedAt: '2024-12-01T09:30:00+08:00',
    });
    expect(a.textContent).toContain('预计接待游客人数将比去年同期增长三成以上');
  });
});
