/**
 * Who wrote a post on a blog platform or a community, as their templates print it: a nickname or an
 * organisation after a writer's label, longer than a personal name; the owner's name linked to the
 * home the post lives under, beside the date; a platform's <title> that names the owner last; the
 * writer's link inside a body that opens with the headline. And what stands beside the post's date
 * that names no outlet: a widget's counter label (字数 1,234), the headline itself in a stamped title
 * row. A <title> that names the blog only by its address says nothing of the article.
 */
import { describe, expect, it } from 'vitest';
import { parseByline } from '@/utils/extract/byline';
import { extractHtml, PARAGRAPHS } from './page';

const BODY = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');
const HEADLINE = '长白山冰雪季开幕';

function page(docTitle: string, markup: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${docTitle}</title></head><body>${markup}</body></html>`;
}

describe("a writer's label's whole value: a nickname or an organisation, longer than a personal name", () => {
  it.each([
    ['作者：雪地里的小王 发表日期：2012-3-5 10:23:00 楼主', ['雪地里的小王']],
    ['作者：长白山旅游局', ['长白山旅游局']],
    ['作者：吉林省气象服务中心', ['吉林省气象服务中心']],
    // people's names run together without a space are those people
    ['作者：王小明李大海', ['王小明', '李大海']],
    ['作者：李白杜甫王维', ['李白', '杜甫', '王维']],
    ['作者：王者荣耀爱好者', ['王者荣耀爱好者']],
    // where the piece came from, or who put it together, names no writer
    ['作者：本文来自网络', []],
    ['作者：网络整理', []],
    // a phrase, a link's or a placeholder's words, not a name
    ['作者：雪地里的小王啊', []],
    ['作者：点击进入专栏', []],
    ['作者：查看作者主页', []],
    ['作者：暂无作者信息', []],
  ])('%s', (line, authors) => {
    expect(parseByline(line).authors).toEqual(authors);
  });

  it('on a forum thread whose post header carries it, is the author', () => {
    const html = page(
      `${HEADLINE} - 猫眼看人 - 示例社区`,
      `<div class="nav">示例社区 &gt; <a>猫眼看人</a></div><div class="posts-title">${HEADLINE}</div>
<div class="posts-stat">[<a>复制链接</a>] [<a>收藏</a>] 点击：1234 回复：56</div>
<div class="posts-posted">作者：<span><a>雪地里的小王</a></span> 发表日期：2012-3-5 10:23:00 <a>楼主</a></div>
<div class="posts-cont">${BODY}</div>`,
    );
    const article = extractHtml(html, 'http://club.example.cn/dispbbs.asp?boardid=1&id=9123456');
    expect(article).toMatchObject({ authors: ['雪地里的小王'], publishedAt: '2012-03-05T10:23:00+08:00' });
  });
});

describe("the owner's name linked to the home the post lives under, beside the date", () => {
  const meta = (owner: string, href: string, dateRow: string) =>
    `<div class="meta"><div class="item"><a href="${href}"><span>${owner}</span></a></div>${dateRow}</div>`;

  it.each([
    [
      'on a line of its own above the date',
      meta(
        '雪地里的小王',
        'https://my.example.net/xiaowang',
        '<div class="item">发布于 2019/03/05 10:23</div>',
      ),
    ],
    [
      'on the date line, beside counters',
      `<p class="more"><a href="https://my.example.net/xiaowang">雪地里的小王</a><span>关注</span><a>0人评论</a><span>123人阅读</span><time>2019-03-05 10:23:00</time></p>`,
    ],
  ])('is the author, never the source: %s', (_, row) => {
    const html = page(
      `${HEADLINE} - 技术社区`,
      `<div class="post"><h1>${HEADLINE}</h1>${row}<div class="content">${BODY}</div></div>`,
    );
    const article = extractHtml(html, 'https://my.example.net/xiaowang/blog/3012345');
    expect(article.authors).toEqual(['雪地里的小王']);
    expect(article.source).not.toBe('雪地里的小王');
  });

  it("a section's link to the same kind of address, above the headline, names no one", () => {
    const html = page(
      `${HEADLINE} | 示例日报`,
      `<div class="kicker"><a href="/society">社会新闻</a></div><div class="post"><h1>${HEADLINE}</h1>
<div class="meta">2019-03-05 10:23</div><div class="content">${BODY}</div></div>`,
    );
    expect(extractHtml(html, 'https://news.example.cn/society/2019/03/05/123.html').authors).toEqual([]);
  });

  it("a channel's link to the same kind of address under the headline, apart from the date, names no one", () => {
    const html = page(
      `${HEADLINE} | 示例日报`,
      `<div class="post"><h1>${HEADLINE}</h1><div class="channel"><a href="/society">吉林社会</a></div>
<div class="tags">标签：长白山 冰雪</div><div class="meta">2019-03-05 10:23</div><div class="content">${BODY}</div></div>`,
    );
    expect(extractHtml(html, 'https://news.example.cn/society/2019/03/05/123.html').authors).toEqual([]);
  });

  it('a link to another site under the same path names no one', () => {
    const html = page(
      `${HEADLINE} - 技术社区`,
      `<div class="post"><h1>${HEADLINE}</h1>${meta('雪地里的小王', 'https://other.example.org/xiaowang', '<div class="item">发布于 2019/03/05 10:23</div>')}<div class="content">${BODY}</div></div>`,
    );
    expect(extractHtml(html, 'https://my.example.net/xiaowang/blog/3012345').authors).toEqual([]);
  });
});

describe("the writer's link to the platform's host of its users' pages", () => {
  it.each(['//space.example.com/12345', 'https://user.example.com/12345/profile'])(
    'is the author, below the date too: %s',
    (href) => {
      const html = page(
        `${HEADLINE} - 示例社区`,
        `<div class="head"><h1>${HEADLINE}</h1><div class="data"><span>2019年09月26日 15:10</span><span>123阅读</span></div>` +
          `<div class="up-info"><a class="up-name" href="${href}">雪地里的小王</a></div></div><div class="content">${BODY}</div>`,
      );
      expect(extractHtml(html, 'https://www.example.com/read/cv3777777').authors).toEqual(['雪地里的小王']);
    },
  );

  it('a link to a site named space elsewhere in the address is no such page', () => {
    const html = page(
      `${HEADLINE} - 示例社区`,
      `<div class="head"><h1>${HEADLINE}</h1><div class="data"><span>2019年09月26日 15:10</span></div>` +
        `<div class="tags"><a href="https://www.example.com/space/12345">太空探索</a></div></div><div class="content">${BODY}</div>`,
    );
    expect(extractHtml(html, 'https://www.example.com/read/cv3777777').authors).toEqual([]);
  });
});

describe("a platform's <title> that names the blog's owner after the platform", () => {
  it('is the author, and the platform is the site (`post_示例博客_owner`)', () => {
    const html = page(
      `${HEADLINE}_示例博客_雪地里的小王`,
      `<div class="title"><h1>${HEADLINE}</h1></div><div class="info">2019-03-05 10:23:45</div>
<div class="content">${BODY}</div>`,
    );
    const article = extractHtml(html, 'https://blog.example.com/u_123/2412345');
    expect(article).toMatchObject({ authors: ['雪地里的小王'], siteName: '示例博客' });
  });
});

describe("the writer's link inside a body that opens with the headline", () => {
  it('is the author; the counter beside the date (字数 1,234) is no outlet', () => {
    const html = page(
      `${HEADLINE} - 示例写作社区`,
      `<header><a href="/">首页</a><a href="/apps">下载App</a></header>
<section class="post"><h1 class="title">${HEADLINE}</h1>
<div class="author"><a href="/u/abc123"><img src="a.jpg" alt=""></a><div><span><a href="/u/abc123">雪地里的小王</a></span><button>关注</button></div>
<div class="meta"><span>2</span><time>2019.03.05 10:23:00</time><span>字数 1,234</span><span>阅读 5,678</span></div></div>
<article>${BODY}</article></section>`,
    );
    const article = extractHtml(html, 'https://www.example.com/p/3a1b2c3d4e5f');
    expect(article.authors).toEqual(['雪地里的小王']);
    expect(article.source ?? '').not.toMatch(/字数|阅读/);
    expect(article.publishedAt).toBe('2019-03-05T10:23:00+08:00');
  });
});

describe("the headline in a title row stamped with the post's date", () => {
  it('is the title, not the outlet; the stamp is the date', () => {
    const html = page(
      `${HEADLINE} - 雪地里的小王的博客 - 示例博客`,
      `<div class="ArticleTitle"><span class="ArticleTitleText"><a>${HEADLINE}</a></span>[<a>原创</a> 2009-03-05 10:23:45]</div>
<div class="ArticleInfo">字号：<a>大</a> <a>中</a> <a>小</a></div><div class="ArticleBlogText">${BODY}</div>`,
    );
    const article = extractHtml(html, 'http://xiaowang.blog.example.com/31234567_d.html');
    expect(article.title).toBe(HEADLINE);
    expect(article.source).not.toBe(HEADLINE);
    expect(article.publishedAt).toBe('2009-03-05T10:23:45+08:00');
    // nor, with its stamp, the body's first line
    expect(article.textContent.split('\n')).toEqual(PARAGRAPHS);
  });

  it.each([
    // a title row that is no heading, its date after a space
    [`<div class="t">${HEADLINE} 2009-03-05 10:23:45</div>`],
    // the headline repeated with its date under the heading
    [`<h1>${HEADLINE}</h1><div class="crumb">${HEADLINE} 2009-03-05 10:23:45</div>`],
  ])('the headline beside the date is never the outlet: %s', (head) => {
    const html = page(
      `${HEADLINE} - 雪地里的小王的博客 - 示例博客`,
      `${head}<div class="ArticleBlogText">${BODY}</div>`,
    );
    const article = extractHtml(html, 'http://xiaowang.blog.example.com/31234567_d.html');
    expect(article.source).not.toBe(HEADLINE);
    expect(article.publishedAt).toBe('2009-03-05T10:23:45+08:00');
  });
});

describe('a <title> that names the blog only by its name and address', () => {
  it('says nothing of the article: the heading opening the body is the title, and its date is read', () => {
    const html = page(
      '雪地里的小王 [http://12345678.qzone.example.com]',
      `<div class="blog_tit_detail"><h3 class="blog-tit">${HEADLINE}</h3><div class="blog_info"><span>2019-03-05 10:23</span><span>阅读(123)</span><span>评论(4)</span></div></div>
<div class="blog_details">${BODY}</div>`,
    );
    const article = extractHtml(html, 'https://user.qzone.example.com/12345678/blog/1551752580');
    expect(article.title).toBe(HEADLINE);
    expect(article.publishedAt).toBe('2019-03-05T10:23:00+08:00');
  });
});
