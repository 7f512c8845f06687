/** Failure class 3: Traditional Chinese and HK/TW conventions read alike with Simplified. */
import { describe, expect, it } from 'vitest';
import { parseByline } from '@/utils/extract/byline';
import { parseDate } from '@/utils/extract/dates';
import { extract, TRADITIONAL_PARAGRAPHS } from './page';

const TW_URL = 'https://news.example.com.tw/politics/20130629/217673';

describe('Traditional Chinese bylines', () => {
  it.each([
    ['記者王家俊／台北報導', { authors: ['王家俊'] }],
    ['【丁牧群╱台北報導】', { authors: ['丁牧群'] }],
    ['記者陳小明、林大華／高雄報導', { authors: ['陳小明', '林大華'] }],
    ['（中央社記者黃雅詩台北29日電）', { authors: ['黃雅詩'], source: '中央社' }],
    ['中央社記者張三東京29日專電', { authors: ['張三'], source: '中央社' }],
    ['編輯：王小明', { editors: ['王小明'] }],
    // CNA closes a story with its editor and the day's code (ROC year 102, 11-29)
    ['（編輯：王小明）1021129', { editors: ['王小明'] }],
    ['責任編輯：陳大文', { editors: ['陳大文'] }],
    ['來源：聯合報', { source: '聯合報' }],
    ['【on.cc東網專訊】', { source: 'on.cc東網' }],
    // where it was reported from names no outlet
    ['（綜合報導）', { source: null }],
    ['撰文：李四 攝影：周五', { authors: ['李四'], photographers: ['周五'] }],
    // another role's credit without its colon ends the names
    ['記者：王家俊 / 攝影 李四', { authors: ['王家俊'] }],
    ['發佈時間：2013/06/29 22:54', { dateText: '2013/06/29 22:54' }],
    ['更新時間：2013-06-29 22:54', { dateText: '2013-06-29 22:54' }],
    ['發布時間：2013年06月29日', { dateText: '2013年06月29日' }],
    // CNA's own label for when a story went out, before its last update
    ['發稿時間：2014/04/04 02:40 最後更新：2014/04/04 10:00', { dateText: '2014/04/04 02:40' }],
    ['〔記者王家俊／台北報導〕', { authors: ['王家俊'] }],
    ['文｜王家俊　攝影｜李大同', { authors: ['王家俊'], photographers: ['李大同'] }],
    ['【明報專訊】', { source: '明報' }],
    // two outlets joined by a middle dot before 讯
    ['中国证券报·中证网讯（记者 张三）', { source: '中国证券报·中证网', authors: ['张三'] }],
    ['〔自由時報訊〕', { source: '自由時報' }],
    ['新華社北京3月5日電', { source: '新華社' }],
    ['【本報訊】', { source: null }],
    // an outlet named right before the reporter credit, without a label
    ['中國時報【王家俊／台北報導】', { source: '中國時報', authors: ['王家俊'] }],
    ['自由時報記者王家俊／台北報導', { source: '自由時報', authors: ['王家俊'] }],
    // the same inside the brackets that open the credit
    ['〔台灣醒報記者王家俊台北報導〕', { source: '台灣醒報', authors: ['王家俊'] }],
    ['【聯合報記者王家俊／台北報導】', { source: '聯合報', authors: ['王家俊'] }],
    ['華視新聞 記者王家俊 台北報導', { source: '華視新聞', authors: ['王家俊'] }],
    ['TVBS 記者王家俊 報導', { source: 'TVBS', authors: ['王家俊'] }],
    // a Latin brand with a few Han characters after it
    ['ETtoday新聞雲 記者王家俊／台北報導', { source: 'ETtoday新聞雲', authors: ['王家俊'] }],
    // 據 (according to) before the outlet is no part of its name
    ['據中央社報導 記者王家俊', { source: '中央社', authors: ['王家俊'] }],
    ['据新华社报道 记者 张三', { source: '新华社', authors: ['张三'] }],
    ['三立新聞網 記者王家俊／台北報導', { source: '三立新聞網', authors: ['王家俊'] }],
    ['中時電子報 王家俊／台北報導', { source: '中時電子報', authors: ['王家俊'] }],
    ['2013年11月29日 04:10 中國時報 王家俊／台北報導', { source: '中國時報', authors: ['王家俊'] }],
    ['本報記者王家俊／台北報導', { source: null, authors: ['王家俊'] }],
    // credits without a slash, trainee and translator credits, agency datelines by day only
    ['記者王家俊 綜合報導', { authors: ['王家俊'] }],
    ['【實習記者王家俊／台北報導】', { authors: ['王家俊'] }],
    ['〔編譯王家俊／綜合報導〕', { authors: ['王家俊'] }],
    ['（大紀元記者王家俊台灣台北報導）', { authors: ['王家俊'] }],
    ['【大紀元2013年11月29日訊】', { source: '大紀元' }],
    ['（中央社台北29日電）', { source: '中央社', authors: [] }],
    ['撰文者：王家俊', { authors: ['王家俊'] }],
    ['核稿編輯：林芳', { editors: ['林芳'] }],
    // a newsroom desk before the slash, the reporters after it (綜合報導 names nobody)
    ['政治中心／王家俊報導', { authors: ['王家俊'] }],
    ['社會中心／王家俊、李大同 報導', { authors: ['王家俊', '李大同'] }],
    ['生活中心／綜合報導', { authors: [] }],
    ['地方中心／桃園報導', { authors: [] }],
    // an outlet, the names, then the place, without a 記者 label
    ['公視新聞 王家俊 台北報導', { source: '公視新聞', authors: ['王家俊'] }],
    ['民視新聞／王家俊、李大同 台北報導', { source: '民視新聞', authors: ['王家俊', '李大同'] }],
    [
      '新頭殼newtalk | 王家俊 綜合報導 發布 2022.05.12 | 08:23',
      { source: '新頭殼newtalk', authors: ['王家俊'] },
    ],
    // the reporter closing a short line
    ['Rti中央廣播電臺 記者王家俊', { authors: ['王家俊'] }],
    // the outlet, a slash, then the reporter's credit
    ['聯合報／記者王家俊／台北即時報導', { source: '聯合報', authors: ['王家俊'] }],
    // a TV newsroom's credit with the time after it, or in brackets closing the story
    ['王家俊 台北報導 2013-06-29 22:54', { source: null, authors: ['王家俊'] }],
    ['（王家俊 台北報導）', { authors: ['王家俊'] }],
    ['（華視新聞 王家俊 台北報導）', { source: '華視新聞', authors: ['王家俊'] }],
    // the outlet and the writer alone on the line, a date maybe after them
    ['工商時報 王家俊', { source: '工商時報', authors: ['王家俊'] }],
    ['经济日报 张三 李四 2022-05-12 09:23', { source: '经济日报', authors: ['张三', '李四'] }],
    // …but a portal and its channel credit no one
    ['新浪网 黄金', { source: null, authors: [] }],
    // slash credits naming the writer: 報導, 採訪, 編譯, 整理
    ['報導／王家俊', { authors: ['王家俊'] }],
    ['採訪／王家俊 撰文／李大明', { authors: ['王家俊', '李大明'] }],
    ['編譯／王家俊', { authors: ['王家俊'] }],
    ['整理／王家俊', { authors: ['王家俊'] }],
    // a newsroom's own compiled report: the outlet, no writer
    ['民視新聞／綜合報導', { source: '民視新聞', authors: [] }],
    ['華視新聞網/綜合報導', { source: '華視新聞網', authors: [] }],
    // the outlet, a slash, its reporter, and no place
    ['中廣新聞網／記者王家俊', { source: '中廣新聞網', authors: ['王家俊'] }],
    // the names and place after the date, without a label
    ['新頭殼newtalk 2014.01.05 王家俊/台北報導', { authors: ['王家俊'] }],
    // an outlet alone in the brackets that open the story
    ['【蘋果日報】', { source: '蘋果日報' }],
    ['〔示例時報〕', { source: '示例時報' }],
    // …but a topic's brackets name none
    ['【今日關注】', { source: null }],
    // prose that mentions a reporter and a report is not a credit
    ['记者从市教育局了解到相关报道', { authors: [] }],
    ['今天的報導', { authors: [], source: null }],
  ])('%s', (line, expected) => {
    expect(parseByline(line)).toMatchObject(expected);
  });

  it.each([
    [
      '<div class="info"><span>記者王家俊 / 台北報導</span> <span>2022-05-12 08:23</span></div>',
      '',
      '示例新聞網',
    ],
    [
      '<div class="info"><span>公視新聞 王家俊 台北報導</span><span>2022-05-12 08:23</span></div>',
      '',
      '公視新聞',
    ],
    ['<div class="info">2022-05-12 08:23</div>', '<p>民視新聞／王家俊 台北報導</p>', '民視新聞'],
    ['<div class="info">2022-05-12 08:23</div>', '<p>【王家俊／台北報導】</p>', '示例新聞網'],
  ])(
    '%s %s: the place a story was reported from is never its outlet; a credit line is not body text',
    (byline, lead, source) => {
      const a = extract(
        {
          htmlLang: null,
          title: '政院通過百億補助 下月起實施',
          docTitle: '政院通過百億補助 下月起實施 | 示例新聞網',
          byline,
          paragraphs: [lead, ...TRADITIONAL_PARAGRAPHS].filter(Boolean),
        },
        TW_URL,
      );
      expect(a.authors).toEqual(['王家俊']);
      expect(a.source).toBe(source);
      expect(a.publishedAt).toBe('2022-05-12T08:23:00+08:00');
      expect(a.textContent.split('\n')).toEqual(TRADITIONAL_PARAGRAPHS);
    },
  );

  it('a Taiwan news page: reporter and place in brackets, date labelled, site name as the outlet', () => {
    const a = extract(
      {
        htmlLang: null,
        title: '政院通過百億補助 下月起實施',
        docTitle: '政院通過百億補助 下月起實施 | 蘋果日報',
        byline: '<div class="time">發佈時間：2013/06/29 22:54</div>',
        paragraphs: [`【王家俊／台北報導】${TRADITIONAL_PARAGRAPHS[0]}`, ...TRADITIONAL_PARAGRAPHS.slice(1)],
      },
      TW_URL,
    );
    expect(a.authors).toEqual(['王家俊']);
    expect(a.publishedAt).toBe('2013-06-29T22:54:00+08:00');
    expect(a.source).toBe('蘋果日報');
    expect(a.lang).toBe('zh-Hant');
  });

  it("a TV newsroom's credit closing the story in brackets names the reporter and leaves the body", () => {
    const a = extract(
      {
        htmlLang: null,
        title: '政院通過百億補助 下月起實施',
        docTitle: '華視新聞網 - 政院通過百億補助 下月起實施',
        byline: '<div class="time">2013/06/29 22:54</div>',
        paragraphs: [...TRADITIONAL_PARAGRAPHS, '（華視新聞 王家俊 台北報導）'],
      },
      TW_URL,
    );
    expect(a.authors).toEqual(['王家俊']);
    expect(a.source).toBe('華視新聞');
    expect(a.textContent.split('\n')).toEqual(TRADITIONAL_PARAGRAPHS);
  });

  it("the editor's line closing the body, with the day's code after it, is read and leaves the body", () => {
    const a = extract(
      {
        htmlLang: 'zh-TW',
        title: '電競亞室運 中華隊奪牌希望濃',
        byline: '<div class="update">更新日期：2013/06/29 22:54</div>',
        paragraphs: [...TRADITIONAL_PARAGRAPHS, '（編輯：林芳）1020629'],
      },
      TW_URL,
    );
    expect(a.editors).toEqual(['林芳']);
    expect(a.textContent.split('\n')).toEqual(TRADITIONAL_PARAGRAPHS);
  });

  it('an agency dateline names the agency as the source and the reporter as the author', () => {
    const a = extract(
      {
        htmlLang: 'zh-TW',
        title: '電競亞室運 中華隊奪牌希望濃',
        byline: '<div class="update">更新日期：2013/06/29 22:54</div>',
        paragraphs: [
          `（中央社記者姜遠珍仁川29日電）${TRADITIONAL_PARAGRAPHS[0]}`,
          ...TRADITIONAL_PARAGRAPHS.slice(1),
        ],
        after: '<p>責任編輯：林芳</p>',
      },
      TW_URL,
    );
    expect(a.source).toBe('中央社');
    expect(a.authors).toEqual(['姜遠珍']);
    expect(a.editors).toEqual(['林芳']);
    expect(a.lang).toBe('zh-TW');
  });

  it.each([
    [
      'a lead in 〔〕 brackets',
      '<div class="time">2019/09/26 15:10</div>',
      `〔記者王家俊／台北報導〕${TRADITIONAL_PARAGRAPHS[0]}`,
      { authors: ['王家俊'], publishedAt: '2019-09-26T15:10:00+08:00' },
    ],
    [
      'the outlet before the reporter credit',
      '<div class="info"><time>2019-09-26 15:10</time> <span class="author"><a href="/a/1">聯合報</a> / 記者王家俊／台北即時報導</span></div>',
      TRADITIONAL_PARAGRAPHS[0],
      { authors: ['王家俊'], source: '聯合報' },
    ],
    [
      'the time before the date, the outlet in an element named for it',
      '<div class="meta"><time><span class="hour">15:10</span> <span class="date">2019/09/26</span></time><div class="author">王家俊</div><div class="source">中國時報</div></div>',
      TRADITIONAL_PARAGRAPHS[0],
      { source: '中國時報', publishedAt: '2019-09-26T15:10:00+08:00' },
    ],
    [
      "a newspaper's own lead",
      '<div class="date">2019年9月26日星期四</div>',
      `【明報專訊】${TRADITIONAL_PARAGRAPHS[0]}`,
      { source: '明報', publishedAt: '2019-09-26T00:00:00+08:00', publishedPrecision: 'day' },
    ],
    [
      "a newspaper's own lead ending in 報道",
      '<div class="date">2019年9月26日星期四</div>',
      `【星島日報報道】${TRADITIONAL_PARAGRAPHS[0]}`,
      { source: '星島日報' },
    ],
    [
      "an outlet's 訊 before the reporter credit",
      '<div class="date">2019年9月26日星期四</div>',
      `香港文匯報訊（記者 王家俊）${TRADITIONAL_PARAGRAPHS[0]}`,
      { source: '香港文匯報', authors: ['王家俊'] },
    ],
    [
      'labels with a full-width bar',
      '<div class="credits">文｜王家俊　攝影｜李大同</div><div class="date">2019.09.26 15:10</div>',
      TRADITIONAL_PARAGRAPHS[0],
      { authors: ['王家俊'], publishedAt: '2019-09-26T15:10:00+08:00' },
    ],
    [
      'the outlet before a bracketed credit opening the body',
      '<div class="date">2013-11-29 04:10</div>',
      `中國時報【王家俊／台北報導】${TRADITIONAL_PARAGRAPHS[0]}`,
      { source: '中國時報', authors: ['王家俊'], publishedAt: '2013-11-29T04:10:00+08:00' },
    ],
    [
      'a TV newsroom credit without a slash',
      '<div class="info">2013/11/29 12:00 華視新聞 記者王家俊 台北報導</div>',
      TRADITIONAL_PARAGRAPHS[0],
      { source: '華視新聞', authors: ['王家俊'], publishedAt: '2013-11-29T12:00:00+08:00' },
    ],
    [
      "a desk's credit opening the body",
      '<div class="info">2013/11/29 12:00</div>',
      `政治中心／王家俊報導`,
      { authors: ['王家俊'] },
    ],
    [
      "the writer's name beside the date, the outlet only in the <title>",
      '<div class="info"><span class="author"><a href="/a/1">王家俊</a></span> <span class="time">2013-11-29 12:00</span></div>',
      TRADITIONAL_PARAGRAPHS[0],
      { authors: ['王家俊'], source: '新聞網' },
    ],
  ])('Taiwan and Hong Kong templates: %s', (_, byline, first, expected) => {
    const a = extract(
      {
        htmlLang: 'zh-Hant-TW',
        title: '行政院通過中小企業補助 下月上路',
        docTitle: '行政院通過中小企業補助 下月上路 - 新聞網',
        byline,
        paragraphs: [first ?? '', ...TRADITIONAL_PARAGRAPHS.slice(1)],
      },
      TW_URL,
    );
    expect(a).toMatchObject(expected);
  });

  it.each([
    ['行政院通過中小企業補助 下月上路 - 鏡週刊 Mirror Media', '鏡週刊 Mirror Media'],
    ['行政院通過中小企業補助 下月上路│TVBS新聞網', 'TVBS新聞網'],
    // a box-drawing rule between the site, named first, and the headline
    ['TVBS新聞 ─ 行政院通過中小企業補助 下月上路', 'TVBS新聞'],
  ])(
    "the site's name at the end of the <title>, a Latin brand or a box-drawing bar: %s",
    (docTitle, source) => {
      const a = extract(
        {
          htmlLang: 'zh-Hant-TW',
          title: '行政院通過中小企業補助 下月上路',
          docTitle,
          paragraphs: TRADITIONAL_PARAGRAPHS,
        },
        TW_URL,
      );
      expect(a.source).toBe(source);
    },
  );
});

describe('Hong Kong dates', () => {
  it.each([
    [
      '<div class="info">撰文：王小明 出版：2023-12-01 14:30 更新：2023-12-01 15:00</div>',
      '2023-12-01T14:30:00+08:00',
    ],
    ['<div class="date">2023-12-01 HKT 14:30</div>', '2023-12-01T14:30:00+08:00'],
    // a dash between the date and the time
    ['<div class="date">2023/12/1 — 14:30</div>', '2023-12-01T14:30:00+08:00'],
  ])('%s', (byline, iso) => {
    const a = extract(
      { htmlLang: 'zh-HK', title: '政院通過百億補助 下月起實施', byline, paragraphs: TRADITIONAL_PARAGRAPHS },
      'https://news.example.com.hk/article/123',
    );
    expect(a.publishedAt).toBe(iso);
    // a zone beside the time (HKT) is no outlet
    expect(a.source ?? '').not.toMatch(/HKT/);
  });
});

describe("a Taiwan page's own widgets and plugs", () => {
  it("the forward and font-size buttons beside the date (轉寄, 字級) are no outlet: the site's name is", () => {
    const a = extract(
      {
        htmlLang: 'zh-Hant-TW',
        title: '政院通過百億補助 下月起實施',
        docTitle: '政院通過百億補助 下月起實施 - 政治 - 自由時報電子報',
        byline:
          '<div class="function"><span class="time">2023/12/01 14:30</span><a>分享</a><a>轉寄</a><a>字級</a></div>',
        paragraphs: TRADITIONAL_PARAGRAPHS,
      },
      TW_URL,
    );
    expect(a.source).toBe('自由時報電子報');
    expect(a.publishedAt).toBe('2023-12-01T14:30:00+08:00');
  });

  it.each([
    '點我訂閱自由財經Youtube頻道',
    '不用抽 不用搶 現在用APP看新聞 保證天天中獎　點我下載APP　按我看活動辦法',
    '請下載聯合新聞網APP',
    '延伸閱讀',
    '相關新聞：',
  ])('%s closing the story is not text', (plug) => {
    const a = extract(
      {
        htmlLang: 'zh-TW',
        title: '政院通過百億補助 下月起實施',
        paragraphs: [...TRADITIONAL_PARAGRAPHS, plug],
      },
      TW_URL,
    );
    expect(a.textContent.split('\n')).toEqual(TRADITIONAL_PARAGRAPHS);
  });
});

describe('dates as Taiwan pages print them', () => {
  const UNDATED_TW_URL = 'https://news.example.com.tw/politics/217673';
  const dated = (byline: string) =>
    extract({ htmlLang: 'zh-Hant-TW', byline, paragraphs: TRADITIONAL_PARAGRAPHS }, UNDATED_TW_URL);

  it.each([
    ['<div class="date">民國108年9月26日</div>', '民國108年9月26日'],
    ['<div class="date">中華民國108年9月26日</div>', '中華民國108年9月26日'],
    ['<div class="date">發布日期：108-09-26</div>', '108-09-26'],
    ['<div class="info">更新日期：108/09/26 來源：行政院</div>', '108/09/26'],
    ['<div class="info">發布日期：108年09月26日 來源：行政院</div>', '108年09月26日'],
    ['<div class="info">發佈時間：108年9月26日</div>', '108年9月26日'],
  ])('a 民國 year (108 is 2019): %s', (byline, raw) => {
    expect(dated(byline)).toMatchObject({
      publishedAt: '2019-09-26T00:00:00+08:00',
      publishedPrecision: 'day',
      publishedRaw: raw,
    });
  });

  it('a three-digit year without a date label is no date', () => {
    expect(parseDate('108/09/26', { defaultOffset: '+08:00', now: new Date() })).toBeNull();
    expect(parseDate('108年9月26日', { defaultOffset: '+08:00', now: new Date() })).toBeNull();
  });

  it.each([
    ['<div class="date">2019/09/26 下午 03:10</div>', '2019-09-26T15:10:00+08:00'],
    ['<div class="date">2019年9月26日 上午9:10</div>', '2019-09-26T09:10:00+08:00'],
    ['<div class="date">2019年9月26日 星期四 下午3:10</div>', '2019-09-26T15:10:00+08:00'],
  ])('the half of the day before the time is no outlet: %s', (byline, publishedAt) => {
    const a = dated(byline);
    expect(a.publishedAt).toBe(publishedAt);
    expect(a.source ?? '').not.toMatch(/午/);
  });

  it.each([
    ['<div class="date">2019年9月26日（四）15:10</div>', '2019-09-26T15:10:00+08:00'],
    ['<div class="date">2019/09/26(四) 15:10</div>', '2019-09-26T15:10:00+08:00'],
  ])("the weekday's character in brackets between the date and the time: %s", (byline, publishedAt) => {
    expect(dated(byline).publishedAt).toBe(publishedAt);
  });
});

describe("a reporter's credit that opens the first paragraph", () => {
  const page = (lead: string) =>
    extract(
      {
        title: '政院通過百億補助 中小企業受惠',
        docTitle: '政院通過百億補助 中小企業受惠 | 示例新聞網',
        htmlLang: 'zh-TW',
        paragraphs: [`${lead}${TRADITIONAL_PARAGRAPHS[0]}`, ...TRADITIONAL_PARAGRAPHS.slice(1)],
      },
      TW_URL,
    );

  it.each([
    ['記者王家俊／台北報導', ['王家俊'], null],
    ['記者王家俊／台北報導 ', ['王家俊'], null],
    ['東森新聞記者王家俊／台北報導', ['王家俊'], '東森新聞'],
    ['民視新聞/王家俊、李四 台北報導 ', ['王家俊', '李四'], '民視新聞'],
    // the outlet and the date before the credit: a longer lead
    ['NOWnews 2014年1月5日 06:00 記者王家俊／台北報導', ['王家俊'], null],
  ])('run into its text without brackets (%s) names the writers', (lead, authors, source) => {
    const article = page(lead);
    expect(article.authors).toEqual(authors);
    if (source) expect(article.source).toBe(source);
  });

  it('a paragraph that only mentions a report names no one', () => {
    expect(page('據外媒報導，').authors).toEqual([]);
  });
});

describe("a TV newsroom's credit without 記者 or a slash", () => {
  it.each([
    ['王家俊 台北報導', { authors: ['王家俊'] }],
    ['王家俊、李四 高雄報導', { authors: ['王家俊', '李四'] }],
    // without the place, or after the date and time on its line
    ['王家俊 報導', { authors: ['王家俊'] }],
    ['2013/11/29 15:10 王家俊 報導', { authors: ['王家俊'] }],
    // a place that is no known place, or a word that is no person's name, credits no one
    ['王家俊 即時報導', { authors: [] }],
    ['中央 綜合報導', { authors: [] }],
    ['今天的 報導', { authors: [] }],
  ])('%s', (line, expected) => {
    expect(parseByline(line)).toMatchObject(expected);
  });

  it.each([
    ['王家俊 台北報導', ['王家俊'], null],
    // the outlet, a slash, its reporter; the outlet alone in brackets
    ['中廣新聞網／記者王家俊', ['王家俊'], '中廣新聞網'],
    ['【示例日報】', [], '示例日報'],
  ])('on a line of its own above the story (%s), credits it and leaves the body', (lead, authors, source) => {
    const article = extract(
      {
        title: '政院通過百億補助 中小企業受惠',
        docTitle: '政院通過百億補助 中小企業受惠 - 示例新聞網',
        htmlLang: 'zh-TW',
        byline: '<div class="time">2014/01/10 06:00</div>',
        paragraphs: [lead, ...TRADITIONAL_PARAGRAPHS],
      },
      TW_URL,
    );
    expect(article.authors).toEqual(authors);
    if (source) expect(article.source).toBe(source);
    expect(article.textContent.split('\n')).toEqual(TRADITIONAL_PARAGRAPHS);
  });
});

describe('a byline of unlabelled fields, set apart by bars or by the date', () => {
  it.each([
    ['新頭殼newtalk | 王家俊/台北報導 | 2013.06.29 | 17:22', { authors: ['王家俊'] }],
    ['2013-06-29 17:22 | 公視新聞 | 王家俊 報導', { authors: ['王家俊'] }],
    ['示例新聞網 ｜ 記者王家俊／台北報導', { authors: ['王家俊'] }],
    // the date after the credit, on its line
    ['鉅亨網記者王家俊　台北 2013-06-29 17:22', { authors: ['王家俊'], source: '鉅亨網' }],
    ['記者王家俊 台北 2013/06/29 17:22', { authors: ['王家俊'] }],
    // …while fields of widgets and counts credit no one
    ['2013-06-29 | 分享 | 評論', { authors: [] }],
    ['示例日報 | 2013-06-29 | 閱讀 1234', { authors: [] }],
  ])('%s', (line, expected) => {
    expect(parseByline(line)).toMatchObject(expected);
  });

  it('under the title, names the reporter and the outlet', () => {
    const article = extract(
      {
        title: '政院通過百億補助 中小企業受惠',
        docTitle: '政院通過百億補助 中小企業受惠 - 示例新聞網',
        htmlLang: 'zh-TW',
        byline: '<div class="info">2013-06-29 17:22 | 公視新聞 | 王家俊 報導</div>',
        paragraphs: TRADITIONAL_PARAGRAPHS,
      },
      TW_URL,
    );
    expect([article.authors, article.source]).toEqual([['王家俊'], '公視新聞']);
  });
});
