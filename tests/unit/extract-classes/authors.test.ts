/**
 * Failure class 4: an author is a person or an organisation that wrote the piece. UI words, HTML
 * fragments, labels with their values and the site or portal itself are not; Latin names keep their
 * spaces. Better empty than wrong.
 */
import { describe, expect, it } from 'vitest';
import { isBylineLine, LATIN_NAME_SPLIT, parseByline, splitNames } from '@/utils/extract/byline';
import { declaredNames, isPlausibleAuthor } from '@/utils/extract/fields/people';
import { ENGLISH_PARAGRAPHS, extract, extractHtml, PARAGRAPHS } from './page';

describe('author precision', () => {
  it.each([
    '阅读',
    '评论',
    '发表于',
    '访问统计',
    'size="20"',
    '<b>张三</b>',
    '发布时间：09-30 22:46',
    '阅读 1234',
    '阅读1234',
    '评论(12)',
    '12345 次',
    'PN001',
    '网易',
    '新浪新闻',
    '百家号',
    'Share',
    'Follow Author',
    'Subscribe',
    'http://example.com/me',
    '佚名',
    '管理员',
    'Administrator',
    '本站原创',
    // the publisher by its legal form, as templates declare it
    'mediagene Inc.',
    'Example Media GmbH',
    'Example Publishing Co., Ltd.',
    'Example Holdings, LLC',
    '株式会社メディアジーン',
  ])('%s is not an author', (value) => {
    expect(isPlausibleAuthor(value, new Set())).toBe(false);
  });

  it.each([
    '张三',
    '欧阳修远',
    'Demi Xia',
    'Alejandro de la Garza',
    '新华社',
    // an agency or a newsroom by its name
    'Associated Press',
    'Agence France-Presse',
    '本报评论员',
    '杨倩_NF4425',
    // forum handles
    '雪山飞狐2012',
    'kingname123',
  ])('%s can be an author', (value) => {
    expect(isPlausibleAuthor(value, new Set())).toBe(true);
  });

  it('the site itself is not an author', () => {
    expect(isPlausibleAuthor('IT之家', new Set(['it之家']))).toBe(false);
  });

  it.each([
    ['Demi Xia', ['Demi Xia']],
    ['By John Smith and Jane Doe', ['John Smith', 'Jane Doe']],
    ['Jeremy Herb, Lauren del Valle', ['Jeremy Herb', 'Lauren del Valle']],
    ['张三 李四', ['张三', '李四']],
    ['张三、李四', ['张三', '李四']],
    ['王五 【打印】', ['王五']],
  ])('splits %s into %j', (value, names) => {
    expect(splitNames(value)).toEqual(names);
  });

  it("meta author naming the site, as only the <title>'s suffix names it, gives no author", () => {
    const a = extract({
      head: '<meta name="author" content="中国科普网">',
      docTitle: '长白山冰雪季开幕 游客同比增长三成-中国科普网',
      byline: '<div class="info">2019-09-26 15:10 来源：新华社</div>',
    });
    expect(a.source).toBe('新华社');
    expect(a.authors).toEqual([]);
  });

  it('meta author naming the portal gives no author; the byline under the title does', () => {
    const portal = extract({
      head: '<meta name="author" content="网易"><meta property="og:site_name" content="网易新闻">',
      byline: '<div class="post_info">2019-09-26 15:10 来源: 证券市场红周刊 举报</div>',
    });
    expect(portal.authors).toEqual([]);
    expect(portal.source).toBe('证券市场红周刊');
    const named = extract({
      head: '<meta name="author" content="网易">',
      byline: '<div class="info">2019-09-26 15:10 作者：李明</div>',
    });
    expect(named.authors).toEqual(['李明']);
  });

  it('a run-on label and value is cut, and what is left is judged', () => {
    const a = extract({
      head: '<meta property="og:site_name" content="IT之家">',
      byline: '<div class="author">IT之家发布时间：09-3022:46青岛软媒网络科技有限公司</div>',
    });
    expect(a.authors).toEqual([]);
  });

  it('UI words beside the byline are not authors', () => {
    const a = extract({ byline: '<div class="info">作者：阅读 | 评论 | 发表于 2019-09-26</div>' });
    expect(a.authors).toEqual([]);
  });

  it.each(['作者：张三 0人参与 0评论', '作者：张三 12评论 356次阅读'])(
    "%s: a widget's counts after the name are no names",
    (line) => {
      expect(parseByline(line).authors).toEqual(['张三']);
    },
  );

  it('one person labelled both author and editor is both', () => {
    const a = extract({
      byline: '<div class="info">2020-11-23 10:22 出处：快科技 作者：宪瑞 编辑：宪瑞</div>',
    });
    expect(a.authors).toEqual(['宪瑞']);
    expect(a.editors).toEqual(['宪瑞']);
  });

  it.each(['梁欢欢', '青网校园梁欢欢'])(
    "a CMS's author meta naming the page's editor (%s, maybe after the channel's name) is the editor, not an author",
    (declared) => {
      const a = extract({
        head: `<meta name="author" content="${declared}">`,
        after: '<p>责任编辑：梁欢欢</p>',
      });
      expect(a.editors).toEqual(['梁欢欢']);
      expect(a.authors).toEqual([]);
    },
  );

  it.each([
    ['…实现轻松换新iPhone。(李楠)', ['李楠']],
    ['…实现轻松换新iPhone。（完）', []],
    ['…实现轻松换新iPhone。（新华社）', []],
    ['…实现轻松换新iPhone。（张三 李四）', ['张三', '李四']],
    ['…实现轻松换新iPhone。（王五、赵六）', ['王五', '赵六']],
    // several words are names only when each is shaped like a person's
    ['…实现轻松换新iPhone。（图文 视频）', []],
  ])('a sign-off at the end of the body: %s', (last, authors) => {
    const paragraphs = [
      '十二月一日，长白山冰雪季在池北区正式开幕。开幕式上，来自全国各地的滑雪爱好者齐聚一堂，共同迎接新雪季的到来。',
      `据景区管委会介绍，今年冰雪季共推出雪道四十余条，新增夜间滑雪等特色项目${last}`,
    ];
    expect(extract({ paragraphs }).authors).toEqual(authors);
  });

  it.each([
    [['（张三）'], ['张三']],
    [['（完）', '（张三）'], ['张三']],
    [['（张三 李四）'], ['张三', '李四']],
    // a note in brackets on its own line names no one
    [['（待续）'], []],
    [['（图文）'], []],
    [['（长白山）'], []],
  ])('a sign-off on a line of its own after the text: %j', (closing, authors) => {
    expect(extract({ paragraphs: [...PARAGRAPHS, ...closing] }).authors).toEqual(authors);
  });

  it('a sign-off followed by a portal advert and a player label is still read', () => {
    const paragraphs = [
      '十二月一日，长白山冰雪季在池北区正式开幕。开幕式上，来自全国各地的滑雪爱好者齐聚一堂，共同迎接新雪季的到来。',
      '据景区管委会介绍，今年冰雪季共推出雪道四十余条，新增夜间滑雪等特色项目。(李楠)',
      '新酷产品第一时间免费试玩，还有众多优质达人分享独到生活经验，快来体验吧~！',
      '自动播放 长白山冰雪季开幕',
    ];
    expect(extract({ paragraphs }).authors).toEqual(['李楠']);
  });

  it.each([
    ['January 17, 2017 at 6:08 PM ET by Kori Schulman', ['Kori Schulman']],
    ['18/03/2019 | André Mindermann', ['André Mindermann']],
    ['By\nEmily Kirkpatrick\n\nUpdated on December 12, 2016 09:22 AM', ['Emily Kirkpatrick']],
    ['Tom DiChristopher@tdichristopherWATCH LIVE', ['Tom DiChristopher']],
    ['日本経済新聞社', ['日本経済新聞社']],
    ['作者：李明', ['李明']],
    // where it was posted is no part of the name
    ['史蒂文的家_藍天 發表在 痞客邦 PIXNET', ['史蒂文的家_藍天']],
    ['Jane Doe posted in Politics', ['Jane Doe']],
    // the outlet or section a story card credits names no person
    ['on Deadspin', []],
    ['in Politics', []],
    // …while a name may start as those words do
    ['In-Young Kim', ['In-Young Kim']],
  ])('a declared author field or byline element: %j', (value, names) => {
    expect(declaredNames(value)).toEqual(names);
  });

  it('a profile address in article:author does not hide the name in author', () => {
    const a = extract({
      head: '<meta property="article:author" content="/@timoreilly"><meta name="author" content="Tim O&#x27;Reilly">',
    });
    expect(a.authors).toEqual(["Tim O'Reilly"]);
  });

  it.each([
    ['posted @ 2010-05-07 21:23 kingname 阅读(123) 评论(0)', ['kingname']],
    ['Posted by Jane Doe at 9:30 pm', ['Jane Doe']],
    ['Posted by Jane Doe.', ['Jane Doe']],
    ['Posted by Jane Doe, Software Engineer on Example Play', ['Jane Doe']],
    ['博主：山间小路', ['山间小路']],
    ['楼主：老王 发表于 2005-5-7 21:23', ['老王']],
  ])('blog and forum bylines: %s', (line, authors) => {
    expect(parseByline(line).authors).toEqual(authors);
  });
});

describe('less common author labels and labels without a colon', () => {
  it.each([
    [
      '文章作者：张三　文章来源：中国青年报　更新时间：2008-12-7',
      { authors: ['张三'], source: '中国青年报' },
    ],
    ['投稿人：张三　审核：李四', { authors: ['张三'] }],
    ['撰写：张三', { authors: ['张三'] }],
    ['主笔：张三', { authors: ['张三'] }],
    // a commentator credited like a reporter, with a space for the colon
    ['本报评论员 张三', { authors: ['张三'] }],
    ['特约评论员 张三', { authors: ['张三'] }],
    // a writer's label before a slash, as 文/ is
    ['撰稿 / 张三', { authors: ['张三'] }],
    // …or before a middle dot, as magazines print it
    ['文·张三', { authors: ['张三'] }],
    ['文 · 张三　图 · 李四', { authors: ['张三'], photographers: ['李四'] }],
    // 本文作者, "this article's author"; 来源于, "comes from"
    ['本文作者：张三', { authors: ['张三'] }],
    ['来源于：人民网', { source: '人民网' }],
    ['來源於：聯合報', { source: '聯合報' }],
    // …which says what a colon would, without one (a magazine's title in 《》 is the outlet)
    ['2024年12月01日 08:30 来源于 《财新周刊》', { source: '财新周刊' }],
    ['来源于新华社 2024-12-01', { source: '新华社' }],
    ['2024-12-01 本文来源于：人民网', { source: '人民网' }],
    // a badge in brackets before the name (原创, 转载) is no part of it
    ['作者：[原创]张三', { authors: ['张三'] }],
    ['作者：【转载】李四', { authors: ['李四'] }],
    ['记者/张三 编辑/李四', { authors: ['张三'] }],
    // the writer's outlet before the names is the source, a photographer's agency nothing
    ['【文/观察者网 张三】', { authors: ['张三'], source: '观察者网' }],
    ['作者：新华社 李四 王五', { authors: ['李四', '王五'], source: '新华社' }],
    ['摄影：新华社 王五', { photographers: ['王五'], source: null }],
    // a credit closing with 摄 is a picture's: neither its person nor its agency wrote the story
    ['新华社记者 张三 摄', { authors: [], photographers: ['张三'], source: null }],
    ['（记者 张三 通讯员 李四 文/摄）', { authors: ['张三', '李四'] }],
    // a credit without a colon after the outlet ends the outlet's name
    ['来源：新华社 记者 张三', { authors: ['张三'], source: '新华社' }],
    ['来源：人民网 通讯员 李四', { authors: ['李四'], source: '人民网' }],
    ['作者 张三 来源 新华社 2008-12-07', { authors: ['张三'], source: '新华社' }],
    ['来源 CSDN | 作者 Demi Xia', { authors: ['Demi Xia'], source: 'CSDN' }],
    // one label without a colon and no | is prose-like: not believed, unless a date shares the line
    ['作者 张三说', { authors: [] }],
    ['2024-12-01 08:30 作者 张三', { authors: ['张三'] }],
    ['作者 张三 2024年12月1日', { authors: ['张三'] }],
    ['2024-12-01 来源 新华社', { source: '新华社' }],
    // labels in brackets instead of before a colon
    [
      '【发布日期】2015-06-12 【来源】新华网 【作者】张三',
      { authors: ['张三'], source: '新华网', dateText: '2015-06-12' },
    ],
    ['[作者] 张三 [来源] 新华网', { authors: ['张三'], source: '新华网' }],
    // placeholders where no one is named
    ['作者:佚名 来源:本站原创 点击数:123', { authors: [], source: null }],
    // older CMS templates: when and by whom the page was entered, who supplied it
    ['作者：张三 录入时间：2012-03-05 点击数：123', { authors: ['张三'], dateText: '2012-03-05' }],
    [
      '文章来源：示例日报 发布者：admin 添加时间：2012-3-5 9:12:00',
      { authors: [], source: '示例日报', dateText: '2012-3-5 9:12:00' },
    ],
    ['作者：张三 提交日期：2005-5-7 21:23:00', { authors: ['张三'], dateText: '2005-5-7 21:23:00' }],
    ['供稿单位：市教育局 发布日期：2012-03-05', { source: '市教育局', dateText: '2012-03-05' }],
    ['文章出处：示例网 作者：张三 发表日期：2012-03-05', { source: '示例网', authors: ['张三'] }],
    ['供稿：市委宣传部 撰稿：张三 审稿：王五', { source: '市委宣传部', authors: ['张三'], editors: [] }],
    ['录入：张三 责任编辑：李四', { authors: [], editors: ['李四'] }],
    // who posted a thread or wrote what a repost carries; a CMS's uploader (发布者) is neither
    ['发表者：张三 发表时间：2009-5-7', { authors: ['张三'], dateText: '2009-5-7' }],
    ['帖子作者：张三', { authors: ['张三'] }],
    ['原作者：张三 来源：新华网', { authors: ['张三'], source: '新华网' }],
    ['原文作者：Jane Doe', { authors: ['Jane Doe'] }],
    ['稿件来源：办公室 发布人：李四 审核人：王五', { source: '办公室', authors: [], editors: [] }],
    // a repost's origin and a publishing unit are the outlet; 文字 credits the writing, 图片 the pictures
    [
      '[ 作者：张三 | 转贴自：县农业局 | 点击数：123 | 更新时间：2008-1-1 | 文章录入：admin ]',
      { authors: ['张三'], source: '县农业局', editors: [] },
    ],
    ['发布单位：县农业局　发布日期：2018-05-17　访问次数：321', { source: '县农业局', authors: [] }],
    ['发布部门：县农业局 发布时间：2018-05-17', { source: '县农业局', dateText: '2018-05-17' }],
    ['來源單位：縣農業局', { source: '縣農業局' }],
    ['供稿部门：县农业局 浏览次数：321', { source: '县农业局' }],
    ['来源：县融媒体中心 文字：王五 图片：赵六 编辑：孙七', { authors: ['王五'], photographers: ['赵六'] }],
    // a reporter's label with its qualifier before the colon, run on to the value before it
    ['来源：示例日报 融媒体记者：张三 王五', { source: '示例日报', authors: ['张三', '王五'] }],
    ['来源：示例日报 全媒体记者：张三', { source: '示例日报', authors: ['张三'] }],
    ['2024-12-01 本报记者：张三', { authors: ['张三'] }],
    [
      '来源：示例日报 见习记者：张三 编辑：李四',
      { source: '示例日报', authors: ['张三'], editors: ['李四'] },
    ],
    ['來源：中央社 特派記者：王家俊', { source: '中央社', authors: ['王家俊'] }],
    ['來源：聯合報 特約記者：王家俊', { source: '聯合報', authors: ['王家俊'] }],
    ['来源：示例日报 摄影记者：张三', { source: '示例日报', authors: [], photographers: ['张三'] }],
    // …or with the outlet's name before it: the outlet is the source where no 来源 names one
    ['新华社记者：张三', { source: '新华社', authors: ['张三'] }],
    ['来源：示例日报 新华社记者：张三', { source: '示例日报', authors: ['张三'] }],
    ['2024-12-01 吉林日报记者：张三 李四', { source: '吉林日报', authors: ['张三', '李四'] }],
    ['新华社驻京记者：张三', { source: '新华社', authors: ['张三'] }],
    // any staff rank the credit runs know (资深, 高级, 新媒体), as they know it
    ['新华社资深记者：张三', { source: '新华社', authors: ['张三'] }],
    ['中央社記者：王家俊', { source: '中央社', authors: ['王家俊'] }],
    ['来源：示例日报 记者：张三 实习生：李四', { source: '示例日报', authors: ['张三', '李四'] }],
  ])('%s', (line, expected) => {
    expect(parseByline(line)).toMatchObject(expected);
  });
});

describe('a role where a name should be, in an author value', () => {
  it.each([
    ['作者：特约评论员 张三', { authors: ['张三'], source: null }],
    ['作者：央视网记者 张三', { authors: ['张三'], source: '央视网' }],
    ['作者：新华社 记者 张三 李四', { authors: ['张三', '李四'], source: '新华社' }],
    // an outlet's commentator is its pen name, spaced or not
    ['作者：人民日报 评论员', { authors: ['人民日报评论员'], source: null }],
    ['作者：人民日报评论员', { authors: ['人民日报评论员'], source: null }],
    ['作者：本报评论员', { authors: [], source: null }],
    // a trainee's credit is a writer's, without a colon between role and name
    ['记者 张三 实习生 李四', { authors: ['张三', '李四'] }],
    ['来源：澎湃新闻 记者 李四 实习生 王五', { authors: ['李四', '王五'], source: '澎湃新闻' }],
    // the reporter of an outlet that ends like none (财新记者) is no person, with or without a space
    ['文｜财新记者 张三', { authors: ['张三'] }],
    ['文/新京报记者张三', { authors: ['张三'] }],
  ])('%s', (line, expected) => {
    expect(parseByline(line)).toMatchObject(expected);
  });
});

describe('credits written with a slash', () => {
  it.each([
    ['（文/张三 图/李四 审核/王五）', { authors: ['张三'], photographers: ['李四'], editors: [] }],
    ['文/张三 编辑/赵六 终审/钱七', { authors: ['张三'], editors: ['赵六'] }],
    ['文／張三 攝影／李四 審核／王五', { authors: ['張三'], photographers: ['李四'], editors: [] }],
    ['撰稿：张三 统筹：王五', { authors: ['张三'], editors: [] }],
    // the pictures, the video, the charts
    ['文/张三 图片/李四 视频/王五', { authors: ['张三'], photographers: ['李四', '王五'] }],
    ['撰文：張三 圖片：李四 製圖：王五', { authors: ['張三'], photographers: ['李四', '王五'] }],
  ])('%s: whoever checked or produced it is neither author nor editor', (line, expected) => {
    expect(parseByline(line)).toMatchObject(expected);
  });

  it.each([
    ['文 | 张三　图 | 李四', { authors: ['张三'], photographers: ['李四'] }],
    ['文丨李四 编辑丨王五', { authors: ['李四'], editors: ['王五'] }],
    ['文|赵六', { authors: ['赵六'] }],
  ])('%s: a bar, ASCII or 丨, stands for the slash', (line, expected) => {
    expect(parseByline(line)).toMatchObject(expected);
  });

  it.each([
    ['图文/张三', { authors: ['张三'] }],
    ['圖文／王家俊 編輯／李四', { authors: ['王家俊'], editors: ['李四'] }],
  ])('%s: 图文 (words and pictures) credits a writer', (line, expected) => {
    expect(parseByline(line)).toMatchObject(expected);
  });

  it.each([
    // 图 credits the pictures, as 图片 and 摄 do
    ['张三/文 李四/图', { authors: ['张三'], photographers: ['李四'] }],
    ['■本报记者 张三/文 王五/摄', { authors: ['张三'], photographers: ['王五'] }],
    ['张三 / 文图', { authors: ['张三'] }],
    // a slash before a place is the reporter's dateline, not a role
    ['记者 张三/长春报道', { authors: ['张三'] }],
    // one name and the writer's role after a space, alone on the line
    ['张三 文', { authors: ['张三'] }],
    ['张三 文/图', { authors: ['张三'] }],
    ['王家俊 文／攝', { authors: ['王家俊'] }],
  ])('%s: the role after the names (张三/文), as older newspapers print it', (line, expected) => {
    expect(parseByline(line)).toMatchObject(expected);
    expect(isBylineLine(line)).toBe(true);
  });

  it('a date line with a label without its colon opening the body is the byline, not the body', () => {
    const a = extract({ paragraphs: ['2024-12-01 08:30 作者 张三', ...PARAGRAPHS] });
    expect(a.authors).toEqual(['张三']);
    expect(a.textContent).not.toContain('作者');
  });

  it('the credit after the names opening the body names its writer and leaves the body', () => {
    const a = extract({ paragraphs: ['张三/文 李四/图', ...PARAGRAPHS] });
    expect(a.authors).toEqual(['张三']);
    expect(a.textContent.split('\n')).toEqual(PARAGRAPHS);
  });
});

describe("a newspaper's byline mark (□ ■ ◎) before the story's credit", () => {
  it.each([
    ['□ 本报记者 张三 通讯员 李四', ['张三', '李四']],
    ['■张三', ['张三']],
    ['◎ 记者 王五', ['王五']],
    ['□ 孙八', ['孙八']],
    ['● 新京报记者 赵六', ['赵六']],
  ])('%s opening the body credits its writers and leaves the body', (line, authors) => {
    const a = extract({ paragraphs: [line, ...PARAGRAPHS] });
    expect(a.authors).toEqual(authors);
    expect(a.textContent).not.toContain(line);
  });

  it.each(['□ 项目一：建设内容', '■ 重点任务', '◎ 张三说，今年的雪来得早。', '●付属品', '◆ 张三'])(
    '%s: a marked line that is no credit names nobody and stays',
    (line) => {
      const a = extract({ paragraphs: [PARAGRAPHS[0]!, line, ...PARAGRAPHS.slice(1)] });
      expect(a.authors).toEqual([]);
      expect(a.textContent).toContain(line);
    },
  );
});

describe('reporter credits of mainland leads', () => {
  it.each([
    ['本报讯（记者张三）', { authors: ['张三'], source: null }],
    // the paper's own 本报 before the label is no name
    ['（本报记者 赵六）', { authors: ['赵六'] }],
    ['（本報記者 趙六 李四）', { authors: ['趙六', '李四'] }],
    ['本报讯（记者张三 通讯员李四 王五）', { authors: ['张三', '李四', '王五'] }],
    ['央广网北京9月26日消息（记者张三）', { authors: ['张三'], source: '央广网' }],
    ['本报长春9月26日讯（记者张三）', { authors: ['张三'], source: null }],
    ['环球网报道 记者 张三', { authors: ['张三'], source: '环球网' }],
    ['澎湃新闻记者 张三', { authors: ['张三'], source: '澎湃新闻' }],
    ['人民日报记者 王五', { authors: ['王五'], source: '人民日报' }],
  ])('%s', (line, expected) => {
    expect(parseByline(line)).toMatchObject(expected);
  });

  // a staff qualifier (全媒体, 首席, 驻京) between the outlet and 记者 is no part of its name; a paper
  // and its online edition are joined by a dot; a paper may be named …报道, and a place with 报道
  // closes the credit
  it.each([
    ['吉林日报全媒体记者 张三', { authors: ['张三'], source: '吉林日报' }],
    ['中国吉林网全媒体记者 张三 李四', { authors: ['张三', '李四'], source: '中国吉林网' }],
    ['新华社驻京记者 张三', { authors: ['张三'], source: '新华社' }],
    ['新华社首席记者 张三', { authors: ['张三'], source: '新华社' }],
    ['首席记者 张三', { authors: ['张三'], source: null }],
    ['作者：首席记者 张三', { authors: ['张三'], source: null }],
    ['中国青年报·中青在线记者 张三', { authors: ['张三'], source: '中国青年报·中青在线' }],
    ['（21世纪经济报道记者 张三）', { authors: ['张三'], source: '21世纪经济报道' }],
    ['21世纪经济报道 记者 张三 李四 上海报道', { authors: ['张三', '李四'], source: '21世纪经济报道' }],
    ['21世纪经济报道 记者张三 北京报道', { authors: ['张三'], source: '21世纪经济报道' }],
    ['21世纪经济报道 张三 北京报道', { authors: ['张三'], source: '21世纪经济报道' }],
    ['今日头条记者 张三', { authors: ['张三'], source: null }],
    // the words before an outlet's name, as in a 来源 value: 据, 转自
    ['转自新华社记者 张三', { authors: ['张三'], source: '新华社' }],
  ])('an outlet before its reporter: %s', (line, expected) => {
    expect(parseByline(line)).toMatchObject(expected);
  });

  it.each([
    ['（记者 张三 李四 上海报道）', ['张三', '李四']],
    ['（记者 张三 李四 长春报道）', ['张三', '李四']],
    ['文/记者 张三 李四 北京报道', ['张三', '李四']],
    ['来源：新华网 记者 张三 李四 武汉报道', ['张三', '李四']],
    ['（记者 张三 武汉报道）', ['张三']],
    ['记者 张三 李四 上海报道', ['张三', '李四']],
  ])('the place reported from after the names is no name: %s', (line, authors) => {
    expect(parseByline(line).authors).toEqual(authors);
  });

  it("a paper's credit under the headline gives the source where nothing else names it", () => {
    const a = extract({ byline: '<p>21世纪经济报道记者 张三 北京报道</p><p>2024-12-01 10:23</p>' });
    expect(a).toMatchObject({ authors: ['张三'], source: '21世纪经济报道' });
    expect(a.textContent.split('\n')).toEqual(PARAGRAPHS);
  });

  it.each([
    ['财联社（长春，记者 张三）讯，', ['张三']],
    ['本报（长春，记者 张三 通讯员 李四）', ['张三', '李四']],
  ])('a lead credit run into the first paragraph after the place filed from: %s', (lead, authors) => {
    const a = extract({
      byline: '<div class="date">2019-09-26 15:10</div>',
      paragraphs: [lead + PARAGRAPHS[0], ...PARAGRAPHS.slice(1)],
    });
    expect(a.authors).toEqual(authors);
  });

  it("an outlet's reporter line opening the body is the byline, not the body", () => {
    const a = extract({
      byline: '<div class="date">2019-09-26 15:10</div>',
      paragraphs: ['澎湃新闻记者 张三', ...PARAGRAPHS],
    });
    expect(a).toMatchObject({ authors: ['张三'], source: '澎湃新闻' });
    expect(a.textContent.split('\n')).toEqual(PARAGRAPHS);
  });
});

describe('credit runs without colons: each role followed by its names', () => {
  it.each([
    ['新京报记者 张三 编辑 李四 校对 王五', { source: '新京报', authors: ['张三'], editors: ['李四'] }],
    [
      '红星新闻记者 张三 实习记者 李四 编辑 王五',
      { source: '红星新闻', authors: ['张三', '李四'], editors: ['王五'] },
    ],
    ['每经记者 张三 每经编辑 李四', { source: null, authors: ['张三'], editors: ['李四'] }],
    ['界面新闻记者 | 张三', { source: '界面新闻', authors: ['张三'] }],
    ['21世纪经济报道记者 张三 北京报道', { authors: ['张三'] }],
    ['本报记者 张三 李四', { source: null, authors: ['张三', '李四'] }],
    ['编辑 李四', { authors: [], editors: ['李四'] }],
    // in brackets of its own
    ['（编辑 张三）', { authors: [], editors: ['张三'] }],
    ['【记者 张三 编辑 李四】', { authors: ['张三'], editors: ['李四'] }],
  ])('%s', (line, expected) => {
    expect(parseByline(line)).toMatchObject(expected);
  });

  it('a run closing the body gives author and editor; the source stays the labelled one', () => {
    const a = extract({
      byline: '<div class="info">2024-12-01 08:23 来源：新京报</div>',
      paragraphs: [...PARAGRAPHS, '新京报记者 张三 编辑 李四 校对 王五'],
    });
    expect(a.authors).toEqual(['张三']);
    expect(a.editors).toEqual(['李四']);
    expect(a.source).toBe('新京报');
  });

  it("a portal's labelled 责任编辑 after the body outranks the wire story's own credit run", () => {
    const a = extract({
      paragraphs: [...PARAGRAPHS, '新京报记者 张三', '编辑 刘五 校对 李六'],
      after:
        '<div class="ep-source">本文来源：新京报 <span class="ep-editor">责任编辑：王七_NT6056</span></div>',
    });
    expect(a.editors).toEqual(['王七_NT6056']);
    expect(a.authors).toEqual(['张三']);
  });

  it("the outlet credited before the writer (文｜财新 张三) is not an author on the outlet's site", () => {
    const a = extract({
      docTitle: '长白山冰雪季开幕 游客同比增长三成_财新网',
      byline: '<div class="artInfo">文｜财新 张三<br>2024年12月01日 08:23</div>',
    });
    expect(a.authors).toEqual(['张三']);
  });

  it.each([
    ['文｜财新 张三 李四<br>2024年12月01日 08:30 来源于 《财新周刊》', '财新周刊'],
    ['文/南方 张三<br>2024-12-01 08:30 来源：南方日报', '南方日报'],
  ])(
    'the outlet credited before the writers is not an author where its paper is the source: %s',
    (line, source) => {
      const a = extract({ byline: `<div class="artInfo">${line}</div>` });
      expect([a.source, a.authors.filter((name) => name !== '李四')]).toEqual([source, ['张三']]);
    },
  );
});

describe('"comes from" (来源于) closing the body, or in prose', () => {
  it.each(['本文来源于新华社', '来源于 新华社'])(
    '%s closing the body is its source, and leaves it',
    (last) => {
      const a = extract({ byline: '<div>2024-12-01 08:30</div>', paragraphs: [...PARAGRAPHS, last] });
      expect(a.source).toBe('新华社');
      expect(a.textContent).not.toContain('来源于');
    },
  );

  it('a paragraph that says where its figures come from names no source, and stays in the body', () => {
    const a = extract({
      paragraphs: [...PARAGRAPHS, '以上数据来源于 国家统计局的年度报告，仅供参考'],
    });
    expect(a.source).toBeNull();
    expect(a.textContent).toContain('以上数据来源于 国家统计局');
  });
});

describe('the writer named beside the date without a label', () => {
  it.each([
    '<div class="icons"><a class="item-a" href="/user/1">张三</a><span class="item-time">·2024-12-01 08:23</span></div>',
    '<div class="author-info"><span class="author-name">张三</span><span class="time">2024-12-01 08:23</span></div>',
  ])('%s', (byline) => {
    const a = extract({ byline, docTitle: '长白山冰雪季开幕 游客同比增长三成-示例网' });
    expect(a.authors).toEqual(['张三']);
    expect(a.source).toBe('示例网');
    expect(a.publishedAt).toBe('2024-12-01T08:23:00+08:00');
  });

  it.each([
    '<div class="manage"><span>分类：<a href="/c/1">游记</a></span> <span>2024-12-01 08:23</span></div>',
    '<div class="manage"><span>栏目： 游记</span><span>2024-12-01 08:23</span></div>',
  ])("a label's value before the date is that label's, not a writer's: %s", (byline) => {
    const a = extract({ byline });
    expect(a.authors).toEqual([]);
    expect(a.publishedAt).toBe('2024-12-01T08:23:00+08:00');
  });

  it.each([
    '<div class="tit">长白山冰雪季开幕</div><div class="date">2010-05-07 21:23</div>',
    '<span class="date">2010-05-07 | 长白山冰雪季开幕</span>',
  ])("the headline shortened, as a blog's post header repeats it by the date, is no outlet: %s", (byline) => {
    expect(extract({ byline }).source).toBeNull();
  });

  it('an outlet beside the date is not taken for a writer', () => {
    const a = extract({ byline: '<div class="info">新华社 2024-12-01 08:23</div>' });
    expect(a.authors).toEqual([]);
  });

  it.each([
    ['<div class="art_info"><em>2024-12-01 08:23:44</em><em><a href="">39健康网</a></em></div>', '39健康网'],
    ['<div class="info">21世纪经济报道 2024-12-01 08:23</div>', '21世纪经济报道'],
    ['<div class="info">2024-12-01 08:23 36氪</div>', '36氪'],
  ])(
    "an outlet whose name starts with a number beside the date is the source, not the <title>'s channel: %s",
    (byline, source) => {
      const a = extract({ byline, docTitle: '长白山冰雪季开幕 游客同比增长三成_示例网_饮食' });
      expect(a.source).toBe(source);
    },
  );

  it.each([
    '<div class="info">2024-12-01 08:23 123次</div>',
    '<div class="info">2024-12-01 08:23 12评论</div>',
    '<div class="info">3天前 2024-12-01 08:23</div>',
  ])('a counter beside the date is no outlet: %s', (byline) => {
    const a = extract({ byline, docTitle: '长白山冰雪季开幕 游客同比增长三成-示例网' });
    expect(a.source).toBe('示例网');
  });

  it('a Chinese page\'s "By" before the writer is no outlet', () => {
    const a = extract({
      byline: '<div class="info">By 张三 | 2024-12-01 08:23</div>',
      docTitle: '长白山冰雪季开幕 游客同比增长三成-示例网',
    });
    expect(a.authors).toEqual(['张三']);
    expect(a.source).toBe('示例网');
  });

  it("the writer's name running on after the source is cut from it", () => {
    const a = extract({
      byline:
        '<div class="info"><span>2024年12月01日 08:23</span><span>来源：汽车之家</span> <a class="name">张三</a></div>',
    });
    expect(a.source).toBe('汽车之家');
  });
});

describe('English bylines', () => {
  const ENGLISH = [
    'The snow season opened on Sunday with forty slopes, night skiing and hot springs for the visitors who came from all over the country.',
    'Officials expect thirty percent more visitors than last year, and have added medical stations and safety patrols across the resort area.',
  ];
  const english = (byline: string, head = '') =>
    extract(
      {
        htmlLang: 'en',
        head,
        title: 'Snow season opens in the Changbai Mountains',
        byline,
        paragraphs: ENGLISH,
      },
      'https://news.example.com/snow.html',
    );

  it.each([
    ['<div class="byline">By <span>Meg Wagner</span></div>', ['Meg Wagner']],
    ['<p>By Jane Doe and Mary-Kate O’Neil, The Associated Press</p>', ['Jane Doe', 'Mary-Kate O’Neil']],
    [
      '<p>By Marc Santora, William K. Rashbaum, Al Baker and Adam Goldman</p>',
      ['Marc Santora', 'William K. Rashbaum', 'Al Baker', 'Adam Goldman'],
    ],
    ['<p>By Howard Schneider | Reuters</p>', ['Howard Schneider']],
    // a slash before the role or the outlet, a role in lower case after its capital (Taipei Times)
    ['<div class="name">By Jane Doe / Staff reporter</div>', ['Jane Doe']],
    ['<div class="name">By Jane Doe and John Roe / Staff reporters</div>', ['Jane Doe', 'John Roe']],
    ['<div class="name">By Jane Doe / Staff writer, with AFP</div>', ['Jane Doe']],
    ['<div class="name">By Jane Doe, Staff reporter</div>', ['Jane Doe']],
    ['<div class="name">By Jane Doe / Reuters</div>', ['Jane Doe']],
    // a colon after the lead, where each writer filed from, a byline set in capitals
    ['<div class="name">Written by: Jane Doe</div>', ['Jane Doe']],
    ['<div class="name">By Jane Doe in Beijing and John Roe in Shanghai</div>', ['Jane Doe', 'John Roe']],
    ['<div class="name">BY JANE DOE AND JOHN ROE</div>', ['JANE DOE', 'JOHN ROE']],
    // an outlet in capitals after names in their own case; the comma before "and"
    ['<div class="name">By Jane Doe, USA TODAY</div>', ['Jane Doe']],
    // a decorative mark before the lead, a bullet before the date
    ['<div class="name">// By Jane Doe • Nov 11, 2020</div>', ['Jane Doe']],
    ['<div class="name">— By Jane Doe and John Roe</div>', ['Jane Doe', 'John Roe']],
    // French "and", between names only
    ['<div class="byline">Par Jane Doe et John Roe</div>', ['Jane Doe', 'John Roe']],
    // a role its element sets after the name, with no comma
    ['<div class="byline">By <span>Jane Doe</span> <span>Senior Editor</span></div>', ['Jane Doe']],
    ['<div class="name">By Mark Writer</div>', ['Mark Writer']],
    // a freelance's credit to the paper that ran the piece
    ['<div class="name">By Jane Doe, Special to The Post</div>', ['Jane Doe']],
    ['<div class="name">By Jane Doe and John Roe, Special to the Times</div>', ['Jane Doe', 'John Roe']],
    [
      '<div class="name">By Jane Doe, John Roe, and Mary Major, CNN</div>',
      ['Jane Doe', 'John Roe', 'Mary Major'],
    ],
    // a byline element's lines run together by Readability, an outlet after a bar, a date after the name
    ['<p class="byline">Jane Doe<br>Reporter</p>', ['Jane Doe']],
    ['<div class="byline">Jane Doe | The Guardian</div>', ['Jane Doe']],
    ['<div class="byline"><span>Jane Doe</span><span>Dec 1, 2024</span></div>', ['Jane Doe']],
    // French "by", and where the writer filed from in brackets
    ['<div class="byline">Par Cécile Ducourtieux (Bruxelles, bureau européen)</div>', ['Cécile Ducourtieux']],
    [
      '<p>By Jeremy Herb, Lauren del Valle and Kara Scannell, CNN</p>',
      ['Jeremy Herb', 'Lauren del Valle', 'Kara Scannell'],
    ],
    ['<p>Written by Rob Ewaschuk</p>', ['Rob Ewaschuk']],
    // a label before a byline that says "by" itself
    [
      '<div class="byline"><span>By</span><span>by JOSH HASKELL, DAVID CAPLAN and PATRICK REEVELL</span></div>',
      ['JOSH HASKELL', 'DAVID CAPLAN', 'PATRICK REEVELL'],
    ],
    // a blog's filing, its date with a closing period, and the comment count after it
    [
      '<p>Written by Michael Larabel in Linux on 1 June 2019 at 08:34 PM EDT. 5 Comments</p>',
      ['Michael Larabel'],
    ],
    // the reading time closing the line
    [
      '<div class="byline"><cite>By Jane Doe </cite><span class="read-time">5 minute Read</span></div>',
      ['Jane Doe'],
    ],
    ['<p>By Jane Doe and John Roe · 12 min read</p>', ['Jane Doe', 'John Roe']],
    ['<p>By Jane Doe | Reading time: 4 minutes</p>', ['Jane Doe']],
    // two particles in a name (de la, van der, von der)
    ['<p>By Alejandro de la Garza</p>', ['Alejandro de la Garza']],
    ['<p>By Ursula von der Leyen and Jan van der Berg</p>', ['Ursula von der Leyen', 'Jan van der Berg']],
    // a name linked to the writer's page, no "By" before it
    [
      '<div class="meta"><a href="/author/alejandro-de-la-garza/">Alejandro de la Garza</a></div>',
      ['Alejandro de la Garza'],
    ],
    // China Daily's English byline: names in capitals, the site's address, then the time
    ['<p>By ZHANG SAN | chinadaily.com.cn | Updated: 2019-09-26 15:10</p>', ['ZHANG SAN']],
    ['<p>By Li Si and Wang Wu | Xinhua | 2019-09-26 15:10</p>', ['Li Si', 'Wang Wu']],
    // the date after the names on the byline's own line, with or without a comma or label
    ['<p>By JANE DOE March 12, 2024 3:46 PM</p>', ['JANE DOE']],
    [
      '<cite class="byline"><span>By </span><span>Jane Doe</span> <abbr>March 12, 2024</abbr></cite>',
      ['Jane Doe'],
    ],
    [
      '<p>By Jane Doe and Tom Smith, CNN Updated 3:46 PM ET, Tue March 12, 2024</p>',
      ['Jane Doe', 'Tom Smith'],
    ],
    // a role or an outlet after the comma names no one
    ['<p>By Jane Doe, Staff Writer</p>', ['Jane Doe']],
    ['<p>By Jane Doe, Senior Correspondent - Updated March 12, 2024</p>', ['Jane Doe']],
    ['<p>By Jane Doe, Associated Press</p>', ['Jane Doe']],
    // …nor a job title or an organisation, as advocacy groups and universities print them
    [
      '<p>By <a href="/bio/jane-doe">Jane Doe</a>, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project</p>',
      ['Jane Doe'],
    ],
    ['<p>By Jane Doe, Research Fellow, Example Policy Institute</p>', ['Jane Doe']],
    ['<p>By Jane Doe, Professor of History, Example State University</p>', ['Jane Doe']],
    // AP's names in capitals, its name after them in its own case
    ['<p>By JANE DOE Associated Press</p>', ['JANE DOE']],
    ['<p>By JANE DOE and TOM SMITH Associated Press</p>', ['JANE DOE', 'TOM SMITH']],
    // a writer's label, believed alone on its line
    ['<p>Author: Jane Doe</p>', ['Jane Doe']],
    ['<p>Authors: Jane Doe, Tom Smith</p>', ['Jane Doe', 'Tom Smith']],
    // without "By", a newsroom title after the comma names no one either
    ['<p class="byline">Jane Doe, Staff Reporter</p>', ['Jane Doe']],
    ['<p class="byline">Jane Doe, Senior Washington Correspondent</p>', ['Jane Doe']],
  ])('the names of %s', (byline, authors) => {
    const a = english(byline);
    expect(a.authors).toEqual(authors);
    // and the byline is no body text
    expect(a.textContent).not.toMatch(/Jane Doe|JANE DOE/);
  });

  it.each([
    ['Source: Xinhua | 2019-09-26 15:10:35 | Editor: huaxia', 'Xinhua', ['huaxia']],
    ['Source: Global Times Published: 2019/9/26 15:10:05', 'Global Times', []],
  ])("an English page's labelled line names the outlet and the editor: %s", (line, source, editors) => {
    const a = english(`<div class="info">${line}</div>`);
    expect([a.source, a.editors]).toEqual([source, editors]);
  });

  it.each([
    '<h2>Open Source: the tools behind the resort</h2>',
    '<p>Data Source: the resort</p>',
    // a picture's credit: an English label alone on its line, no date or other label beside it
    '<figure><img src="/a.jpg" alt=""></figure><p>Source: the resort</p>',
  ])('an English label that is no byline names no source: %s', (byline) => {
    expect(english(byline).source ?? '').not.toMatch(/tools|resort/);
  });

  it.each([
    ['', ['Jane Doe', 'Ann Lee', 'Bob Ray']],
    // the byline under the headline comes first: the credits may name more reporters
    ['<p>By Jane Doe</p>', ['Jane Doe']],
  ])("a wire story's closing credits give its writers and editors (byline: %j)", (byline, authors) => {
    const a = extract(
      {
        htmlLang: 'en',
        title: 'Snow season opens in the Changbai Mountains',
        byline,
        paragraphs: [
          ...ENGLISH,
          'Reporting by Jane Doe and Ann Lee in London; Additional reporting by Tom Wu; Writing by Bob Ray; Editing by John Smith and Mary Poe',
        ],
      },
      'https://news.example.com/snow.html',
    );
    expect([a.authors, a.editors]).toEqual([authors, ['John Smith', 'Mary Poe']]);
    expect(a.textContent.split('\n')).toEqual(ENGLISH);
  });

  it.each(['Edited by John Smith', '(Edited by John Smith and Mary Poe.)'])(
    "an editor's own credit closing the story names the editors and leaves the body: %s",
    (foot) => {
      const a = extract(
        {
          htmlLang: 'en',
          title: 'Snow season opens in the Changbai Mountains',
          byline: '<p>By Jane Doe</p>',
          paragraphs: [...ENGLISH, foot],
        },
        'https://news.example.com/snow.html',
      );
      expect([a.authors, a.editors[0]]).toEqual([['Jane Doe'], 'John Smith']);
      expect(a.textContent.split('\n')).toEqual(ENGLISH);
    },
  );

  it.each([
    ["a reference's anchor deep in the story", 'none', []],
    ['a byline element under the headline', 'head', ['Jane Doe']],
  ])("Readability's byline from %s", (_, where, authors) => {
    const reference = '[<a id="ref-AUTHORING" name="ref-AUTHORING">AUTHORING</a>] "Web authoring", a wiki.';
    const a = extract(
      {
        htmlLang: 'en',
        title: 'Snow season opens in the Changbai Mountains',
        byline: where === 'head' ? '<span class="author">Jane Doe</span>' : '',
        paragraphs: [...ENGLISH_PARAGRAPHS, ...ENGLISH_PARAGRAPHS.map((p) => `Again: ${p}`), reference],
      },
      'https://news.example.com/snow.html',
    );
    expect(a.authors).toEqual(authors);
  });

  it('a subhead opening with "By" is no byline', () => {
    expect(english('<h3>By The Numbers</h3>').authors).toEqual([]);
  });

  it('the writers the metadata declares come first: the visible line may leave one out', () => {
    const head = '<meta name="author" content="Jeremy Herb, Kara Scannell, Douglas Wood">';
    expect(english('<p>By Jeremy Herb and Kara Scannell</p>', head).authors).toEqual([
      'Jeremy Herb',
      'Kara Scannell',
      'Douglas Wood',
    ]);
  });

  it('a link to the writer’s page under the title names the writer, without a "By"', () => {
    const meta = (link: string) =>
      `<div class="meta">${link} <span>·</span> <time datetime="2024-03-12">March 12, 2024</time></div>`;
    expect(english(meta('<a href="/author/jane-doe">Jane Doe</a>')).authors).toEqual(['Jane Doe']);
    // Medium and Substack profiles
    expect(english(meta('<a href="https://substack.com/@janedoe">Jane Doe</a>')).authors).toEqual([
      'Jane Doe',
    ]);
    expect(
      english(meta('<a href="https://news.example.com/about/editors/jon-fingas/">Jon Fingas</a>')).authors,
    ).toEqual(['Jon Fingas']);
  });

  it.each([
    '<a href="/author/jane-doe">Jane Doe</a> and <a href="/author/john-roe">John Roe</a>',
    '<span class="author"><a href="/by/jane-doe">Jane Doe</a></span>, <span class="author"><a href="/by/john-roe">John Roe</a></span>',
  ])('links to several writers’ pages in one byline name them all: %s', (links) => {
    const byline = `<div class="meta">${links} · <time datetime="2024-03-12">March 12, 2024</time></div>`;
    expect(english(byline).authors).toEqual(['Jane Doe', 'John Roe']);
  });

  it.each([
    '<a href="/author/jane-doe/">View All</a>',
    '<a href="/author/john-roe/">More Stories</a>',
    '<a href="/author/jane-doe/" class="more">Jane Doe Archive</a>',
  ])('a button beside the writer’s link, to a writer’s page, is no co-writer: %s', (button) => {
    const byline = `<div class="meta"><a href="/author/jane-doe/">Jane Doe</a> ${button} · March 12, 2024</div>`;
    expect(english(byline).authors).toEqual(['Jane Doe']);
  });

  it('a co-writer’s comma inside the first writer’s link is no part of the name', () => {
    const byline =
      '<div class="meta"><a href="/author/jane-doe/"><span>Jane Doe,</span></a> <a href="/author/john-roe/">John Roe</a> · March 12, 2024</div>';
    expect(english(byline).authors).toEqual(['Jane Doe', 'John Roe']);
  });

  it.each([
    // hCard, as WordPress themes print the byline: the name (fn) in the byline's `author vcard`
    '<span class="author vcard"><a class="url fn n" href="https://jane.example.org/">Jane Doe</a></span>',
    '<span class="display-name author vcard"><a class="fn url" href="https://janedoe.example.net">Jane Doe</a></span>',
    // the HTML link type for the article's author
    '<a rel="author" href="https://jane.example.org/">Jane Doe</a>',
  ])('a link the standards mark as the author’s, whatever its address: %s', (link) => {
    // (an element before it whose class also mentions an author, where Readability reads its byline)
    const via = '<div class="author-via">on Example Blog</div>';
    const byline = `<div class="meta">${via}${link} · <time datetime="2024-03-12">March 12, 2024</time></div>`;
    expect(english(byline).authors).toEqual(['Jane Doe']);
  });

  it('a comment’s hCard after the story (comment-author vcard) names no writer', () => {
    const a = extract(
      {
        htmlLang: 'en',
        title: 'Snow season opens in the Changbai Mountains',
        byline: '<div class="meta"><time datetime="2024-03-12">March 12, 2024</time></div>',
        paragraphs: ENGLISH,
        after:
          '<div class="comments"><div class="comment"><span class="comment-author vcard"><a class="url fn" href="https://troll.example.net/">Tom Troll</a></span><p>First!</p></div></div>',
      },
      'https://news.example.com/snow.html',
    );
    expect(a.authors).toEqual([]);
  });

  it('a writer’s link further down, in another block, is not a co-writer', () => {
    const byline =
      '<div class="meta"><a href="/author/jane-doe">Jane Doe</a> · March 12, 2024</div><div class="follow">Follow <a href="/author/john-roe">John Roe</a></div>';
    expect(english(byline).authors).toEqual(['Jane Doe']);
  });

  it('links to writers’ pages in the menu, or under related stories after the body, name no writer', () => {
    const a = extract(
      {
        htmlLang: 'en',
        title: 'Snow season opens in the Changbai Mountains',
        above: '<nav><a href="/authors/mary-major">Mary Major</a></nav>',
        paragraphs: ENGLISH,
        after: `<div class="related">${[1, 2, 3, 4, 5, 6]
          .map((n) => `<p><a href="/story/${n}">Story ${n}</a> <a href="/author/tom-minor">Tom Minor</a></p>`)
          .join('')}</div>`,
      },
      'https://news.example.com/snow.html',
    );
    expect(a.authors).toEqual([]);
  });
});

describe("a picture's credit is not the writer's", () => {
  const meta = '<meta name="author" content="kingname">';
  it.each([
    ['under the title', { byline: '<p>摄影：产品经理</p>' }],
    ['opening the body', { paragraphs: ['摄影：产品经理', ...PARAGRAPHS] }],
    ['opening the body, Traditional', { paragraphs: ['攝影／產品經理', ...PARAGRAPHS] }],
  ])('%s: the writer the metadata declares comes first', (_, parts) => {
    expect(extract({ head: meta, ...parts }).authors).toEqual(['kingname']);
  });

  it.each([
    ['a byline element', '<span class="author_name" id="js_author_name">kingname</span>'],
    ["a link to the writer's page", '<a href="/author/king-name">King Name</a>'],
  ])('%s names the writer before the picture credit opening the body', (_, writer) => {
    const a = extract({
      byline: `<div class="meta">${writer}</div>`,
      paragraphs: ['摄影：产品经理', ...PARAGRAPHS],
    });
    expect(a.authors).toEqual([writer.replace(/<[^>]+>/g, '')]);
  });

  it('with no other writer named, the photographer is credited', () => {
    expect(extract({ byline: '<p>摄影：张三</p>' }).authors).toEqual(['张三']);
  });

  it.each([
    ['摄影：李四 文：张三'],
    ['撰文：张三　摄影：李四'],
    ['记者 张三 摄影 李四'],
    ['文｜张三　攝影｜李四'],
  ])('%s: the writer credited beside the photographer is the author', (line) => {
    expect(extract({ head: meta, byline: `<p>${line}</p>` }).authors).toEqual(['张三']);
    expect(extract({ paragraphs: [line, ...PARAGRAPHS] }).authors).toEqual(['张三']);
  });
});

describe('the credits closing a short story', () => {
  it('an editor line after a one-paragraph story is read; it and the keyword tags leave the body', () => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>LPR与上月持平_示例网</title></head>
<body><div class="head"><h1>LPR与上月持平</h1><div class="info">2024-05-20 09:30 来源：示例日报</div></div>
<div id="the_content"><p>${PARAGRAPHS[0]}</p>
<div class="ar_writer"><span>(编辑：文静)</span></div><div class="ar_keywords">关键字： <a href="/tags/lpr">LPR</a></div></div>
</body></html>`;
    const url = 'https://www.example-news.cn/20240520/123.shtml';
    const a = extractHtml(html, url);
    expect(a.editors).toEqual(['文静']);
    expect(a.textContent).toBe(PARAGRAPHS[0]);
  });
});

describe("a note at the story's end that names its writer", () => {
  it.each([
    // the credit in brackets, the writer's employer after a comma
    ['（作者：张三，单位：示例大学）', ['张三']],
    // …or the writer's post, after 系, 为 or 现任
    ['（作者：张三，系示例大学教授）', ['张三']],
    ['（作者：张三、李四，均系示例大学农业经济研究所研究员）', ['张三', '李四']],
    ['作者：张三，现任示例日报评论员。', ['张三']],
    // the writer's bio
    ['作者简介：张三，示例大学教授，主要研究方向为农业经济。', ['张三']],
    ['作者简介：张三系示例大学教授。', ['张三']],
    // a notice of original work, however the page cleans it away
    ['本文由 张三 原创，转载请注明出处。', ['张三']],
    // …but not an outlet's, nor a notice without a name
    ['本文由示例日报社原创，转载请注明出处。', []],
    ['作者简介：示例大学农业经济研究团队，长期关注农村改革。', []],
    ['（作者系示例大学教授）', []],
  ])('%s', (note, authors) => {
    const a = extract({ paragraphs: [...PARAGRAPHS, note] });
    expect(a.authors).toEqual(authors);
  });
});

describe('the outlet named beside the date, without a label', () => {
  it.each([
    '<p class="p_time"><span>2010年03月05日 12:00</span> <span><a href="/xjb">新京报</a></span> <span>作者：张三</span> <span><a href="#">0人参与</a> <a href="#">0评论</a></span></p>',
    '<div class="info">2010-03-05 12:00 新京报 | 作者：张三 | 阅读：123</div>',
  ])('%s: the outlet beside the date stays the source when labelled fields follow it', (byline) => {
    const a = extract({ byline });
    expect([a.source, a.authors]).toEqual(['新京报', ['张三']]);
  });

  it.each([
    [
      '<p class="p_time"><span>2010年03月05日 12:00</span><span>[<a href="/xjb">新京报</a>]</span><span>[<a href="#">打印</a>]</span><span>[<a href="#">评论</a>]</span></p>',
      '新京报',
    ],
    ['<div class="info">2010-03-05 12:00 【吉林日报】 【字号 大 中 小】</div>', '吉林日报'],
    // the brackets' widgets beside the date name no outlet: the site does
    ['<div class="info">2010-03-05 12:00 [打印] [关闭窗口]</div>', '示例网'],
  ])(
    '%s: the outlet in brackets beside the date is the source, not the widgets beside it',
    (byline, source) => {
      const a = extract({ byline, docTitle: '长白山冰雪季开幕 游客同比增长三成_示例网' });
      expect(a.source).toBe(source);
    },
  );

  it.each(['2019年09月26日 15时10分', '2019年09月26日 15點10分'])(
    '%s: a time in hours and minutes is no outlet',
    (line) => {
      const a = extract({ byline: `<div class="info">${line}</div>` });
      expect([a.source, a.publishedAt]).toEqual([null, '2019-09-26T15:10:00+08:00']);
    },
  );

  it('a person before the labelled fields is no outlet', () => {
    const a = extract({ byline: '<div class="info">2010-03-05 12:00 张伟 编辑：李四</div>' });
    expect(a.source).not.toBe('张伟');
  });
});

describe('a newsroom desk beside the date is the section, not the outlet', () => {
  it.each([
    ['<div class="info">2024-12-01 08:30 社会</div>', null],
    ['<div class="info">时政 | 2024-12-01 08:30</div>', null],
    ['<div class="info"><span>2024-12-01 08:30</span><span>国际频道</span></div>', null],
    ['<div class="info">2013/06/29 22:54 政治 王家俊 報導</div>', null],
    // an outlet after the desk is still the outlet
    ['<div class="info">2024-12-01 08:30 国内 新华社</div>', '新华社'],
  ])('%s', (byline, source) => {
    expect(extract({ byline }).source).toBe(source);
  });
});

describe("an editor's credit", () => {
  it.each([
    // a newsroom's staff code glued to the name stays, as the page prints it (网易)
    ['责任编辑：王晓易_NE0011', ['王晓易_NE0011']],
    // contact details after the name
    ['责编：张三 E-mail: zhangsan@example.com', ['张三']],
    ['编辑：张三 Tel: 0431-88600000', ['张三']],
    // editor labels with a desk before them; the pictures' and the video's editors are not the story's
    ['本文编辑：张三 新媒体编辑：李四', ['张三', '李四']],
    ['责任编辑：张三 图片编辑：李四 视频编辑：王五', ['张三']],
  ])('%s', (line, editors) => {
    expect(parseByline(line).editors).toEqual(editors);
  });

  it.each([
    // a staff code alone is all the page says of who edited the piece
    ['<p>责任编辑：DF064</p>', ['DF064']],
    ['<p>（编辑：DF118）</p>', ['DF118']],
    // …while beside a name it is that name's code
    ['<p>责任编辑：张三 PN001</p>', ['张三']],
  ])('after the body: %s', (after, editors) => {
    expect(extract({ byline: '<div>2024-12-01 08:30 来源：证券时报</div>', after }).editors).toEqual(editors);
  });
});

describe('a 来源 that names no outlet', () => {
  it.each([
    ['来源：本报讯', null],
    ['來源：本網訊', null],
    ['来源：转载', null],
    // an account's @ is no part of its name
    ['来源：@人民日报', '人民日报'],
    // how the story came, not from whom
    ['来源：网友投稿', null],
    ['来源：网络整理', null],
    ['來源：綜合報導', null],
    // compiled from the outlet's stories: the outlet
    ['来源：新华社 综合', '新华社'],
  ])('%s', (line, source) => {
    expect(parseByline(line).source).toBe(source);
  });

  it.each(['转载', '网友投稿', '本站'])(
    'nor does a source the metadata declares that way (`<meta name="source" content="%s">`): the site is',
    (value) => {
      const a = extract({
        docTitle: '长白山冰雪季开幕 游客同比增长三成_示例网',
        head: `<meta name="source" content="${value}">`,
      });
      expect(a.source).toBe('示例网');
    },
  );

  it.each(['作者：转载', '作者：本报讯'])(
    '%s names no one either: the same placeholders hold for names',
    (line) => {
      expect(parseByline(line).authors).toEqual([]);
    },
  );
});

describe('the names in an author value, as Chinese pages print them', () => {
  it.each([
    // and others
    ['作者：张三等', ['张三']],
    // a name spaced out to fill its cell
    ['作者：张 三', ['张三']],
    ['作者：王 小 明', ['王小明']],
    // a translated writer's country before the name
    ['作者：[美] 约翰·史密斯', ['约翰·史密斯']],
    ['作者：【张三】', ['张三']],
    // an institution beside its people is their affiliation; alone, it wrote the piece
    ['作者：吉林大学 张三', ['张三']],
    ['作者：张三 吉林大学', ['张三']],
    ['作者：吉林大学', ['吉林大学']],
    ['作者：张三 李四', ['张三', '李四']],
  ])('%s', (line, authors) => {
    expect(parseByline(line).authors).toEqual(authors);
  });
});

describe('credits after the story that are not its own', () => {
  const byline = '<div class="info">2019-09-26 15:10</div>';

  it.each([
    [
      '<div class="comments"><h3>网友评论</h3><div class="item"><span>作者：长春网友</span> <span>2019-09-27 08:00</span><p>写得好，明年一定去看看。</p></div></div>',
    ],
    [
      '<div class="comments"><h3>最新評論</h3><div class="item"><span>作者：台北網友</span> <span>2019-09-27 08:00</span></div></div>',
    ],
    // inside the story's container, where Readability takes it along
    ['<p>网友评论</p><p>作者：长春网友 2019-09-27 08:00</p><p>写得好，明年一定去看看。</p>'],
    // the heading spaced out
    ['<div class="comments"><h3>网 友 评 论</h3><div class="item"><span>作者：长春网友</span></div></div>'],
  ])("a comment thread's poster is no author: %s", (after) => {
    const article = extract({ byline, after });
    expect(article.authors).toEqual([]);
  });

  it.each([
    [
      '<div class="related"><h3>相关阅读</h3><p><a href="/a/1.html">长春今年首场降雪 各部门连夜除雪</a> 作者：王五 来源：长春日报</p></div>',
    ],
    ['<p><a href="/a/1.html">长春今年首场降雪 各部门连夜除雪</a> 作者：王五 来源：长春日报</p>'],
  ])("a line that opens with another story's headline credits that story: %s", (after) => {
    const article = extract({ byline, after, docTitle: '长白山冰雪季开幕 游客同比增长三成 - 示例日报' });
    expect(article.authors).toEqual([]);
    expect(article.source).not.toBe('长春日报');
  });

  it("a portal's list of other stories between the body and its own credit line leaves that line the story's", () => {
    const article = extract({
      byline,
      after: `<div class="related"><div class="related-title">延伸阅读</div><ul>
<li><a href="/a/1.html">长春今年首场降雪 各部门连夜除雪保畅通</a></li>
<li><a href="/a/2.html">吉林省推出十条冰雪旅游线路迎新雪季</a></li></ul></div>
<div class="ep-source">本文来源：新华社 责任编辑：李曦_NN2587</div>`,
    });
    expect(article).toMatchObject({ source: '新华社', editors: ['李曦_NN2587'] });
  });
});

describe("a declared byline's parts after the first name", () => {
  it.each([
    ['Jane Doe | CNN', ['Jane Doe']],
    ['By Jane Doe, Special to The Example Times', ['Jane Doe']],
    ['Jane Doe | jdoe@example.com', ['Jane Doe']],
    // a web or e-mail address beside the name, bracketed or not
    ['Jane Doe (https://jane.example/)', ['Jane Doe']],
    ['Jane Doe <jdoe@example.com>', ['Jane Doe']],
    ['jdoe@example.com (Jane Doe)', ['Jane Doe']],
    ['Jane Doe - https://jane.example', ['Jane Doe']],
    ['张三（http://blog.example.cn/zs）', ['张三']],
    ['Jane Doe, Staff Writer', ['Jane Doe']],
    // a line break between the name and its note lost in the element's text
    ['Jane DoeSpecial to The Example Times', ['Jane Doe']],
    // people stay, in either script
    ['Jane Doe, John Smith', ['Jane Doe', 'John Smith']],
    ['张三、李四', ['张三', '李四']],
  ])('%s: an outlet, a role or an address is not a writer', (value, names) => {
    expect(declaredNames(value)).toEqual(names);
  });

  it.each(['From staff reports', 'Staff Report', 'From wire reports', 'Staff and wire reports'])(
    'a newsroom placeholder names no one: %s',
    (byline) => {
      const article = extract({
        htmlLang: 'en',
        title: 'Council approves transit plan',
        byline: `<div class="byline">${byline}</div>`,
        paragraphs: ENGLISH_PARAGRAPHS,
      });
      expect(article.authors).toEqual([]);
    },
  );

  it("a template's placeholder (`name, email@…`) names no one", () => {
    const article = extract({ head: '<meta name="author" content="name, email@gmail.com">' });
    expect(article.authors).toEqual([]);
  });
});

describe("a writer's label as books and Japanese pages print it", () => {
  it('著者, 筆者 and 笔者 label the writer, also inside the link to their page', () => {
    const byline =
      '<div class="info"><time>2019/02/22 17:23</time> <a href="/author/180/">著者：张三</a></div>';
    expect(extract({ byline }).authors).toEqual(['张三']);
    expect(parseByline('著者：张三').authors).toEqual(['张三']);
    expect(parseByline('筆者：张三').authors).toEqual(['张三']);
    expect(parseByline('笔者：张三').authors).toEqual(['张三']);
  });
});

describe('names joined by French "et"', () => {
  it.each([
    ['Alexandre Hervaud et Jérémy Piette', ['Alexandre Hervaud', 'Jérémy Piette']],
    // a desk's name holds it before a word in lower case: one value
    ['Zone Justice et faits divers', ['Zone Justice et faits divers']],
  ])('%s', (value, names) => {
    expect(value.split(LATIN_NAME_SPLIT)).toEqual(names);
  });
});
