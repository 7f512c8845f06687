/**
 * Failure class 5 (the generic part): modern platforms serve the article hidden until their script
 * runs, wrap it in their own chrome and disclaimers, and name the account that posted it beside the
 * date; WeChat's older layout names it elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { parseByline } from '@/utils/extract/byline';
import { extract, extractHtml, PARAGRAPHS } from './page';

/** The body's lines when `line` stands among PARAGRAPHS (after them, or before paragraph `at`). */
const bodyWith = (line: string, at = PARAGRAPHS.length) =>
  extract({ paragraphs: [...PARAGRAPHS.slice(0, at), line, ...PARAGRAPHS.slice(at)] }).textContent.split(
    '\n',
  );

describe('modern platforms', () => {
  it.each(['visibility: hidden;', 'opacity: 0', 'visibility:hidden'])(
    'a body served with %s until the page script reveals it is still the body',
    (style) => {
      const a = extract({
        paragraphs: [],
        // an article's worth of text (WeChat's #js_content), twice the sample paragraphs
        after: `<div class="rich_media_content" id="content" style="${style}">${[...PARAGRAPHS, ...PARAGRAPHS].map((p) => `<p>${p}</p>`).join('')}</div>`,
      });
      expect(a.textContent).toContain(PARAGRAPHS[1]);
      expect(a.textContent).toContain(PARAGRAPHS[2]);
    },
  );

  it('a page whose visible article is found keeps its hidden block hidden', () => {
    const a = extract({
      after: `<div style="visibility: hidden">${PARAGRAPHS.map((p) => `<p>隐藏：${p}</p>`).join('')}</div>`,
    });
    expect(a.textContent).toContain(PARAGRAPHS[0]);
    expect(a.textContent).not.toContain('隐藏');
  });

  it('a small hidden widget stays out of the body', () => {
    const a = extract({ after: '<div style="visibility: hidden">下载客户端 知道了</div>' });
    expect(a.textContent).not.toContain('下载客户端');
  });
});

describe('where the article ends', () => {
  it.each(['首页 | 上一页 1 下一页 | 尾页', '加载更多新闻', '点击查看更多'])(
    'the feed after %s is not body text',
    (mark) => {
      const teasers = Array.from(
        { length: 4 },
        (_, i) =>
          `<div class="item"><h3>第${i}条：山东日照小蓝莓助力农业发展</h3><p>5月22日，在山东省日照市东港区陈疃镇蓝莓产学研基地，农户在采摘蓝莓。...【详细】</p><span>强图打榜 2024-05-23 09:41</span></div>`,
      ).join('');
      const a = extract({
        paragraphs: [...PARAGRAPHS.map((p) => p), `<span>${mark}</span>`, teasers] as string[],
      });
      expect(a.textContent).toContain(PARAGRAPHS[2]);
      expect(a.textContent).not.toContain('蓝莓');
      expect(a.textContent).not.toContain(mark.slice(0, 3));
    },
  );

  it.each([
    '本文为付费内容，订阅后可阅读全文',
    '登录后查看全文',
    '剩余80%内容，开通会员后即可阅读全部',
    '此内容为会员专享，请先登录',
  ])("a paywall's notice where the free part ends is not body text: %s", (wall) => {
    expect(bodyWith(wall)).toEqual(PARAGRAPHS);
  });

  it("a Japanese paywall's notice leaves a Japanese story", () => {
    const story = [
      '６月１２日の歴史的な首脳会談を巡って戦っていたのは、両国の首脳ばかりではなかった。周辺国の指導者も重要な陰の参戦者だった。',
      '会談の結果をどう評価するかについては、専門家の間でも意見が分かれている。今後の交渉の行方が注目される。',
    ];
    const a = extract({
      htmlLang: 'ja',
      title: '首脳会談の成否',
      paragraphs: [
        ...story,
        '［有料会員限定］ この記事は会員限定です。電子版に登録すると続きをお読みいただけます。',
      ],
    });
    expect(a.textContent.split('\n')).toEqual(story);
  });

  it('a sentence about paid content stays', () => {
    const line = '该平台近日推出付费内容服务，用户登录后可查看全部课程，业内人士认为这将改变行业格局。';
    expect(bodyWith(line)).toContain(line);
  });

  it("an embedded video player's chrome is not body text", () => {
    const player =
      '<div class="video-box"><p>正在为您切换到高清 480P,请稍候...</p><p>播放速度：2X</p><p>设置成功</p><p>00:00/00:00</p><p>倍速</p><p>2.0X</p><p>1.5X</p><p>高清</p><p>超清</p><p>标清</p><p>100%</p><p>循环播放</p><p>跳过片头</p><p>很抱歉，当前视频播放失败</p><p>错误代码：QVS.4100</p></div>';
    const a = extract({ paragraphs: [player, ...PARAGRAPHS] });
    expect(a.textContent).toContain(PARAGRAPHS[0]);
    for (const chrome of ['播放速度', '倍速', '超清', '循环播放', '错误代码', '00:00'])
      expect(a.textContent).not.toContain(chrome);
  });
});

describe('prompts a page leaves between paragraphs', () => {
  it.each([
    '视频加载中，请稍候...',
    '更多精彩内容，请下载新华社客户端',
    '打开凤凰新闻，查看更多高清图片',
    '点击图片查看大图',
    '进入专题>>',
    '展开剩余85%',
    '阅读原文',
  ])('%s is not body text', (prompt) => {
    expect(bodyWith(prompt, 1)).toEqual(PARAGRAPHS);
  });

  it.each([
    '语音播报',
    '听新闻',
    'A+ A-',
    '字体：小 中 大',
    '【字体：大 中 小】【打印】',
    '阅读量：1234',
    '本文共1234字，阅读约需5分钟',
    '正在加载...',
  ])("%s: the page's reading tools written out above the story are not body text", (tool) => {
    expect(bodyWith(tool, 0)).toEqual(PARAGRAPHS);
  });

  it.each([
    '网友评论',
    '已有0人参与',
    '我来说两句',
    '查看全部评论',
    '免责声明：本文仅代表作者个人观点，与本网无关。',
    '本网站所刊载信息，不代表本站观点。',
    '如有侵权请联系删除',
    '特别声明：本文转载仅仅是出于传播信息的需要',
  ])("a site's comment widget or disclaimer closing the story is not body text: %s", (chrome) => {
    expect(bodyWith(chrome)).toEqual(PARAGRAPHS);
  });

  it.each([
    '专家认为，这一发布不代表政策方向的根本改变，市场观点仍有分歧。',
    '已有300人参与了本次活动的报名，主办方表示将继续扩大规模。',
    // a picture's credit, as human-made texts keep them
    '图片来自网络，如有侵权，请联系删除。',
  ])('a sentence in their words stays: %s', (line) => {
    expect(bodyWith(line)).toContain(line);
  });

  it('a sentence about an app stays', () => {
    const line = '记者打开新华社客户端发现，当天的新闻推送量比平时多了三倍，不少用户反映下载APP后体验更好。';
    expect(bodyWith(line)).toContain(line);
  });
});

describe("an embedded video's chrome", () => {
  it.each(['javascript:void(0);', '#'])(
    "the heading its fold toggle (href %s) closes, and its player's title overlay and timer, are not body text",
    (href) => {
      const video = `<div class="video-unfold"><h4 class="video-title"><span>长白山冰雪季宣传片</span><a href="${href}">收起</a></h4><div class="video-player"><div class="mplayer"><div class="titleInfo">长白山冰雪季宣传片</div><div class="time">00:00 / 01:45</div></div></div></div>`;
      const a = extract({ paragraphs: [video, ...PARAGRAPHS] });
      expect(a.textContent.split('\n')).toEqual(PARAGRAPHS);
    },
  );

  it("a table in a block named for players stays (a sports story's line-up)", () => {
    const table =
      '<div class="player-stats"><table><tr><th>球员</th><th>得分</th></tr><tr><td>张三</td><td>23</td></tr></table></div>';
    const a = extract({ paragraphs: [...PARAGRAPHS, table] });
    expect(a.textContent).toContain('球员');
  });
});

describe("a self-media platform's chrome closing the post", () => {
  it.each([
    '返回搜狐，查看更多',
    '平台声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。',
    '阅读 (123)',
    '举报/反馈',
    '澎湃新闻报料：021-962866',
    '本文为澎湃号作者或机构在澎湃新闻上传并发布，仅代表该作者或机构观点，不代表澎湃新闻的观点或立场，澎湃新闻仅提供信息发布平台。',
    '打开APP阅读更多精彩内容',
    '点击进入专题：长白山冰雪季',
    // a like or share button with its count
    '点赞(0)',
    '分享（12）',
    // the party-media platform's notice under a reposted story (人民号, 党媒平台)
    '本文来自【示例日报】，仅代表作者观点。全国党媒信息公共平台提供信息发布传播服务。',
  ])('%s', (chrome) => {
    expect(bodyWith(chrome)).toEqual(PARAGRAPHS);
  });
});

describe("a 公众号 article's own chrome, on WeChat or reposted elsewhere", () => {
  it.each([
    '点击上方蓝字关注我们',
    '点击蓝字 关注我们',
    '点个“在看”，分享给更多人',
    '声明：本文版权归原作者所有，如有侵权请联系删除。',
    '海量资讯、精准解读，尽在新浪财经APP',
    // a blog platform's licence notice above the post
    '版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议，转载请附上原文出处链接和本声明。',
    '本文为原创，转载请保留出处。',
    // the tail's 阅读原文 link, follow plug and the arrow pointing at them
    '点击“阅读原文”了解更多',
    '欢迎关注示例财经微信公众号',
    '更多精彩资讯请关注示例日报微信公众号',
    '▼',
    // a site's copyright notice, and the post's buttons written out in a row
    '版权声明：凡注明“来源：示例日报”的所有作品，版权均属于示例日报。',
    '点赞 收藏 分享',
  ])('%s is not body text', (chrome) => {
    const a = extract({ paragraphs: [chrome, ...PARAGRAPHS, chrome] });
    expect(a.textContent.split('\n')).toEqual(PARAGRAPHS);
  });

  it.each([
    '特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。',
    '「特别声明：以上作品内容(包括在内的视频、图片或音频)为凤凰网旗下自媒体平台“大风号”用户上传并发布，本平台仅提供信息存储空间服务。」',
    '新浪声明：此消息系转载自新浪合作媒体，新浪网登载此文出于传递更多信息之目的，并不意味着赞同其观点或证实其描述。',
    '该文观点仅代表作者本人，示例平台仅提供信息存储空间服务。',
    '原创不易，欢迎点赞、转发、关注！',
    '【如果您有新闻线索，欢迎向我们报料，一经采纳有费用酬谢。报料微信关注：example】',
    '百度APP内打开',
    '+1',
    '我要举报',
    '查看原图',
    '写评论...',
  ])("a platform's disclaimer or call to action closing a post: %s", (chrome) => {
    expect(bodyWith(chrome)).toEqual(PARAGRAPHS);
  });

  it.each([
    '海报制作：张三',
    '策划：李四 统筹：王五',
    '出品：示例日报社',
    // a gallery's hint under its picture, a comment box's prompt, a print bar
    '▲点击图片查看大图',
    '登录后发表评论',
    '【我要打印】【关闭窗口】',
  ])('%s closing the story is not body text', (chrome) => {
    expect(bodyWith(chrome)).toEqual(PARAGRAPHS);
  });

  it('a sentence that opens with such a label stays', () => {
    const line = '策划：这是一个关于长白山冰雪季的活动方案，包含开幕式、滑雪比赛等多个环节。';
    expect(extract({ paragraphs: [line, ...PARAGRAPHS] }).textContent.split('\n')).toEqual([
      line,
      ...PARAGRAPHS,
    ]);
  });

  it('本期编辑 names the editor', () => {
    expect(extract({ paragraphs: [...PARAGRAPHS, '本期编辑：张三'] }).editors).toEqual(['张三']);
  });

  it.each(['栏目主编：李四 文字编辑：王五', '图片编辑：赵六', '视频编辑：钱七'])(
    "an app's editor credit is not body text, wherever it stands: %s",
    (credit) => {
      const a = extract({ paragraphs: [PARAGRAPHS[0]!, PARAGRAPHS[1]!, credit, PARAGRAPHS[2]!] });
      expect(a.textContent.split('\n')).toEqual(PARAGRAPHS);
    },
  );

  it('a sentence about a platform or about liking and sharing stays, and so does a picture credit', () => {
    const prose = [
      // news pages' human-made texts keep their pictures' credits (图片来源：…)
      '图片来源：视觉中国',
      '该视频发布后引发大量网友点赞、转发，多家媒体跟进报道了此事。',
      '律师表示，平台以“仅提供信息存储空间服务”为由免责的做法，需要结合具体案情判断是否成立。',
    ];
    const a = extract({ paragraphs: [...PARAGRAPHS, ...prose] });
    expect(a.textContent.split('\n')).toEqual([...PARAGRAPHS, ...prose]);
  });

  it("an app's prompt under a picture leaves the picture in place", () => {
    const a = extract({
      paragraphs: ['<img src="https://img.example.com/a.jpg"><br>打开网易新闻 查看精彩图片', ...PARAGRAPHS],
    });
    expect(a.textContent.split('\n')).toEqual(PARAGRAPHS);
    expect(a.contentHtml).toContain('https://img.example.com/a.jpg');
  });

  it.each([
    '<p class="time"><span>2019-05-17</span> · <span>苏皖城市报道</span></p>',
    '<div class="info">2019-05-17 10:21 <span class="source">苏皖城市报道</span></div>',
  ])('%s: the account beside the date is the source, before the 来源 closing what it reposted', (byline) => {
    const a = extract({ byline, paragraphs: [...PARAGRAPHS, '来源：无锡交警'] });
    expect(a.source).toBe('苏皖城市报道');
    expect(a.textContent.split('\n')).toEqual(PARAGRAPHS);
  });

  it("an outlet's account card above the date names the source, and no one as the author", () => {
    const a = extract({
      byline:
        '<div class="author-card"><img src="/avatar.png" alt=""><div><a class="name" href="/u/1001">湖北日报</a><p class="desc">湖北日报官方账号</p></div><button>关注</button></div><div class="time">2023-05-12 08:23 · 湖北</div>',
    });
    expect([a.source, a.authors]).toEqual(['湖北日报', []]);
  });

  it("a person's account linked the same way is the author", () => {
    const a = extract({
      byline:
        '<div class="author-card"><a class="name" href="/u/1002">李明</a><button>关注</button></div><div class="time">2023-05-12 08:23</div>',
    });
    expect(a.authors).toEqual(['李明']);
  });

  it("a self-media platform's tag after the account's name is not part of the source", () => {
    const a = extract({
      byline: '<div class="info">2023-05-12 08:23 来源：财经观察者 <span>百家号</span></div>',
    });
    expect(a.source).toBe('财经观察者');
  });

  it('往期推荐 and the story links under it end the article', () => {
    const a = extract({
      paragraphs: [
        ...PARAGRAPHS,
        '往期推荐',
        '<a href="/1">重磅！央行宣布降准0.25个百分点</a>',
        '<a href="/2">4月金融数据出炉，新增贷款7188亿</a>',
      ],
    });
    expect(a.textContent.split('\n')).toEqual(PARAGRAPHS);
  });
});

describe('a 公众号 article in the 2014–2017 layout', () => {
  it('the account is the source, the unnamed meta beside the date the author, `ct` the time', () => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>长白山冰雪季开幕</title></head>
<body id="activity-detail"><div class="rich_media"><h2 class="rich_media_title" id="activity-name">长白山冰雪季开幕</h2>
<div class="rich_media_meta_list"><em id="post-date" class="rich_media_meta rich_media_meta_text">2016-05-06</em>
<em class="rich_media_meta rich_media_meta_text">张三</em>
<a class="rich_media_meta rich_media_meta_link" id="post-user" href="javascript:void(0);">长白山发布</a></div>
<div class="rich_media_content" id="js_content" style="visibility: hidden;">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div></div>
<script>var ct = "1462523400";</script></body></html>`;
    const url = 'https://mp.weixin.qq.com/s/AbCdEf1234567';
    const a = extractHtml(html, url);
    expect(a.source).toBe('长白山发布');
    expect(a.authors).toEqual(['张三']);
    expect(a.publishedAt).toBe('2016-05-06T16:30:00+08:00');
    expect(a.textContent.split('\n')).toEqual(PARAGRAPHS);
  });
});

describe("a repost's credit to the 公众号 it came from", () => {
  it.each([
    [
      '本文来自微信公众号“硅星人Pro”（ID：guixingren123），作者：张三，36氪经授权发布。',
      '硅星人Pro',
      ['张三'],
    ],
    ['本文来自微信公众号：硅星人（ID：guixingren123），作者：李四，题图来自：视觉中国', '硅星人', ['李四']],
    ['本文转载自公众号「财经十一人」', '财经十一人', []],
  ])(
    '%s names the account as the source and its writer; the credit leaves the body',
    (line, source, authors) => {
      const a = extract({ paragraphs: [line, ...PARAGRAPHS] });
      expect(a.source).toBe(source);
      expect(a.authors).toEqual(authors);
      expect(a.textContent).not.toContain(line.slice(0, 12));
    },
  );

  it('a sentence about a 公众号 names no account', () => {
    const line = '本文来自微信公众号，我们每天推送本地新闻和服务信息，欢迎读者朋友们留言交流。';
    expect(parseByline(line)).toMatchObject({ source: null, authors: [] });
  });

  it.each([
    ['文 | 王五 来源 | 示例财经（ID：shili）', { source: '示例财经', authors: ['王五'] }],
    ['作者丨张三 来源丨新华社', { source: '新华社', authors: ['张三'] }],
    ['来源：示例财经(微信ID: abc) 作者：张三', { source: '示例财经', authors: ['张三'] }],
  ])('a label before a bar, and an account ID after its name: %s', (line, expected) => {
    expect(parseByline(line)).toMatchObject(expected);
  });
});

describe('notes a human-made copy of a story keeps', () => {
  it.each(['（原标题：长白山冰雪季开幕）', '（完）'])('%s stays', (note) => {
    expect(bodyWith(note)).toEqual([...PARAGRAPHS, note]);
  });
});
