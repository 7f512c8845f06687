/**
 * Failure class 1: a source, author, editor or section ends where the page's widgets begin, and a
 * widget nested inside a rule's element is not part of the value.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/utils/extract';
import { cutAtFurniture, isFurniture } from '@/utils/extract/furniture';
import type { SiteRule } from '@/utils/extract/rules';
import { extract, pageHtml, PARAGRAPHS, URL } from './page';

describe('values end where page furniture begins', () => {
  it.each([
    ['中国吉林网 【打印', '中国吉林网'],
    ['中国吉林网 【字号 大 中 小', '中国吉林网'],
    ['中国吉林网 【打印】【关闭】', '中国吉林网'],
    ['证券市场红周刊 举报', '证券市场红周刊'],
    ['新华社 分享到：', '新华社'],
    ['吉林日报 字号：默认 大 超大', '吉林日报'],
    ['人民网 浏览次数：1024', '人民网'],
    ['央视新闻 点击数：88', '央视新闻'],
    ['澎湃新闻 阅读 3万', '澎湃新闻'],
    ['长春晚报 | 2019-09-26', '长春晚报'],
    ['长春晚报 发布时间：2019-09-26', '长春晚报'],
    ['张三 责任编辑：李四', '张三'],
    ['中国新闻网】', '中国新闻网'],
    ['聯合報 列印 轉寄', '聯合報'],
    ['吉林日报 2019-03-20 11:58', '吉林日报'],
    // the edition a paper's name opens in brackets: cut at its date, the bracket goes too
    ['人民日报（2019年09月26日 04 版）', '人民日报'],
    ['人民日报(2019-09-26 第04版)', '人民日报'],
    // production credits and any other short label start the next field
    ['上海奉贤 选稿：许文杰', '上海奉贤'],
    ['东方网选稿：曾炟', '东方网'],
    ['新华网 审核：王五', '新华网'],
    ['人民日报 出品：人民网', '人民日报'],
    ['聯合報 供稿：陳六', '聯合報'],
    // a follow button glued to the name
    ['Margaret Talev+Follow', 'Margaret Talev'],
    ['王家俊 +關注', '王家俊'],
    // a portal's links to its app and mobile site
    ['人民日报 手机看新闻', '人民日报'],
    ['新华网 手机版', '新华网'],
    ['聯合報 手機看新聞', '聯合報'],
    // …which a name may still start with
    ['手机凤凰网', '手机凤凰网'],
    // a comment thread's link with its count (跟贴 123 条, 跟帖 45, 評論 6 則)
    ['新华网(北京) 跟贴 123 条', '新华网(北京)'],
    ['新华网 跟帖 45', '新华网'],
    ['中央社 評論 6 則', '中央社'],
    // …and the portal's older words for it: its readers' comments, the way into its forum
    ['张三　网友评论 12 条　进入论坛', '张三'],
    ['新华网 進入論壇', '新华网'],
    ['新华网 網友評論', '新华网'],
    // a government page's buttons in their longer words, without brackets
    ['市发改委 打印本页 关闭窗口', '市发改委'],
    ['市政府辦公室 列印本頁 關閉視窗', '市政府辦公室'],
    ['市发改委 打印此页', '市发改委'],
    // the next field's label, its value cut off after it (a date): no part of the name
    ['市发改委 入库时间：', '市发改委'],
    ['老树 发布日期：', '老树'],
    // a bracket the name opened stays closed
    ['光明网-《光明日报》', '光明网-《光明日报》'],
    ['人民日报（海外版）', '人民日报（海外版）'],
  ])('%s → %s', (value, expected) => {
    expect(cutAtFurniture(value)).toBe(expected);
  });

  it.each(['打印', '【打印】【关闭】', '字号：默认 大 超大', '分享到', '阅读', '【字号 大 中 小】'])(
    '%s is furniture, not a value',
    (value) => {
      expect(isFurniture(value)).toBe(true);
    },
  );

  it('keeps names that merely contain a widget word', () => {
    expect(cutAtFurniture('全民阅读网')).toBe('全民阅读网');
    expect(cutAtFurniture('新京报评论')).toBe('新京报评论');
    expect(cutAtFurniture('Re: Code')).toBe('Re: Code');
  });

  it('labelled lines in the byline zone stop at widgets, brackets and the next label', () => {
    const article = extract({
      byline:
        '<div class="info">来源：证券市场红周刊 举报 | 作者：王五 【打印】 责任编辑：赵六 【字号 大 中 小】</div>',
    });
    expect(article.source).toBe('证券市场红周刊');
    expect(article.authors).toEqual(['王五']);
    expect(article.editors).toEqual(['赵六']);
  });

  it('a breadcrumb loses its widget entries', () => {
    const article = extract({
      above:
        '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/gb/">国务院公报</a> &gt; <a href="/gb/23/">2007年第23号</a> 字号：默认 大 超大 &gt; 打印</div>',
    });
    expect(article.section).toEqual(['国务院公报', '2007年第23号']);
  });

  it.each([
    [
      '<a href="/">天涯论坛</a> &gt; <a href="/list-travel.shtml">旅游休闲</a> [<a href="/post">我要发帖</a>]',
      ['旅游休闲'],
    ],
    [
      '当前位置：<a href="/">首页</a> &gt; <a href="/news/">新闻</a> &gt; <a href="/news/local/">本地</a> 【<a href="/list">返回列表</a>】',
      ['新闻', '本地'],
    ],
    [
      '<a href="/">首页</a> » <a href="/news/">新闻</a> » <a href="/news/local/">本地</a> [打印] [关闭]',
      ['新闻', '本地'],
    ],
  ])('an action in brackets beside a breadcrumb is no entry: %s', (crumb, section) => {
    const docTitle = '长白山冰雪季开幕 游客同比增长三成_旅游休闲_天涯论坛';
    expect(extract({ docTitle, above: `<div class="crumbs">${crumb}</div>` }).section).toEqual(section);
  });

  it("a widget nested inside a rule's element is not part of the value", () => {
    const rule: SiteRule = {
      name: 'widgets',
      hosts: ['example-news.cn'],
      source: ['.zxdata'],
      published: ['.zxdata'],
    };
    const html = pageHtml({
      byline:
        '<div class="zxdata">2019-03-20 11:58 来源：中国吉林网 <span class="zihao">【字号 <a>大</a> <a>中</a> <a>小</a>】</span><span class="print">【打印】</span></div>',
    });
    const dom = new JSDOM(html, { url: URL });
    const article = extractArticle(dom.window.document, URL, { rules: [rule] });
    expect(article.source).toBe('中国吉林网');
    expect(article.publishedAt).toBe('2019-03-20T11:58:00+08:00');
  });

  it("a rule's own drop list and transform apply to its value", () => {
    const rule: SiteRule = {
      name: 'drop',
      hosts: ['example-news.cn'],
      authors: { from: ['.who'], drop: ['.tip'], transform: (text) => text.replace(/^文\s*/, '') },
    };
    const html = pageHtml({ byline: '<div class="who">文 钱七<em class="tip">（实习）</em></div>' });
    const dom = new JSDOM(html, { url: URL });
    expect(extractArticle(dom.window.document, URL, { rules: [rule] }).authors).toEqual(['钱七']);
  });

  it('[selector, attribute] pairs read an attribute', () => {
    const rule: SiteRule = {
      name: 'attr',
      hosts: ['example-news.cn'],
      published: [['meta[name="stamp"]', 'content']],
    };
    const html = pageHtml({ head: '<meta name="stamp" content="1575000000">' });
    const dom = new JSDOM(html, { url: URL });
    const article = extractArticle(dom.window.document, URL, { rules: [rule] });
    expect(article.publishedAt).toBe('2019-11-29T12:00:00+08:00');
    expect(article.publishedPrecision).toBe('second');
  });

  it.each([
    [
      '位置：<a href="/">首页</a>-<a href="/news/">新闻</a>-<a href="/news/local/">本地</a>',
      ['新闻', '本地'],
    ],
    [
      '当前位置：<a href="/index.html">首页</a> - <a href="/news/">新闻</a> - <a href="/news/local/">本地</a> - 正文',
      ['新闻', '本地'],
    ],
    [
      '<a href="/">示例日报网</a> » <a href="/news/">新闻</a> » <a href="/news/local/">本地新闻</a>',
      ['新闻', '本地新闻'],
    ],
  ])(
    'a breadcrumb read by its links, whatever marks separate them, without the front page: %s',
    (crumb, section) => {
      const docTitle = '长白山冰雪季开幕 游客同比增长三成_示例日报网';
      expect(extract({ docTitle, above: `<div class="crumb">${crumb}</div>` }).section).toEqual(section);
    },
  );

  it.each([
    ['<a href="/">首頁</a> &gt; <a href="/news/">政治</a>', ['政治']],
    ['<a href="/">ホーム</a> &gt; <a href="/news/">政治</a>', ['政治']],
    // the root of a channel's own host is that channel, not the site's front page
    ['<a href="/">新闻中心</a> &gt; <a href="/china/">国内新闻</a>', ['新闻中心', '国内新闻']],
    // the site's name at the root, though the <title> does not name the site: it ends like one
    [
      '<a href="/">示例网</a> &gt; <a href="/news/">长春</a> &gt; <a href="/news/ms/">民生</a>',
      ['长春', '民生'],
    ],
    ['<a href="/">吉林电视台</a> &gt; <a href="/news/">新闻</a>', ['新闻']],
    ['<a href="/">example.com</a> / <a href="/news/">News</a>', ['News']],
  ])('the front page in other words and scripts: %s', (crumb, section) => {
    expect(extract({ above: `<div class="crumb">${crumb}</div>` }).section).toEqual(section);
  });

  it.each([
    [
      '<a href="/">首页</a> » <a href="/news/">新闻</a> » <a href="/edu/">教育新闻</a> » 浏览文章',
      ['新闻', '教育新闻'],
    ],
    ['<a href="/">首页</a> &gt; <a href="/news/">新闻</a> &gt; 新闻详情', ['新闻']],
    ['<a href="/">首页</a> &gt; <a href="/news/">新闻</a> &gt; 详情页', ['新闻']],
    ['<a href="/">首頁</a> &gt; <a href="/news/">新聞</a> &gt; 內容頁', ['新聞']],
    // the date printed after the article's own entry, without a separator
    [
      '<a href="/">首页</a> &gt;&gt; <a href="/news/">新闻</a> &gt;&gt; 正文 <span>2019年3月5日 星期二</span>',
      ['新闻'],
    ],
  ])("the article's own page in the words templates give it is no entry: %s", (crumb, section) => {
    expect(extract({ above: `<div class="crumb">${crumb}</div>` }).section).toEqual(section);
  });

  it.each([
    ['<div class="loc"><a href="/">首页</a> » <a href="/news/">要闻</a> » 内容</div>', ['要闻']],
    ['<div class="top"><a href="/">首页</a> - <a href="/news/">要闻</a></div>', ['要闻']],
    // no link at all; the title closing it is no entry
    ['<p>首页 &gt; 新闻 &gt; 本地 &gt; 长白山冰雪季开幕 游客同比增长三成</p>', ['新闻', '本地']],
    ['<p>网站首页—新闻—本地</p>', ['新闻', '本地']],
    // spaced slashes, where the line closes with the headline
    ['<p>首页 / 新闻 / 本地 / 长白山冰雪季开幕 游客同比增长三成</p>', ['新闻', '本地']],
  ])(
    'a line above the title opening with the front page is a breadcrumb, whatever its class: %s',
    (above, section) => {
      expect(extract({ above }).section).toEqual(section);
    },
  );

  it.each([
    [
      '<div class="clink"><a href="https://www.example-news.cn/">示例新闻网</a>&gt;&gt;<a href="/society/">社会</a>&gt;&gt;<a href="/society/life/">社会万象</a></div>',
      ['社会', '社会万象'],
    ],
    [
      '<table><tr><td class="t1"><a href="/sports/">体育</a> › <a href="/sports/ski/">冰雪</a></td></tr></table>',
      ['体育', '冰雪'],
    ],
    ['<p><a href="/news/">新闻</a> → <a href="/news/local/">本地</a></p>', ['新闻', '本地']],
  ])(
    'links above the title joined by arrows and nothing else are a breadcrumb, whatever its class: %s',
    (above, section) => {
      const docTitle = '长白山冰雪季开幕 游客同比增长三成--示例新闻网';
      expect(extract({ docTitle, above }).section).toEqual(section);
    },
  );

  it.each([
    '<p><a href="/act/">冰雪节</a> 火热报名中 &gt;&gt; <a href="/act/join/">立即参加</a></p>',
    '<div class="top"><a href="/news/">新闻</a> | <a href="/sports/">体育</a> | <a href="/ent/">娱乐</a></div>',
    '<div class="top"><a href="/news/">新闻</a> <a href="/sports/">体育</a> <a href="/ent/">娱乐</a></div>',
  ])('links above the title with words, bars or spaces between are no breadcrumb: %s', (above) => {
    expect(extract({ above }).section).toEqual([]);
  });

  it('a menu set with slashes above the title is no breadcrumb', () => {
    const above =
      '<div class="menu"><a href="/">首页</a> / <a href="/news/">新闻</a> / <a href="/video/">视频</a> / <a href="/bbs/">论坛</a></div>';
    expect(extract({ above }).section).toEqual([]);
  });

  it.each([
    [
      '<div class="cnt_nav"><a href="https://news.example.cn/">新闻频道</a> &gt; <a>正文</a></div>',
      ['新闻频道'],
    ],
    [
      '<div class="top"><a href="/sports/">体育</a> » <a href="/sports/ski/">冰雪</a> » 正文</div>',
      ['体育', '冰雪'],
    ],
  ])(
    'a line above the title closing with the article itself (正文) is a breadcrumb: %s',
    (above, section) => {
      expect(extract({ above }).section).toEqual(section);
    },
  );

  it.each([
    [
      '<nav class="breadcrumb"><a href="/">首頁</a> <a href="/news/cate/2">要聞</a> <a href="/news/cate/2/6656">政治焦點</a></nav>',
      ['要聞', '政治焦點'],
    ],
    [
      '<ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/news/">新闻</a></li><li><a href="/news/local/">本地</a></li></ol>',
      ['新闻', '本地'],
    ],
    [
      '<nav aria-label="breadcrumb"><a href="/news/">新闻</a> <a href="/news/local/">本地</a></nav>',
      ['新闻', '本地'],
    ],
  ])('an element named a breadcrumb, its separators drawn by CSS: %s', (above, section) => {
    expect(extract({ above }).section).toEqual(section);
  });

  it.each([
    [
      '<ul class="breadcrumbs"><li><a href="https://www.example.com/">Example.com</a></li><li><a href="/style/">Style</a></li></ul>',
      ['Style'],
    ],
    [
      '<div class="breadcrumb"><a href="/www/">Example Home</a> <a href="/allergies/">Allergies</a></div>',
      ['Allergies'],
    ],
    [
      '<div class="breadcrumb"><a href="/">InfoQ ホームページ</a> <a href="/news/">ニュース</a></div>',
      ['ニュース'],
    ],
  ])("a breadcrumb's first link naming the site or its home is no entry: %s", (above, section) => {
    expect(extract({ above }).section).toEqual(section);
  });

  it('links with commas between them under a breadcrumb name are a list of tags, no path', () => {
    const above =
      '<div class="breadcrumbs">Filed Under: <a href="/arts/">Arts</a>, <a href="/business/">Business</a>, <a href="/tag/greece/">Greece</a></div>';
    expect(extract({ above }).section).toEqual([]);
  });

  it.each([
    [
      '<div class="header-nav"><a href="https://www.example-news.cn/">示例新闻网</a> &gt; <a href="/politics/">时政</a> &gt; 正文</div>',
      ['时政'],
    ],
    [
      '<div class="header-nav"><a href="https://www.example-news.cn/">示例新闻网</a> &gt; <a class="curColumn"></a> &gt; 正文</div>',
      [],
    ],
  ])('a line closing with 正文 loses the site front page it opens with: %s', (above, section) => {
    const docTitle = '长白山冰雪季开幕 游客同比增长三成-示例新闻网';
    expect(extract({ docTitle, above }).section).toEqual(section);
  });

  it('links in a row under a name merely like a breadcrumb (a location bar) are no breadcrumb without separators', () => {
    const above =
      '<div class="location"><a href="/">首页</a> <a href="/about/">关于我们</a> <a href="/contact/">联系我们</a></div>';
    expect(extract({ above }).section).toEqual([]);
  });

  it('a promotion above the title closing with 详情 is no breadcrumb', () => {
    expect(
      extract({ above: '<p><a href="/act/">冰雪节摄影大赛火热进行中 &gt;&gt; 详情</a></p>' }).section,
    ).toEqual([]);
  });

  it('a bar of links opening with the front page is a menu, no breadcrumb', () => {
    const article = extract({
      above:
        '<div class="top"><a href="/">首页</a> | <a href="/about/">关于我们</a> | <a href="/c/">联系我们</a></div>',
    });
    expect(article.section).toEqual([]);
  });

  it('a menu of links under a 位置 label, with only spaces between them, is no breadcrumb', () => {
    const article = extract({
      above:
        '<div class="top">当前位置：<a href="/">首页</a> <a href="/gj/">国际</a> <a href="/sp/">时评</a> <a href="/ll/">理论</a> <a href="/wh/">文化</a></div>',
    });
    expect(article.section).not.toContain('时评');
  });

  it("a breadcrumb drops a column's internal code", () => {
    const article = extract({
      above:
        '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/gj/">国际</a> &gt; y_17931</div>',
    });
    expect(article.section).toEqual(['国际']);
  });

  it.each([
    ['来源：新华网 原创', '新华网'],
    ['来源：新华网（原创）', '新华网'],
    ['来源：据新华社', '新华社'],
    ['来源：综合自新华网、人民网', '新华网、人民网'],
    ['来源：综合新华社、人民网', '新华社、人民网'],
    // a 公众号 named as one: the account's name
    ['来源：微信公众号“长春发布”', '长春发布'],
    ['来源：公众号 长春发布', '长春发布'],
    // a placeholder names no outlet: the site is the source
    ['来源：互联网', '示例新闻网'],
    ['来源：综合', '示例新闻网'],
  ])('a 来源 value without its badge or its "according to": %s', (line, source) => {
    const article = extract({
      docTitle: '长白山冰雪季开幕 游客同比增长三成_示例新闻网',
      byline: `<div class="info"><span>2019-09-26 15:10</span> <span>${line}</span></div>`,
    });
    expect(article.source).toBe(source);
  });

  it("an outlet shown as its logo after 来源： is read by the logo's name", () => {
    const article = extract({
      byline:
        '<div class="info"><span>2019-09-26 15:10</span> <span>来源：<img src="/logo/xinhua.png" alt="新华网"></span> <span>【打印】</span></div>',
    });
    expect(article.source).toBe('新华网');
  });
});

describe("an editor's summary over the story", () => {
  it.each([
    '核心提示：长白山冰雪季今天开幕，新增夜间滑雪、雪地温泉等项目，预计游客将比去年同期增长三成以上。',
    '【导读】长白山冰雪季今天开幕，新增夜间滑雪、雪地温泉等项目，预计游客将比去年同期增长三成以上。',
  ])('boxed between the byline and the body, it opens the body: %s', (summary) => {
    const a = extract({
      byline: `<div class="info">2024-12-01 08:23</div><div class="menu"><a href="/a">大众保健</a></div><div class="menu"><a href="/b">女性保健</a></div><div class="summary">${summary}</div>`,
    });
    expect(a.textContent.split('\n')).toEqual([summary, ...PARAGRAPHS]);
  });

  it.each([
    `摘要：${PARAGRAPHS[0]}`,
    // cut short by the CMS
    `摘要：${PARAGRAPHS[0]!.slice(0, 30)}...`,
  ])('one that only repeats the paragraph after it leaves: %s', (summary) => {
    const a = extract({ paragraphs: [summary, ...PARAGRAPHS] });
    expect(a.textContent.split('\n')).toEqual(PARAGRAPHS);
    const above = extract({ byline: `<div class="summary">${summary}</div>` });
    expect(above.textContent.split('\n')).toEqual(PARAGRAPHS);
  });

  it("a portal's list of other stories after such a label is no summary", () => {
    const list =
      '<div class="daodu">导读：<a href="/1">吉林雾凇岛迎来最佳观赏期</a> <a href="/2">查干湖冬捕节下月开幕</a></div>';
    const a = extract({ byline: `<div class="info">2024-12-01 08:23</div>${list}` });
    expect(a.textContent.split('\n')).toEqual(PARAGRAPHS);
  });

  it('an abstract in the body (a paper, a thesis) stays', () => {
    const abstract = '摘要：本文以长白山为例，分析了冰雪旅游对区域经济的带动作用，并提出了相应的政策建议。';
    const a = extract({ paragraphs: [abstract, ...PARAGRAPHS] });
    expect(a.textContent.split('\n')).toEqual([abstract, ...PARAGRAPHS]);
  });
});

describe('a label left empty', () => {
  const withSidebar = (after: string) =>
    pageHtml({
      byline: '<div class="info"><span>2019-09-26 15:10</span> <span>来源：人民网</span></div>',
      after: `${after}</div><div class="side"><h3>热点推荐</h3><ul><li><a href="/a/1.html">长春今年首场降雪 各部门连夜除雪保畅通</a></li></ul>`,
    });

  it.each([['<p class="editor">责任编辑：<span></span></p>'], ['<p class="editor">编辑：</p>']])(
    'takes nothing from the next block of the page: %s',
    (after) => {
      const article = extractArticle(new JSDOM(withSidebar(after), { url: URL }).window.document, URL);
      expect(article.editors).toEqual([]);
    },
  );

  it("reads its value from the next cell of an information table's row", () => {
    const html = pageHtml({
      above:
        '<table class="xxgk"><tr><td>发布机构：</td><td>吉林省文化和旅游厅</td><td>发布日期：</td><td>2019年09月26日</td></tr></table>',
    });
    const article = extractArticle(new JSDOM(html, { url: URL }).window.document, URL);
    expect(article.source).toBe('吉林省文化和旅游厅');
  });
});

describe("the site's own link after the 来源 value, on its line", () => {
  it('is no part of the outlet (`来源：人民日报海外版 中国青年网` on 中国青年网)', () => {
    const a = extract({
      docTitle: '长白山冰雪季开幕 游客同比增长三成_教育频道_示例青年网',
      byline:
        '<div class="l_time">发稿时间：<span>2017-03-10 08:42:00</span> <span>来源：<a href="http://lx.example.com/1.html">人民日报海外版</a></span> <span><a href="http://www.example-youth.cn">示例青年网</a></span></div>',
    });
    expect(a.siteName).toBe('示例青年网');
    expect(a.source).toBe('人民日报海外版');
  });
});

describe('where the outlet filed from, in brackets after its name', () => {
  it.each([
    ['新京报(北京)', '新京报'],
    ['南方日报（广州）', '南方日报'],
    // …while an edition, a sister outlet or a channel in brackets is part of the name
    ['人民日报（海外版）', '人民日报（海外版）'],
    ['人民网(人民日报)', '人民网(人民日报)'],
    ['央视(新闻频道)', '央视(新闻频道)'],
    // a link in the brackets, spaced as a word of its own
    ['<a href="/">新华网</a>(<a href="/bj/">北京</a>)', '新华网'],
    ['人民日报（<a href="/hwb/">海外版</a>）', '人民日报（海外版）'],
  ])('来源: %s → %s', (value, expected) => {
    const a = extract({ byline: `<div class="info">2008-12-07 09:30:00　来源: ${value}</div>` });
    expect(a.source).toBe(expected);
  });
});

describe("a widget's glyph beside the date", () => {
  it.each([
    '<span class="time">(2010-05-07 21:23:00)</span><span>转载▼</span>',
    '<span class="time">2010-05-07 21:23</span> <span>★收藏</span>',
    '<span class="time">2010-05-07 21:23</span> <span>\ue60a分享</span>',
  ])('marks a button, not an outlet: %s', (byline) => {
    expect(extract({ byline }).source).toBeNull();
  });
});
