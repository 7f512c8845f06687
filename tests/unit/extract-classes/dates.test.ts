/**
 * Failure class 2: dates. Bare dates under the headline, labelled lines whose other labels are empty,
 * dates only in the page's embedded data, forum and blog leads; the date nearest the title wins over
 * related lists, footers and copyright lines; and no time is ever invented (precision is recorded).
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/utils/extract';
import { parseDate } from '@/utils/extract/dates';
import {
  ENGLISH_PARAGRAPHS,
  extract,
  extractHtml,
  pageHtml,
  PARAGRAPHS,
  TRADITIONAL_PARAGRAPHS,
} from './page';

const UNDATED_URL = 'https://www.example-news.cn/society/12345.html';

/** A date as a page that no country or language places states it: in UTC, its own zone kept. */
const parsedOnWesternPage = (text: string) =>
  parseDate(text, { defaultOffset: '+00:00', now: new Date(), toSiteZone: false });

/** An English news page whose dateline under the headline (after `before`, if given) is `dateline`. */
function englishPage(dateline: string, before = '') {
  return extract(
    {
      htmlLang: 'en',
      title: 'Snow season opens in the Changbai Mountains',
      byline: `${before}<p class="dateline">${dateline}</p>`,
      paragraphs: [
        'The snow season opened on Sunday with forty slopes, night skiing and hot springs for the visitors who came from all over the country.',
        'Officials expect thirty percent more visitors than last year, and have added medical stations and safety patrols across the resort area.',
      ],
    },
    'https://news.example.com/2010/snow.html',
  );
}

describe('publish dates', () => {
  it('a bare date in the line right under the headline', () => {
    const a = extract({ byline: '<div class="time">2019年9月26日 15:10</div>' });
    expect(a.publishedAt).toBe('2019-09-26T15:10:00+08:00');
    expect(a.publishedPrecision).toBe('minute');
  });

  it('a labelled line whose other labels are empty', () => {
    const a = extract({ byline: '<div class="info">来源: | 发布时间: 2018-05-17 | 浏览次数:</div>' });
    expect(a.publishedAt?.slice(0, 10)).toBe('2018-05-17');
    expect(a.publishedPrecision).toBe('day');
    expect(a.source).toBeNull();
  });

  it.each([
    '<div class="info">更新时间：2015-06-13 发布时间：2015-06-12</div>',
    '<div class="info">發布時間：2015-06-12 更新時間：2015-06-13</div>',
    '<div class="info"><span>最后更新：2015-06-13</span> <span>发布日期：2015-06-12</span></div>',
  ])('%s: when the page went out, not its last update, whichever the line prints first', (byline) => {
    expect(extract({ byline }).publishedAt).toBe('2015-06-12T00:00:00+08:00');
  });

  it.each([
    '<div class="top">今天是：2024年5月20日 星期一 天气：晴</div>',
    '<div class="top"><span id="today">2024年5月20日 星期一</span></div>',
    '<div class="top">今日：2024-05-20</div>',
    // a calendar, the lunar date beside today's
    '<div class="date">2024年5月20日 星期一 农历四月十三</div>',
    '<div class="date">2024年5月20日 星期一 農曆四月十三</div>',
  ])("%s: the reader's today in the site's header is not when the story went out", (above) => {
    const a = extract({ above }, 'https://www.example-news.cn/society/12345.html');
    expect(a.publishedAt).toBeNull();
  });

  it("a page or section whose class mentions today (a site named Today) keeps the story's date", () => {
    const html = pageHtml({ byline: '<div class="info">2019年3月5日 08:00</div>' }).replace(
      '<body>',
      '<body class="articlePage today">',
    );
    expect(extractHtml(html).publishedAt).toBe('2019-03-05T08:00:00+08:00');
  });

  it.each([
    ['今日 10:21', '2024-12-02T10:21:00+08:00'],
    ['昨日 10:21', '2024-12-01T10:21:00+08:00'],
  ])('%s is a day relative to the clip, like 今天 and 昨天, and names no outlet', (line, iso) => {
    const a = extract({ byline: `<div class="info">${line}</div>` });
    expect(a.publishedAt).toBe(iso);
    expect(a.source ?? '').not.toMatch(/今日|昨日/);
  });

  it('an English date on a Chinese page names no outlet (Jun)', () => {
    const a = extract({ byline: '<div class="time">Jun 12, 2015 08:05 AM</div>' });
    expect(a.publishedAt).toBe('2015-06-12T08:05:00+08:00');
    expect(a.source).not.toBe('Jun');
  });

  it.each([
    [
      'pubtime in a JSON object',
      '<script>var DATA = {"id": 1, "pubtime": "2020-05-06 07:08:09"};</script>',
      '2020-05-06T07:08:09+08:00',
    ],
    [
      'publish_time assignment',
      "<script>window.publish_time = '2020-05-06 07:08';</script>",
      '2020-05-06T07:08:00+08:00',
    ],
    ['ct as Unix seconds', '<script>var ct = "1588719600";</script>', '2020-05-06T07:00:00+08:00'],
    [
      'publishedAt in an app state',
      '<script>window.__INITIAL_STATE__ = {"article": {"publishedAt": "2020-05-06 07:08:09"}};</script>',
      '2020-05-06T07:08:09+08:00',
    ],
    [
      'releaseTime in milliseconds',
      '<script>var info = {"releaseTime": 1588719600000};</script>',
      '2020-05-06T07:00:00+08:00',
    ],
    [
      'ctime as Unix seconds',
      '<script>var data = {"ctime": 1588719600};</script>',
      '2020-05-06T07:00:00+08:00',
    ],
    ['meta apub:time', '<meta name="apub:time" content="2020-05-06 07:08">', '2020-05-06T07:08:00+08:00'],
    [
      'meta article:published_time',
      '<meta property="article:published_time" content="2020-05-05T23:08:00Z">',
      '2020-05-06T07:08:00+08:00',
    ],
    ['meta PubDate', '<meta name="PubDate" content="2020-05-06 07:08">', '2020-05-06T07:08:00+08:00'],
    ['meta publishdate', '<meta name="publishdate" content="2020-05-06">', '2020-05-06T00:00:00+08:00'],
  ])('only in embedded data: %s', (_, head, iso) => {
    expect(extract({ head }).publishedAt).toBe(iso);
  });

  it.each(['<script>var ct = "12";</script>', '<script>var o = {"ctime": "2020-05"};</script>'])(
    'a creation time that is not a Unix time is not a date: %s',
    (head) => {
      expect(extract({ head }, UNDATED_URL).publishedAt).toBeNull();
    },
  );

  it.each([
    ['发表于 2005-5-7 21:23', '2005-05-07T21:23:00+08:00'],
    ['發表於 2005-5-7 21:23', '2005-05-07T21:23:00+08:00'],
    ['posted @ 2010-05-07 21:23 作者', '2010-05-07T21:23:00+08:00'],
    ['Posted on 2010-05-07 21:23', '2010-05-07T21:23:00+08:00'],
  ])('forum and blog leads: %s', (line, iso) => {
    expect(extract({ byline: `<div class="authi">${line}</div>` }).publishedAt).toBe(iso);
  });

  it('a date in the breadcrumb bar above the headline, past a channel menu, keeps its time', () => {
    const menu = ['社會焦點', '保障人權', '法律知識', '警政消防', '司法動態', '地方新聞']
      .map((item, i) => `<li><a href="/news/${i}/">${item}</a></li>`)
      .join('');
    const a = extract(
      {
        htmlLang: 'zh-TW',
        paragraphs: TRADITIONAL_PARAGRAPHS,
        above: `<div class="crumb"><a href="/">示例新聞</a> ＞ <a href="/news/">社會</a> ＞ <em>社會</em> <span class="news-time">2013年11月29日 21:19</span></div><div class="menu"><strong>社會</strong><ul>${menu}</ul></div>`,
      },
      'https://www.example-news.tw/news/20131129/302433.htm',
    );
    expect(a.publishedAt).toBe('2013-11-29T21:19:00+08:00');
    expect(a.publishedPrecision).toBe('minute');
  });

  it('prefers the date under the title to one in a related-news list, a footer or a copyright line', () => {
    const a = extract({
      above: '<ul class="hot"><li><a href="/1.html">昨日要闻</a> 2024-11-30</li></ul>',
      byline: '<div class="info">2024-12-01 09:30 来源：示例日报</div>',
      after:
        '<div class="related"><h4>相关新闻</h4><ul><li><a href="/a.html">2023年冰雪季开幕</a> 2023-12-01</li></ul></div><div class="footer">Copyright © 2008-2024 示例新闻网 2024-01-01</div>',
    });
    expect(a.publishedAt).toBe('2024-12-01T09:30:00+08:00');
  });

  it('no date under the title: never one from a related list or a copyright line', () => {
    const a = extract(
      {
        after:
          '<ul class="related"><li><a href="/a.html">2023年冰雪季开幕</a> 2023-12-01</li></ul><div class="footer">版权所有 © 2024-01-01 示例新闻网</div>',
      },
      UNDATED_URL,
    );
    expect(a.publishedAt).toBeNull();
  });

  it.each([
    [
      'under the title',
      { byline: '<ul class="info"><li>2024-12-01 09:30</li><li>来源：示例日报</li><li>浏览：123</li></ul>' },
    ],
    [
      'after the body',
      {
        after:
          '<ul class="meta"><li>2024-12-01 09:30</li><li>浏览 3215</li><li><a href="#c">评论(5)</a></li><li>分类：<a href="/c/1">冰雪旅游</a></li></ul><div class="comment">2 楼 老王 2024-12-01 11:00 写得好</div>',
      },
    ],
  ])("a post's own details set as a list %s give its date", (_, parts) => {
    const a = extract(parts, UNDATED_URL);
    expect(a.publishedAt).toBe('2024-12-01T09:30:00+08:00');
  });

  it.each([
    [
      'in the item of the headline',
      '<ul class="related"><li><a href="/a.html">2023年冰雪季开幕</a><div class="time">2023-12-01</div></li><li><a href="/b.html">长白山雪道新增夜场</a><div class="time">2023-11-20</div></li></ul>',
    ],
    [
      "in a list of the card under the headline's link",
      '<div class="ranking"><div class="card"><h3><a href="/a.html">2023年冰雪季开幕</a></h3><ul class="assist"><li><time>2023-12-01 10:00</time></li><li>12,595</li></ul></div></div>',
    ],
    [
      "in the card's own list of details, above the headline's link",
      '<ul class="similar"><li><ul class="info"><li><time>2023-12-01</time></li><li><a href="/tag/1">冰雪</a></li></ul><a href="/a.html"><h4>2023年冰雪季开幕 游客同比增长</h4></a></li></ul>',
    ],
  ])("a related story's date on a line of its own (%s) is still not the story's", (_, after) => {
    expect(extract({ after }, UNDATED_URL).publishedAt).toBeNull();
  });

  it("the story's date in its own list of details above the headline is its date, not a related card's", () => {
    const a = extract(
      {
        // (under a menu whose last link is as long as a headline's)
        above:
          '<div class="menu"><a href="/">首页</a> <a href="/subscribe">订阅我们的每日新闻简报</a></div>' +
          '<ul class="info"><li><time>2024-12-01</time></li><li><a href="/tag/1">冰雪</a></li></ul>',
        after:
          '<ul class="similar"><li><ul class="info"><li><time>2023-07-27</time></li><li><a href="/tag/1">冰雪</a></li></ul><a href="/a.html"><h4>2023年冰雪季开幕 游客同比增长</h4></a></li></ul>',
      },
      UNDATED_URL,
    );
    expect(a.publishedAt).toBe('2024-12-01T00:00:00+08:00');
  });

  it('a date only in an image path is not the publish date', () => {
    const a = extract({ byline: '<p><img src="/uploads/2019/09/26/a.jpg" alt=""></p>' }, UNDATED_URL);
    expect(a.publishedAt).toBeNull();
  });

  it('a date-only page keeps day precision: no time is invented', () => {
    const a = extract({ byline: '<div class="date">2007-08-20</div>' });
    expect(a.publishedAt).toBe('2007-08-20T00:00:00+08:00');
    expect(a.publishedPrecision).toBe('day');
    expect(a.publishedRaw).toBe('2007-08-20');
  });

  it.each([
    // a government portal's CMS: no date on the page, the day's last second in its meta
    ['<meta name="firstpublishedtime" content="2007-08-20-23:59:59">', ''],
    ['<meta property="article:published_time" content="2007-08-20T00:00:00+08:00">', ''],
    // the page shows the day; the metadata's midnight adds no time to it
    ['<meta name="publishdate" content="2007-08-20 00:00:00">', '<div class="date">2007年08月20日</div>'],
  ])('a stamp at midnight or the second before in the metadata is a day alone: %s', (head, byline) => {
    const a = extract({ head, byline });
    expect([a.publishedAt, a.publishedPrecision]).toEqual(['2007-08-20T00:00:00+08:00', 'day']);
  });

  it('a date-only page whose metadata has the time of that day keeps the time, with minute precision', () => {
    const a = extract({
      head: '<meta property="article:published_time" content="2007-08-20T11:59:00+08:00">',
      byline: '<div class="date">2007年08月20日</div>',
    });
    expect(a.publishedAt).toBe('2007-08-20T11:59:00+08:00');
    expect(a.publishedPrecision).toBe('second');
  });

  it.each([
    ['<time datetime="2007-08-20T03:59:00Z">2007年08月20日</time>', '2007-08-20T11:59:00+08:00'],
    [
      '<span>发布时间：<time datetime="2007-08-20 11:59">2007-08-20</time></span>',
      '2007-08-20T11:59:00+08:00',
    ],
  ])('a day shown over its machine-readable time keeps that time: %s', (line, iso) => {
    const a = extract({ byline: `<div class="date">${line}</div>` });
    expect(a.publishedAt).toBe(iso);
    expect(a.publishedRaw).toMatch(/^2007/);
  });

  it('a minute shown over its machine-readable seconds keeps them; another minute changes nothing', () => {
    const seconds = extract({
      byline:
        '<div class="date"><time datetime="2007-08-20T11:59:42+08:00">2007年08月20日 11時59分</time></div>',
    });
    expect([seconds.publishedAt, seconds.publishedPrecision]).toEqual([
      '2007-08-20T11:59:42+08:00',
      'second',
    ]);
    const other = extract({
      byline:
        '<div class="date"><time datetime="2007-08-20T10:00:42+08:00">2007年08月20日 11:59</time></div>',
    });
    expect([other.publishedAt, other.publishedPrecision]).toEqual(['2007-08-20T11:59:00+08:00', 'minute']);
  });

  it('a machine-readable time of another day does not move the day shown', () => {
    const a = extract({
      byline: '<div class="date"><time datetime="2007-08-22T03:59:00Z">2007年08月20日</time></div>',
    });
    expect(a.publishedAt).toBe('2007-08-20T00:00:00+08:00');
    expect(a.publishedPrecision).toBe('day');
  });

  it('English pages: a visible date in words, and metadata before the visible line', () => {
    const visible = englishPage('Posted on May 7, 2010 at 9:23 pm');
    expect(visible.publishedAt).toBe('2010-05-07T21:23:00+00:00');
    expect(visible.publishedPrecision).toBe('minute');
  });

  it.each([
    // the zone a US page names, with daylight saving: EST in November, EDT in July
    ['Updated November 29, 2016: 3:33 AM ET', '2016-11-29T03:33:00-05:00'],
    ['July 4, 2023 at 9:30 pm EDT', '2023-07-04T21:30:00-04:00'],
    ['Jan 5, 2023, 10:00 AM PT', '2023-01-05T10:00:00-08:00'],
    // the time before the date, with a weekday between
    ['Updated 11:22 PM EST, Tue November 29, 2016', '2016-11-29T23:22:00-05:00'],
    ['22:00, 11 July 2021', '2021-07-11T22:00:00+00:00'],
    // a dotted time (the Guardian), a bar between date and time
    ['Tue 29 Nov 2016 07.46 GMT', '2016-11-29T07:46:00+00:00'],
    ['March 9, 2017 | 10:15', '2017-03-09T10:15:00+00:00'],
  ])('English pages: %s', (line, iso) => {
    const a = englishPage(line);
    expect(a.publishedAt).toBe(iso);
    expect(a.publishedPrecision).toBe('minute');
  });

  it.each([
    // an offset from GMT or UTC, in hours or hhmm, in brackets or not
    ['September 26, 2019 | 15:10 GMT+8', '2019-09-26T15:10:00+08:00'],
    ['Aug 28, 2013 14:00 (GMT+0400)', '2013-08-28T14:00:00+04:00'],
    ['Sep 26, 2019 3:10 PM UTC+05:30', '2019-09-26T15:10:00+05:30'],
    // CGTN's day-month-year with hyphens, its time before the date
    ['Updated 15:10, 26-Sep-2019', '2019-09-26T15:10:00+00:00'],
  ])('English pages: %s', (line, iso) => {
    expect(englishPage(line).publishedAt).toBe(iso);
  });

  it.each([
    ['a country domain', '', 'https://www.example-times.com.sg/asia/snow-season-opens'],
    [
      'a mainland filing in the footer',
      '<div class="footer">京ICP备05002536号</div>',
      'https://english.example.com/2019-09/26/c_138.htm',
    ],
  ])("an English page's times without a zone are in its country's zone (+08:00) on %s", (_, footer, url) => {
    const a = extract(
      {
        htmlLang: 'en',
        title: 'Snow season opens in the Changbai Mountains',
        byline: '<p class="info">Updated: 2019-09-26 15:10</p>',
        paragraphs: [
          'The snow season opened on Sunday with forty slopes, night skiing and hot springs for the visitors who came from all over the country.',
          'Officials expect thirty percent more visitors than last year, and have added medical stations and safety patrols across the resort area.',
        ],
        after: footer,
      },
      url,
    );
    expect(a.publishedAt).toBe('2019-09-26T15:10:00+08:00');
  });

  it.each([
    // Singapore and Malaysia (联合早报, 星洲日报) write the half of the day in English
    ['发布 / 2022年5月12日 8:23 PM', '2022-05-12T20:23:00+08:00'],
    ['2022年5月12日 12:05 am', '2022-05-12T00:05:00+08:00'],
    ['2022/5/12 PM 08:23', '2022-05-12T20:23:00+08:00'],
    ['2022年5月12日 下午8:23', '2022-05-12T20:23:00+08:00'],
    ['2022-05-12 10:00 PM2.5浓度为35微克', '2022-05-12T10:00:00+08:00'],
    // other halves of the day; 点 before the minutes, as people write the time
    ['2022年5月12日 傍晚6:23', '2022-05-12T18:23:00+08:00'],
    ['2022年5月12日 中午1:05', '2022-05-12T13:05:00+08:00'],
    ['2022年5月12日 中午12:05', '2022-05-12T12:05:00+08:00'],
    ['2022年5月12日 15点23分', '2022-05-12T15:23:00+08:00'],
    ['2022年5月12日 下午3点23分', '2022-05-12T15:23:00+08:00'],
  ])('the half of the day beside a numeric date: %s', (text, iso) => {
    expect(parseDate(text, { defaultOffset: '+08:00', now: new Date() })).toMatchObject({
      iso,
      precision: 'minute',
    });
  });

  it.each([
    // Traditional Chinese and Japanese write the hour with 時 (or 點), Japanese the half with 午前/午後
    ['2013年6月29日 22時54分', '2013-06-29T22:54:00+08:00', 'minute'],
    ['2013年6月29日 下午10點54分', '2013-06-29T22:54:00+08:00', 'minute'],
    ['2019年3月5日 午後8時15分30秒', '2019-03-05T20:15:30+08:00', 'second'],
    ['2019年3月5日 午前12時05分', '2019-03-05T00:05:00+08:00', 'minute'],
    // a Japanese weekday in brackets between the date and the time
    ['2019年3月5日(火) 08:15', '2019-03-05T08:15:00+08:00', 'minute'],
    ['2019年3月5日 火曜日 08:15', '2019-03-05T08:15:00+08:00', 'minute'],
  ])('the hour written with 時: %s', (text, iso, precision) => {
    expect(parseDate(text, { defaultOffset: '+08:00', now: new Date() })).toMatchObject({ iso, precision });
  });

  it.each(['2022年5月12日 晚上8点', '2022年5月12日 8点多'])(
    'an hour without its minutes is no time: %s',
    (text) => {
      expect(parseDate(text, { defaultOffset: '+08:00', now: new Date() })).toMatchObject({
        iso: '2022-05-12T00:00:00+08:00',
        precision: 'day',
      });
    },
  );

  it.each([
    ['Fri Mar  5 10:21:33 2010', '2010-03-05T10:21:33+08:00'],
    ['Sat Dec 12 08:05:00 CST 2009', '2009-12-12T08:05:00+08:00'],
  ])('asctime, as BBS headers and mail archives print it: %s', (text, iso) => {
    expect(parseDate(text, { defaultOffset: '+08:00', now: new Date() })).toMatchObject({
      iso,
      precision: 'second',
    });
  });

  it.each([
    ['Mon Aug 03 12:45:00 EDT 2015', '2015-08-03T12:45:00-04:00'],
    ['Tue Dec 15 09:30:00 PST 2015', '2015-12-15T09:30:00-08:00'],
  ])("Java's date, a named zone before the year, keeps that zone: %s", (text, iso) => {
    expect(parsedOnWesternPage(text)).toMatchObject({ iso, precision: 'second' });
  });

  it("Java's date in GMT on a Chinese page is that instant in China's time", () => {
    expect(
      parseDate('Tue Dec 15 09:30:00 GMT 2015', { defaultOffset: '+08:00', now: new Date() }),
    ).toMatchObject({
      iso: '2015-12-15T17:30:00+08:00',
    });
  });

  it('English pages: a zone without a time, or a decimal after the date, is no time', () => {
    const a = englishPage('9 March 2017 GMT');
    expect([a.publishedAt, a.publishedPrecision]).toEqual(['2017-03-09T00:00:00+00:00', 'day']);
    const context = { defaultOffset: '+00:00', now: new Date() };
    // not 5 March (the year apart from a month and day) nor a time of 3.05
    expect(parseDate('May 7, 2010 3.5 million visitors came', context)).toMatchObject({
      iso: '2010-05-07T00:00:00+00:00',
      precision: 'day',
    });
  });

  it('a date in a photo caption under the headline is when the photo was taken, not the story', () => {
    const a = englishPage(
      'Nov. 2, 2023 3:53 PM EDT',
      '<figure><img src="/oil.jpg" width="640" height="360" alt=""><figcaption>The sun rises over an oil field March 24, 2014 near Lost Hills, California.</figcaption></figure>',
    );
    expect(a.publishedAt).toBe('2023-11-02T15:53:00-04:00');
  });

  it.each([
    '<div class="pic"><p>图为2018年12月1日拍摄的长白山。</p></div>',
    '<div class="pic"><p>长白山天池（摄于2018年12月1日）</p></div>',
  ])('%s: a Chinese caption outside a <figure> dates the photo, not the story', (caption) => {
    const a = extract({ byline: caption }, 'https://www.example-news.cn/society/12345.html');
    expect(a.publishedAt).toBeNull();
  });

  it('a video credit beside the date leaves the date alone', () => {
    const a = extract({ byline: '<div class="info">2019-03-05 08:00 来源：央视 拍摄：张三</div>' });
    expect(a.publishedAt).toBe('2019-03-05T08:00:00+08:00');
  });

  it.each([
    '<div class="info">更新时间：2019-09-27 10:00 来源：示例日报</div><div class="info">发布时间：2019-09-26 15:10</div>',
    '<div class="info">最后修改：2019-09-27 10:00</div><p>2019-09-26 15:10 示例日报</p>',
  ])('a date labelled as the last update yields to the publish date on another line: %s', (byline) => {
    expect(extract({ byline }).publishedAt).toBe('2019-09-26T15:10:00+08:00');
  });

  it('a date labelled as the last update is still the date when the page states no other', () => {
    const byline = '<div class="info">更新时间：2019-09-27 10:00 来源：示例日报</div>';
    expect(extract({ byline }, UNDATED_URL).publishedAt).toBe('2019-09-27T10:00:00+08:00');
  });

  it('the URL date is a last resort, with day precision', () => {
    const a = extract({}, 'https://www.example-news.cn/society/2024/12/01/12345.html');
    expect(a.publishedAt).toBe('2024-12-01T00:00:00+08:00');
    expect(a.publishedPrecision).toBe('day');
  });

  it.each([
    ['https://www.example-news.cn/world/2013/jun/29/council-approves-plan', '2013-06-29T00:00:00+08:00'],
    ['http://www.example-news.com.tw/2013/new/jun/29/today-p5.htm', '2013-06-29T00:00:00+08:00'],
  ])('the URL may name the month: %s', (url, iso) => {
    expect(extract({}, url).publishedAt).toBe(iso);
  });

  it.each([
    // the content systems of most government and news sites name their pages by the day
    ['TRS', 'http://www.example.gov.cn/xxgk/tzgg/201909/t20190926_123456.html', '2019-09-26'],
    ['Hanweb', 'http://www.example.gov.cn/art/2019/9/26/art_123_4567.html', '2019-09-26'],
    ['Hanweb, two-digit day', 'http://www.example.gov.cn/art/2019/12/1/art_123_4567.html', '2019-12-01'],
  ])("the day a content system's URL names: %s", (_, url, day) => {
    const a = extract({}, url);
    expect(a.publishedAt).toBe(`${day}T00:00:00+08:00`);
    expect(a.publishedPrecision).toBe('day');
  });

  it('numbers in the path that are no day name none', () => {
    for (const url of [
      'http://www.example.gov.cn/art/2019/13/26/art_1.html',
      'http://www.example-news.cn/t2019092_1.html',
      'http://www.example-news.cn/2019/9/266/a.html',
    ])
      expect(extract({}, url).publishedAt).toBeNull();
  });

  it('a word in the path that only starts like a month is none', () => {
    expect(extract({}, 'https://www.example-news.cn/2013/marketing/29/plan').publishedAt).toBeNull();
  });
});

describe('dates on government and older pages', () => {
  it.each([
    [
      '<div class="info">２０１９年０９月２６日　来源：吉林日报</div>',
      '2019-09-26T00:00:00+08:00',
      '２０１９年０９月２６日',
    ],
    [
      '<div class="info">发布时间：２０１９－０９－２６　１５：１０</div>',
      '2019-09-26T15:10:00+08:00',
      '２０１９－０９－２６ １５：１０',
    ],
  ])('a date in full-width digits, typed in a word processor: %s', (byline, iso, raw) => {
    const a = extract({ byline }, UNDATED_URL);
    expect(a.publishedAt).toBe(iso);
    // the page's own characters stay the raw value
    expect(a.publishedRaw).toBe(raw);
  });

  it.each([
    ['<div class="date">2019年9月26日 星期四 15:10</div>', '2019-09-26T15:10:00+08:00', null],
    [
      '<div class="date">2019年9月26日（星期四） 来源：吉林日报</div>',
      '2019-09-26T00:00:00+08:00',
      '吉林日报',
    ],
  ])(
    'a weekday between the date and the time is neither a break nor an outlet: %s',
    (byline, iso, source) => {
      const a = extract({ byline });
      expect(a.publishedAt).toBe(iso);
      expect(a.source).toBe(source);
    },
  );

  it.each([
    ['上线时间：2019-09-26 15:10 作者：张三', '2019-09-26T15:10:00+08:00'],
    ['刊登日期：2019-09-26 版次：A04', '2019-09-26T00:00:00+08:00'],
    ['撰稿：王家俊 | 更新：2019/09/26 15:10', '2019-09-26T15:10:00+08:00'],
    ['發佈：2019/09/26 15:10 | 來源：中央社', '2019-09-26T15:10:00+08:00'],
    ['提交时间：2019-09-26 15:10 最后更新：2019-09-27 08:00', '2019-09-26T15:10:00+08:00'],
  ])('less common date labels, and bare 发布 or 更新 before a date, after the story: %s', (line, iso) => {
    const a = extract({ paragraphs: [...PARAGRAPHS, line] }, UNDATED_URL);
    expect(a.publishedAt).toBe(iso);
    expect(a.textContent).not.toContain('2019');
  });

  it.each([
    ['<div class="info">发布时间：08年5月12日 9:05 来源：吉林日报</div>', '2008-05-12T09:05:00+08:00'],
    ['<div class="info">日期：98-05-12 作者：张三</div>', '1998-05-12T00:00:00+08:00'],
  ])('a labelled date with a two-digit year, as older pages print it: %s', (byline, iso) => {
    expect(extract({ byline }, UNDATED_URL).publishedAt).toBe(iso);
  });

  it.each([
    ['<div class="info">19-09-26 15:10 来源：吉林日报</div>', '2019-09-26T15:10:00+08:00'],
    ['<div class="time">98-05-12 09:05:33</div>', '1998-05-12T09:05:33+08:00'],
    // a 民國 year in digits
    ['<div class="time">108/09/26 15:10</div>', '2019-09-26T15:10:00+08:00'],
  ])('a date line opening with a two-digit year and a time needs no label: %s', (byline, iso) => {
    expect(extract({ byline }, UNDATED_URL).publishedAt).toBe(iso);
  });

  it('a two-digit year without a time or a label is not believed', () => {
    expect(extract({ byline: '<div class="info">19-09-26</div>' }, UNDATED_URL).publishedAt).toBeNull();
  });

  it.each([
    '<table><tr><td>发文机关：国务院办公厅</td><td>成文日期：2015年06月10日</td></tr><tr><td>发布日期：2015年06月12日</td><td>来源：国务院办公厅</td></tr></table>',
    '<div>成文日期：2015年06月10日 发布日期：2015年06月12日</div>',
  ])("a notice's 成文日期 (written) yields to its 发布日期 (published)", (byline) => {
    expect(extract({ byline }).publishedAt).toBe('2015-06-12T00:00:00+08:00');
  });

  it.each([
    ['示例市农业农村局', '二〇二一年三月一日', '2021-03-01'],
    ['示例市农业农村局', '2021年3月1日', '2021-03-01'],
    [null, '2021年3月1日于长春', '2021-03-01'],
  ])('with no date above or beside it, the date the text closes with (%s, %s)', (office, closing, day) => {
    const paragraphs = [...PARAGRAPHS, ...(office ? [office] : []), closing];
    const a = extract({ paragraphs }, UNDATED_URL);
    expect(a.publishedAt).toBe(`${day}T00:00:00+08:00`);
    expect(a.publishedPrecision).toBe('day');
  });

  it('a date in the closing sentence is not the closing date, and the URL comes first', () => {
    const sentence = '活动将持续到2021年3月1日，欢迎市民参加。';
    expect(extract({ paragraphs: [...PARAGRAPHS, sentence] }, UNDATED_URL).publishedAt).toBeNull();
    const dated = 'https://www.example-news.cn/society/2021/03/05/12345.html';
    expect(extract({ paragraphs: [...PARAGRAPHS, '2021年3月1日'] }, dated).publishedAt).toBe(
      '2021-03-05T00:00:00+08:00',
    );
  });

  it("a notice's 成文日期 is still its date when nothing else is stated", () => {
    expect(extract({ byline: '<div>成文日期：2015年06月10日</div>' }, UNDATED_URL).publishedAt).toBe(
      '2015-06-10T00:00:00+08:00',
    );
  });

  it('labels spaced out to fill a table cell (发 布 日 期：) are labels', () => {
    const a = extract({
      byline:
        '<div class="xxgk"><span>索 引 号：11220000/2015-00123</span> <span>发布机构：吉林省教育厅</span> <span>发 布 日 期：2015-06-12</span></div>',
    });
    expect(a.source).toBe('吉林省教育厅');
    expect(a.publishedAt).toBe('2015-06-12T00:00:00+08:00');
  });
});

describe('dates written in Chinese numerals, as formal documents write them', () => {
  it.each([
    ['<div>发布日期：二〇二三年五月十二日</div>', '2023-05-12T00:00:00+08:00'],
    ['<div>成文日期：二○○五年十二月三十一日</div>', '2005-12-31T00:00:00+08:00'],
    ['<div>日期：二零一九年九月二十六日</div>', '2019-09-26T00:00:00+08:00'],
  ])('%s', (byline, iso) => {
    const a = extract({ byline }, 'https://www.example.gov.cn/zwgk/notice.html');
    expect(a.publishedAt).toBe(iso);
    expect(a.publishedPrecision).toBe('day');
  });

  it('a day that does not exist is no date', () => {
    expect(
      extract(
        { byline: '<div>日期：二〇二三年二月三十日</div>' },
        'https://www.example.gov.cn/zwgk/notice.html',
      ).publishedAt,
    ).toBeNull();
  });
});

describe("a portal's date of this year, shown without its year", () => {
  const byline = '<div class="meta">来源：新华社 | 09-26 15:10</div>';

  it('takes the year from the URL when it names one', () => {
    expect(extract({ byline }, 'https://www.example-news.cn/2019/0926/c1001.html').publishedAt).toBe(
      '2019-09-26T15:10:00+08:00',
    );
  });

  it('a time glued to the day (IT之家: 发布时间：09-3022:46) is still a time', () => {
    expect(
      extract({ byline: '<div class="meta">IT之家发布时间：09-3022:46</div>' }, UNDATED_URL).publishedAt,
    ).toBe('2024-09-30T22:46:00+08:00');
  });

  it("else the clip's year, or the year before when that day is still to come", () => {
    // the page helper clips on 2024-12-02
    expect(extract({ byline }, UNDATED_URL).publishedAt).toBe('2024-09-26T15:10:00+08:00');
    expect(
      extract({ byline: '<div class="meta">来源：新华社 | 12-26 15:10</div>' }, UNDATED_URL).publishedAt,
    ).toBe('2023-12-26T15:10:00+08:00');
  });
});

describe('a table-layout portal page of 2005: the byline row the body opened with', () => {
  it('title in a plain cell, the date with its time, the outlet after it, and a body without the row', () => {
    const paragraphs = [
      '新华网北京5月12日电 国务院总理温家宝12日主持召开国务院常务会议，研究部署进一步做好农业和农村工作。',
      '会议强调，要继续加大对农业的投入，切实减轻农民负担，大力发展畜牧业和农产品加工业，努力增加农民收入。',
      '会议还研究了其他事项。各地要抓紧落实会议精神，确保各项政策措施落到实处，让广大农民群众得到实惠。',
    ];
    const html = `<html><head><meta charset="utf-8"><title>国务院常务会议研究部署农业工作_新闻中心_示例网</title></head><body>
<table width=750><tr><td><a href="/">示例首页</a> &gt; <a href="/news/">新闻中心</a></td></tr></table>
<table width=750><tr><td width=570 valign=top><table width=100%>
<tr><th class=f24><font size=4>国务院常务会议研究部署农业工作</font></th></tr>
<tr><td class=f12 align=center><font color=#666666>http://www.example.com.cn 2005年05月12日14:28 <a href="http://www.xinhuanet.com/">新华网</a></font></td></tr>
<tr><td class=l17><font class=f14>${paragraphs.map((p) => `<p>　　${p}</p>`).join('')}</font></td></tr></table></td>
<td width=170 valign=top><table><tr><td>相关链接</td></tr><tr><td><a href="/1.shtml">国务院召开常务会议</a>(2005/05/05 10:20)</td></tr></table></td></tr></table></body></html>`;
    const url = 'http://news.example.com.cn/c/2005-05-12/14281234.shtml';
    const a = extractArticle(new JSDOM(html, { url }).window.document, url);
    expect(a.title).toBe('国务院常务会议研究部署农业工作');
    expect(a.publishedAt).toBe('2005-05-12T14:28:00+08:00');
    expect(a.source).toBe('新华网');
    expect(a.textContent.split('\n')).toEqual(paragraphs);
  });
});

describe("a government document's information table above its title", () => {
  const table = (organ: string) =>
    '<table class="xxgk"><tr><td><b>索 引 号：</b></td><td>11220000/2024-00123</td><td><b>主题分类：</b></td><td>农业、林业、水利</td></tr>' +
    `<tr><td><b>${organ}</b></td><td>吉林省农业农村厅</td><td><b>成文日期：</b></td><td>2024年11月28日</td></tr>` +
    '<tr><td><b>发文字号：</b></td><td>吉农发〔2024〕12号</td><td><b>发布日期：</b></td><td>2024年12月01日</td></tr></table>';

  it('names the issuing organ as the author and dates the document by its 发布日期', () => {
    const a = extract({ above: table('发文机关：') }, 'https://www.example.gov.cn/zwgk/notice.html');
    expect(a.authors).toEqual(['吉林省农业农村厅']);
    expect(a.publishedAt).toBe('2024-12-01T00:00:00+08:00');
  });

  it('dates the document by its 发布日期 wherever the table prints it, not by the signature closing it', () => {
    const earlyRow =
      '<table class="xxgk"><tr><td><b>成文日期：</b></td><td>2024年11月28日</td><td><b>发布日期：</b></td><td>2024年12月01日</td></tr>' +
      '<tr><td><b>发文机关：</b></td><td>吉林省农业农村厅</td><td><b>发文字号：</b></td><td>吉农发〔2024〕12号</td></tr>' +
      '<tr><td><b>主题分类：</b></td><td>农业、林业、水利</td><td><b>索 引 号：</b></td><td>11220000/2024-00123</td></tr></table>';
    const a = extract(
      { above: earlyRow, paragraphs: [...PARAGRAPHS, '吉林省农业农村厅', '2024年11月28日'] },
      'https://www.example.gov.cn/zwgk/notice.html',
    );
    expect(a.publishedAt).toBe('2024-12-01T00:00:00+08:00');
  });

  it('names the publishing organ (发布机构) as the source', () => {
    const a = extract({ above: table('发布机构：') }, 'https://www.example.gov.cn/zwgk/notice.html');
    expect(a.source).toBe('吉林省农业农村厅');
  });

  it('a lone label above the title is no information table', () => {
    const a = extract(
      {
        above:
          '<div><span>发文机关：</span><span>吉林省农业农村厅</span></div><ul><li><a href="/">首页</a></li></ul>',
      },
      'https://www.example.gov.cn/zwgk/notice.html',
    );
    expect(a.authors).toEqual([]);
  });
});

describe('a summary under the headline that repeats the first paragraph', () => {
  // the summary, the deck and the byline, then the story opening with the summary's words again
  const page = (byline: string, paragraphs: readonly string[]) =>
    `<!doctype html><html lang="en"><head><title>Council approves transit plan | Example News</title></head><body>
<header><h1>Council approves transit plan</h1><p class="summary">${paragraphs[0]}</p>
<h2 class="deck">Routes to open next year</h2>${byline}</header>
<div class="story">${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;

  it('is no start of the story: the byline under it still gives the date and the writer', () => {
    const byline =
      '<div class="byline"><a href="/author/jane-doe">Jane Doe</a> · Example News · <time>Posted: Oct 14, 2022 9:27 AM ET</time></div>';
    const a = extractHtml(page(byline, ENGLISH_PARAGRAPHS), 'https://news.example.com/transit-1.2345');
    expect(a.publishedAt).toBe('2022-10-14T09:27:00-04:00');
    expect(a.authors).toEqual(['Jane Doe']);
    expect(a.textContent.split('\n')).toEqual(ENGLISH_PARAGRAPHS);
  });
});

describe("an English page's times without a zone, on a site no country or language places", () => {
  const page = (head: string, dateline: string) =>
    extract(
      {
        htmlLang: 'en',
        title: 'Council approves the transit plan',
        head,
        byline: `<p class="dateline">${dateline}</p>`,
        paragraphs: ENGLISH_PARAGRAPHS,
      },
      'https://news.example.com/2020/transit.html',
    );

  it.each([
    [
      'a zone-less publish time, its modified time of that minute with an offset',
      '<meta name="pubdate" content="2020-04-07 15:49:34"><meta property="article:modified_time" content="2020-04-07T15:49:34+05:30">',
      'By Jane Doe',
      '2020-04-07T15:49:34+05:30',
    ],
    [
      'the time shown under the title, the metadata modified that minute with an offset',
      '<script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2020-04-07T15:49:00-04:00"}</script>',
      'April 7, 2020 3:49 PM',
      '2020-04-07T15:49:00-04:00',
    ],
    [
      'an RFC 2822 date with a numeric offset',
      '<meta name="pubdate" content="Tue, 07 Apr 2020 15:49:34 +0530">',
      'By Jane Doe',
      '2020-04-07T15:49:34+05:30',
    ],
    [
      // a later update says nothing of the zone the first time was written in: UTC, as before
      'a modified time of another minute',
      '<script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2020-04-08T10:00:00-04:00"}</script>',
      'April 7, 2020 3:49 PM',
      '2020-04-07T15:49:00+00:00',
    ],
  ])('%s: the zone the page declares', (_, head, dateline, iso) => {
    expect(page(head, dateline).publishedAt).toBe(iso);
  });

  it('metadata naming only the day gives way to the time the page shows that day', () => {
    const a = page(
      '<meta name="date" content="2016-12-15">',
      '<time datetime="2016-12-15T15:33:00-05:00">December 15, 2016 · 3:33 PM ET</time>',
    );
    expect([a.publishedAt, a.publishedPrecision]).toEqual(['2016-12-15T15:33:00-05:00', 'second']);
  });
});

describe('dates of European pages', () => {
  it.each([
    ['19.07.2022', '2022-07-19T00:00:00+00:00', 'day'],
    ['Stand: 03.07.2022, 14:30 Uhr', '2022-07-03T14:30:00+00:00', 'minute'],
    ['Publié le 13.03.2017 à 19h18', '2017-03-13T19:18:00+00:00', 'minute'],
  ])('the day first, dotted: %s', (text, iso, precision) => {
    expect(parsedOnWesternPage(text)).toMatchObject({ iso, precision });
  });

  it.each(['v1.2.2022', '1.2.3.2022'])('a version number is no date: %s', (text) => {
    expect(parsedOnWesternPage(text)).toBeNull();
  });

  it('a date in words the reader does not know is read from its <time datetime>', () => {
    const a = englishPage('<time datetime="2017-03-13T19:18:46-04:00">Publié le 13 mars 2017</time>');
    expect([a.publishedAt, a.publishedPrecision]).toEqual(['2017-03-13T19:18:46-04:00', 'second']);
  });
});

describe('American dates, month first', () => {
  it.each([
    ['11/28/2016 04:23 pm ET', '2016-11-28T16:23:00-05:00'],
    ['10/04/2016 05:07 AM EDT', '2016-10-04T05:07:00-04:00'],
    ['Updated 3/5/2019 at 9:30 a.m.', '2019-03-05T09:30:00+00:00'],
  ])('told by the 12-hour time or the US zone after them: %s', (text, iso) => {
    expect(parsedOnWesternPage(text)).toMatchObject({ iso, precision: 'minute' });
  });

  it.each(['04/05/2016', '04/05/2016 14:00'])(
    'alone, day and month could be either way round: %s',
    (text) => {
      expect(parsedOnWesternPage(text)).toBeNull();
    },
  );
});
