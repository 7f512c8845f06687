/**
 * Titles the <title> does not announce: a <title> naming only the channel and site, a headline in an
 * element named like one (news_bt), keywords appended to the <title>. The headline on the page wins;
 * a channel header is not a headline.
 */
import { describe, expect, it } from 'vitest';
import { stripTitleSuffix, titleSuffix } from '@/utils/extract/title';
import { extract, extractHtml, PARAGRAPHS, URL } from './page';

function page(head: string, beforeBody: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${head}</head><body>
<div class="nav"><a href="/">首页</a> <a href="/news/">新闻动态</a> <a href="/about/">学会简介</a></div>
<div class="main">${beforeBody}
<div class="detailCon">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div></div>
<div class="footer">版权所有 示例学会 2024</div></body></html>`;
}

function extractFrom(html: string) {
  return extractHtml(html, URL);
}

function titleOf(html: string): string {
  return extractFrom(html).title;
}

describe('titles the <title> does not announce', () => {
  it.each([
    ['an h5 above the body', '<h5>2024年冰雪学术年会在长白山成功举行！</h5>'],
    [
      'a heading with the date line between it and the body',
      '<h3>2024年冰雪学术年会在长白山成功举行！</h3><div class="time">发布时间：2024-12-01 10:00</div>',
    ],
    ['an element named like a headline', '<div class="news_bt">2024年冰雪学术年会在长白山成功举行！</div>'],
  ])('<title> with only channel and site: %s is the title', (_, markup) => {
    const article = extractFrom(page('<title>新闻动态--示例学会官网</title>', markup));
    expect(article.title).toBe('2024年冰雪学术年会在长白山成功举行！');
    expect(article.textContent.split('\n')[0]).toBe(PARAGRAPHS[0]);
  });

  it("a body that starts the page with its first section's heading keeps the <title> that names the article", () => {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lazy loading images with alt text in every format</title></head><body>
<h2>Test Case 1</h2>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</body></html>`;
    expect(titleOf(html)).toBe('Lazy loading images with alt text in every format');
  });

  it('a short channel header above the body is not a title', () => {
    expect(titleOf(page('<title>新闻动态--示例学会官网</title>', '<h5>新闻动态</h5>'))).not.toBe('新闻动态');
  });

  it('a headline element named news_bt matches a <title> that adds keywords and the site', () => {
    const docTitle = '首次采样带回 嫦娥五号为什么是最复杂任务-中国,嫦娥五号,月球,航天 ——快科技--科技改变未来';
    expect(
      titleOf(
        page(
          `<title>${docTitle}</title>`,
          '<div class="news_bt">首次采样带回 嫦娥五号为什么是最复杂任务</div>',
        ),
      ),
    ).toBe('首次采样带回 嫦娥五号为什么是最复杂任务');
  });

  it.each([
    [
      '首次采样带回 嫦娥五号为什么是最复杂任务-中国,嫦娥五号,月球,航天 ——快科技',
      '首次采样带回 嫦娥五号为什么是最复杂任务',
    ],
    ['长白山冰雪季开幕_冰雪,旅游,长白山_示例网', '长白山冰雪季开幕'],
    ['Apple, Google and Microsoft - Tech News', 'Apple, Google and Microsoft'],
  ])('keywords appended to <title> are not the title: %s', (raw, expected) => {
    expect(stripTitleSuffix(raw)).toBe(expected);
  });

  it.each([
    ['Remove aria-hidden elements test', 'Remove aria-hidden elements test'],
    ['COVID-19 cases fall for a third week', 'COVID-19 cases fall for a third week'],
    ['Self-driving cars arrive in town - Example News', 'Self-driving cars arrive in town'],
    ['Self-driving cars arrive in town | Example News', 'Self-driving cars arrive in town'],
    // a bare hyphen between the headline and the site's name still divides them
    ['长白山冰雪季开幕-中国吉林网', '长白山冰雪季开幕'],
    ['长白山冰雪季开幕-Example News', '长白山冰雪季开幕'],
    ['阿里发布最强AI芯片，一块顶十块GPU-EDN 电子技术设计', '阿里发布最强AI芯片，一块顶十块GPU'],
    // a range between digits is no separator
    ['1-10月全县固定资产投资结构趋稳趋优', '1-10月全县固定资产投资结构趋稳趋优'],
    ['2019-2020雪季长白山接待游客创新高-示例网', '2019-2020雪季长白山接待游客创新高'],
  ])('a hyphen inside a word divides no <title>: %s', (raw, expected) => {
    expect(stripTitleSuffix(raw)).toBe(expected);
    expect(titleOf(page(`<title>${raw}</title>`, ''))).toBe(expected);
  });

  it.each([
    ['温家宝主持国务院常务会议 研究部署农业工作_新闻中心_新浪网', '新浪网'],
    ['人民网--温家宝主持国务院常务会议 研究部署农业工作', '人民网'],
    ['政院通過百億補助 下月起實施 | 蘋果日報', '蘋果日報'],
    ['温家宝主持国务院常务会议 研究部署农业工作', null],
    // a brand's Latin words are part of the name; a phrase after a separator is not a name
    ['政院通過百億補助 下月起實施 - 鏡週刊 Mirror Media', '鏡週刊 Mirror Media'],
    ['政院通過百億補助 下月起實施│TVBS新聞網', 'TVBS新聞網'],
    ['Jury Finds Dylann Roof Guilty - The New York Times', 'The New York Times'],
    ['China snubs Imran - Times of India', 'Times of India'],
    // Latin names run longer than Chinese ones
    ["China keeps lending rate unchanged - People's Daily Online", "People's Daily Online"],
    ['Hong Kong legislators return - South China Morning Post', 'South China Morning Post'],
    ["Elon Musk's plans - What's Up at SpaceX?", null],
    ['Aria hidden - hidden elements test', null],
    ['Kardashians - E! Online', 'E! Online'],
    ['Hello world - My website', 'My website'],
    ['周末骑行东湖绿道 - 示例论坛 - Powered by Discuz!', '示例论坛'],
    ['周末骑行东湖绿道 - Powered by Discuz!', null],
    ['警情通报 - 吉林公安 梁欢欢 长春', null],
    // the site's web address beside its name is no part of it
    ['政院通過補助方案 | 政治 | 三立新聞網 SETN.COM', '三立新聞網'],
    ['政院通過補助方案 - udn.com 示例新聞網', '示例新聞網'],
    ['Council approves plan - example.com', 'example.com'],
    // a channel after the site's name is not the site
    ['政府公布新措施｜香港01｜社會新聞', '香港01'],
    ['政府公布新措施 - 香港經濟日報 - 即時新聞頻道', '香港經濟日報'],
    ['长白山冰雪季开幕 - 示例网 - 旅游频道', '示例网'],
    // …while a channel before it leaves it the site
    ['政院通過補助方案 - 政治 - 自由時報電子報', '自由時報電子報'],
  ])('the site named at either end of <title>: %s', (raw, name) => {
    expect(titleSuffix(raw)).toBe(name);
  });

  it.each([
    // a short headline after the site: the headline is not the site, whatever its length
    ['示例日报数字报-4月份CPI同比上涨0.1%', '4月份CPI同比上涨0.1%', '示例日报数字报'],
    ['人民网--国务院新闻办举行发布会', '国务院新闻办举行发布会', '人民网'],
    ['4月份CPI同比上涨0.1%_财经_示例网', '4月份CPI同比上涨0.1%', '示例网'],
    // the whole title is the headline and a tag line: no name
    ['Markets rally - Markets rally', 'Markets rally', null],
    // a long Latin end is a name only capitalised word by word, not a document's id
    ['draft-dejong-remotestorage-04 - remoteStorage', 'remoteStorage', null],
  ])('the end of <title> that is not the headline is the site: %s', (raw, headline, name) => {
    expect(titleSuffix(raw, headline)).toBe(name);
  });

  it('a subtitle after a line break in the heading is no part of the headline the <title> announces', () => {
    const html = page(
      '<title>长白山冰雪季开幕 游客同比增长三成_示例网</title>',
      '<h1>长白山冰雪季开幕 游客同比增长三成<br><span class="sub">——来自池北区的报道</span></h1>',
    );
    expect(titleOf(html)).toBe('长白山冰雪季开幕 游客同比增长三成');
  });

  it('a line break inside the headline reads as a space', () => {
    const html = page(
      '<title>长白山冰雪季开幕 游客同比增长三成_示例网</title>',
      '<h1>长白山冰雪季开幕<br>游客同比增长三成</h1><div class="info">2024-12-01 10:00</div>',
    );
    expect(titleOf(html)).toBe('长白山冰雪季开幕 游客同比增长三成');
  });
});

describe("a wire story's headline stack in bold at the top of its body", () => {
  const STACK = ['长白山冰雪季开幕式举行', '游客同比增长三成', '省领导出席'];

  it('repeats the title block in other words and leaves the body', () => {
    const a = extract({
      title: '长白山冰雪季开幕式举行',
      paragraphs: [...STACK.map((line) => `<strong>${line}</strong>`), ...PARAGRAPHS],
    });
    expect(a.title).toBe('长白山冰雪季开幕式举行');
    for (const line of STACK) expect(a.textContent).not.toContain(line);
    expect(a.textContent).toContain(PARAGRAPHS[0]);
  });

  it("a document's note under its bold title, in the same paragraph, stays", () => {
    const a = extract({
      title: '长白山冰雪季开幕式举行',
      paragraphs: ['<strong>长白山冰雪季<br>开幕式举行</strong><br>（现场整理）', ...PARAGRAPHS],
    });
    expect(a.textContent).toContain('（现场整理）');
  });

  it('opening a body with no headline element above it, is not the headline the <title> names', () => {
    const headline = '长白山冰雪季开幕式举行';
    const stack = `<p style="text-align:center"><strong>${headline}强调</strong></p><p style="text-align:center"><strong>推动冰雪经济高质量发展</strong></p>`;
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${headline}-示例科普网</title></head><body>
<div class="nav"><a href="/">首页</a></div><div class="info">2024-12-01 08:30 来源：新华社</div>
<div class="text">${stack}${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
    const a = extractHtml(html, URL);
    expect([a.title, a.source]).toEqual([headline, '新华社']);
  });

  it('bold subheads that do not hold the title stay', () => {
    const a = extract({
      title: '长白山冰雪季开幕式举行',
      paragraphs: ['<strong>雪道增加</strong>', '<strong>服务升级</strong>', ...PARAGRAPHS],
    });
    expect(a.textContent).toContain('雪道增加');
  });
});

describe("a badge in the headline's element", () => {
  it.each([
    ['<h1><span class="tag">原创</span>长白山冰雪季开幕 游客同比增长三成</h1>'],
    ['<h1><i class="badge">独家</i> 长白山冰雪季开幕 游客同比增长三成</h1>'],
    ['<h1>长白山冰雪季开幕 游客同比增长三成<em class="hot">热</em></h1>'],
  ])('is no part of the headline the <title> announces without it: %s', (heading) => {
    const html = page('<title>长白山冰雪季开幕 游客同比增长三成_示例网</title>', heading);
    expect(titleOf(html)).toBe('长白山冰雪季开幕 游客同比增长三成');
  });

  it.each([
    // the <title> carries the tag too: the page's headline keeps it
    [
      '<title>【视频】长白山冰雪季开幕_示例网</title>',
      '<h1><span>【视频】</span>长白山冰雪季开幕</h1>',
      '【视频】长白山冰雪季开幕',
    ],
    // a headline longer than the <title>'s shortened one stays whole
    [
      '<title>长白山冰雪季开幕 游客同比增长三成_示例网</title>',
      '<h1>长白山冰雪季开幕 游客同比增长三成<span>以上</span></h1>',
      '长白山冰雪季开幕 游客同比增长三成以上',
    ],
  ])('stays where the <title> has it or the headline is longer: %s', (head, heading, title) => {
    expect(titleOf(page(head, heading))).toBe(title);
  });
});

describe("the page's widgets set inside the headline's element", () => {
  it.each([
    ['<h1>长白山冰雪季开幕 游客同比增长三成<span class="tools">【字号 大 中 小】</span></h1>'],
    ['<h1>长白山冰雪季开幕 游客同比增长三成 <span>【打印】【关闭】</span></h1>'],
    ['<h2>长白山冰雪季开幕 游客同比增长三成<a>分享到</a></h2>'],
  ])('are no part of the headline: %s', (heading) => {
    // announced by the <title> or not
    expect(titleOf(page('<title>长白山冰雪季开幕 游客同比增长三成_示例网</title>', heading))).toBe(
      '长白山冰雪季开幕 游客同比增长三成',
    );
    expect(titleOf(page('<title>示例网</title>', heading.replace(/h2>/g, 'h1>')))).toBe(
      '长白山冰雪季开幕 游客同比增长三成',
    );
  });

  it('a headline that ends in such a word keeps it', () => {
    const heading = '<h1>长白山冰雪季开幕 游客纷纷<span>收藏</span></h1>';
    expect(titleOf(page('<title>长白山冰雪季开幕 游客纷纷收藏_示例网</title>', heading))).toBe(
      '长白山冰雪季开幕 游客纷纷收藏',
    );
  });
});

describe('a section or site name printed as a heading is not the headline', () => {
  it.each([
    [
      'the channel, a part of the <title>',
      '<title>长白山冰雪季开幕 游客同比增长三成 : 吉林要闻 : 示例新闻网</title>',
      '<h2>吉林要闻</h2>',
    ],
    [
      'the site, the <title>’s suffix',
      '<title>长白山冰雪季开幕 游客同比增长三成 - 示例新闻网</title>',
      '<h1>示例新闻网</h1>',
    ],
    [
      'a one-word section inside the headline',
      '<title>冰雪季：长白山景区开幕 游客同比增长三成</title>',
      '<h1>长白山景区</h1>',
    ],
  ])('%s', (_, head, heading) => {
    expect(titleOf(page(head, heading))).not.toBe(heading.replace(/<[^>]+>/g, ''));
  });

  it('a headline that is most of the <title> after a channel prefix is still the headline', () => {
    const html = page(
      '<title>冰雪快讯：长白山冰雪季开幕 游客同比增长三成</title>',
      '<h1>长白山冰雪季开幕 游客同比增长三成</h1>',
    );
    expect(titleOf(html)).toBe('长白山冰雪季开幕 游客同比增长三成');
  });
});

describe("a timestamp inside the title's element", () => {
  it.each([
    [
      '<div class="ArticleTitle"><span>冰雪季开幕游客大增</span> <span class="info">[原创 2011-03-05 10:21:33]</span></div>',
    ],
    ['<h1>冰雪季开幕游客大增 <small>2011-03-05 10:21</small></h1>'],
    ['<div class="title">冰雪季开幕游客大增（2011年3月5日 10:21）</div>'],
  ])('%s: the headline without it, the date from it', (heading) => {
    const article = extractFrom(page('<title>冰雪季开幕游客大增 - 老树 - 示例博客</title>', heading));
    expect(article.title).toBe('冰雪季开幕游客大增');
    expect(article.publishedAt).toMatch(/^2011-03-05T10:21/);
  });

  it('a date without a time of day is part of the headline', () => {
    const heading = '<h1>国务院政策例行吹风会（2023年5月12日）</h1><div class="info">2023-05-12 16:00</div>';
    const article = extractFrom(page('<title>国务院政策例行吹风会（2023年5月12日）</title>', heading));
    expect(article.title).toBe('国务院政策例行吹风会（2023年5月12日）');
    expect(article.publishedAt).toBe('2023-05-12T16:00:00+08:00');
  });
});

describe('the lines around the headline', () => {
  it.each([
    ['<h2>相关新闻</h2>', 'zh-CN'],
    ['<h2>相關新聞</h2>', 'zh-TW'],
    ['<h2>Related stories</h2>', 'en'],
  ])('%s right under the headline is a heading over other stories, no subtitle', (heading, lang) => {
    const a = extract({ htmlLang: lang, byline: heading });
    expect(a.subtitle).toBeNull();
  });

  it('a deck under the headline is its subtitle', () => {
    const a = extract({ byline: '<h2>池北区新增雪道四十余条</h2>' });
    expect(a.subtitle).toBe('池北区新增雪道四十余条');
  });

  it.each([
    '<h2>——池北区新增雪道四十余条</h2>',
    '<h2>池北区新增雪道四十余条</h2>',
    '<div class="subtitle">池北区新增雪道四十余条</div>',
  ])('a subtitle right above the date line is no outlet: %s', (deck) => {
    const a = extract({ byline: `${deck}<div class="date">2024-12-01 08:30</div>` });
    expect(a.subtitle).toMatch(/池北区新增雪道四十余条$/);
    expect(a.source).toBeNull();
  });
});

describe('a <title> that is only the site’s name', () => {
  // a template that never prints the headline in <title>: every page's <title> is the site's name
  it.each([
    [
      'its logo',
      '<div class="header"><a href="https://www.example-news.cn/"><img src="/logo.png" alt="示例時報電子報"></a></div>',
    ],
    [
      'its home link, from another host of the site',
      '<div class="top"><a href="https://example-news.cn/index.html">示例時報電子報</a></div>',
    ],
    ['the title of its home link', '<a href="/" title="示例時報電子報" class="logo"></a>'],
  ])('names the site where %s says so, and so the source', (_, above) => {
    const article = extract({ docTitle: '示例時報電子報', above });
    expect(article.siteName).toBe('示例時報電子報');
    expect(article.source).toBe('示例時報電子報');
  });

  it.each([
    ['no home link names it', '<div class="nav"><a href="/">首页</a></div>'],
    ['only another site’s home does', '<a href="https://www.other-news.cn/"><img alt="示例時報電子報"></a>'],
    ['its home link is a section’s', '<a href="/society/">示例時報電子報</a>'],
  ])('names no site when %s', (_, above) => {
    const article = extract({ docTitle: '示例時報電子報', above });
    expect(article.siteName).toBeNull();
    expect(article.source).toBeNull();
  });
});

describe('a <title> that is only the site’s name, over a headline set in another heading or in bold type', () => {
  const headline = '长白山冰雪季开幕 游客同比增长三成';
  const body = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');
  const html = (content: string) =>
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>示例新闻网</title></head><body>${content}</body></html>`;

  it.each([
    [
      'the logo set as the h1, linking to the front page',
      `<h1 class="logo"><a href="/">示例新闻网</a></h1><div class="art"><h2>${headline}</h2><div class="info">2024-12-01 08:30 来源：吉林日报</div><div class="text">${body}</div></div>`,
    ],
    [
      'a table-layout page: the headline in bold, enlarged type',
      `<div class="nav"><a href="/">首页</a></div><p align="center"><strong><font size="4">${headline}</font></strong></p><p align="center">2024-12-01 08:30</p><div class="text">${body}</div>`,
    ],
  ])('%s: the headline is the title', (_, content) => {
    expect(extractHtml(html(content), URL).title).toBe(headline);
  });

  it('a bold line of a few words that is part of the prose above the body is no headline', () => {
    const content = `<h1 class="logo"><a href="/">示例新闻网</a></h1><p>本报讯 <b>长白山</b> 冰雪季今日开幕，游客如织。</p><div class="text">${body}</div>`;
    expect(extractHtml(html(content), URL).title).not.toBe('长白山');
  });
});

describe('a headline the metadata announces in other words', () => {
  const headline = '长白山冰雪季今日开幕 游客同比增长三成';
  const body = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');
  const html = (top: string) =>
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>长白山冰雪季开幕啦_吉林频道_示例网</title>
<meta property="og:title" content="长白山冰雪季开幕"></head><body><div class="art">${top}
<div class="info">2024-12-01 08:30 来源：吉林日报</div><div class="text">${body}</div></div></body></html>`;

  it.each([
    ['an h1 beside the logo’s', `<h1><a href="/">示例网</a></h1><h1>${headline}</h1>`],
    ['an h2 under the logo’s h1', `<h1><a href="/">示例网</a></h1><h2 class="title">${headline}</h2>`],
  ])('is the headline the page shows, in %s', (_, top) => {
    expect(extractHtml(html(top), URL).title).toBe(headline);
  });

  it('a heading above the byline that tells another story is not the headline', () => {
    const top = '<h1><a href="/">示例网</a></h1><h2 class="title">吉林省各地市政务服务信息汇总</h2>';
    expect(extractHtml(html(top), URL).title).toBe('长白山冰雪季开幕');
  });
});

describe('a site name that a template declares as the headline', () => {
  it('(`application-name` = the <title> = the headline) names no site, and so no source', () => {
    const headline = '长白山冰雪季开幕 游客同比增长三成';
    const article = extract({
      docTitle: headline,
      head: `<meta name="application-name" content="${headline}">`,
    });
    expect(article.title).toBe(headline);
    expect(article.siteName).toBeNull();
    expect(article.source).toBeNull();
  });
});

describe("a browser's translation widget in the page", () => {
  // Chrome's translation (and the Google Translate element) adds its tooltip to a page it translated:
  // saved or clipped after that, the page carries it, with a heading of its own
  const WIDGET =
    '<div id="goog-gt-tt" class="skiptranslate" dir="ltr"><div class="top"><h1 class="title gray">Original text</h1></div>' +
    '<div class="middle"><div class="original-text"></div></div><div class="bottom"><div class="activity-link">Contribute a better translation</div></div></div>';

  it('is not the page: its heading is no title, its words no part of the article', () => {
    const article = extractHtml(
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>长白山冰雪季开幕 游客同比增长三成</title></head><body>
<div class="main"><div class="content">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div></div>${WIDGET}</body></html>`,
      URL,
    );
    expect(article.title).toBe('长白山冰雪季开幕 游客同比增长三成');
    expect(article.textContent).not.toContain('Original text');
  });
});

describe("a section's name as the page's only h1", () => {
  it.each([
    ['<h1 id="pagecategory">活动与会议信息</h1>'],
    ['<h1 class="column-title">通知公告通知公告</h1>'],
    ['<h1 class="category-name">学会动态与新闻</h1>'],
  ])('%s is no headline: the heading above the body is', (h1) => {
    const html = page(
      '<title>示例学会官网</title>',
      `${h1}<h2>2024年冰雪学术年会在长白山成功举行！</h2><div class="time">发布时间：2024-12-01 10:00</div>`,
    );
    expect(titleOf(html)).toBe('2024年冰雪学术年会在长白山成功举行！');
  });
});
