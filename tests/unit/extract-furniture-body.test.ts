/**
 * Failure class 5: portal "self-media" pages (头条号, 百家号, 网易号, 搜狐号, 企鹅号) put their player,
 * app-download, follow and report buttons and dismissable tips inside the article container, as lines
 * of their own, and draw icons with an icon font (private-use code points). None of it is article
 * text. Each page here is written for this test in the shape of one platform's template.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/utils/extract';
import { cleanBody, isBoilerplateLine, stripPrivateUse } from '@/utils/extract/clean';
import { isWesternChrome } from '@/utils/extract/western';

const PROSE = [
  '今年一季度，本地新能源汽车销量同比增长四成，充电桩数量也随之快速增加，不少小区开始集中改造停车位。',
  '业内人士表示，他们关注的是电网负荷和停车位改造的费用分担问题，这需要物业、业主和供电部门坐下来商量。',
  '一位车主说，自己也是看了邻居的经验才知道了申请流程，前后跑了三趟才装好，希望以后能简化手续。',
];

/** An article page whose body container holds `furniture` between the paragraphs. */
function page(container: string, furniture: readonly string[]): string {
  const [a, b] = [
    furniture.slice(0, Math.ceil(furniture.length / 2)),
    furniture.slice(Math.ceil(furniture.length / 2)),
  ];
  const lines = (items: readonly string[]) => items.map((f) => `<div>${f}</div>`).join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>新能源车充电桩进小区</title></head>
<body><div class="header"><a href="/">首页</a> <a href="/auto/">汽车</a></div>
<div class="${container}"><h1>新能源车充电桩进小区</h1><div class="meta">2024-03-02 10:00 · 示例车评</div>
${lines(a)}
<p>${PROSE[0]}</p>
<p>${PROSE[1]}</p>
${lines(b)}
<p>${PROSE[2]}</p>
</div></body></html>`;
}

function extractText(html: string, url: string): string {
  const doc = new JSDOM(html, { url }).window.document;
  return extractArticle(doc, url).textContent;
}

const PLATFORMS: ReadonlyArray<{ name: string; url: string; container: string; furniture: string[] }> = [
  {
    name: '头条号',
    url: 'https://www.toutiao.com/article/7340000000000000000/',
    container: 'article-content',
    furniture: ['\ue60a 自动播放', '下载客户端', '知道了', '\ue632举报'],
  },
  {
    name: '百家号',
    url: 'https://baijiahao.baidu.com/s?id=1790000000000000000',
    container: 'index-module_articleWrap',
    furniture: ['+关注', '打开APP', '打开百度APP看高清图片', '\ue6a1'],
  },
  {
    name: '网易号',
    url: 'https://www.163.com/dy/article/ABCDEFGH12345678.html',
    container: 'post_main',
    furniture: ['新酷产品第一时间免费试玩', '还没安装网易新闻客户端？', '举报', '\ue8ff 点赞'],
  },
  {
    name: '搜狐号',
    url: 'https://www.sohu.com/a/700000000_121000000',
    container: 'article-page',
    furniture: ['关注', '展开全文', '\uf101 1.2万次播放', '打开搜狐新闻APP阅读更多'],
  },
  {
    name: '企鹅号',
    url: 'https://new.qq.com/rain/a/20240302A00ABC00',
    container: 'content-article',
    furniture: ['\ue900', '下载APP', '我知道了', '立即下载腾讯新闻APP'],
  },
];

describe('portal self-media furniture stays out of the body', () => {
  for (const { name, url, container, furniture } of PLATFORMS) {
    it(`${name}: the prose stays, the buttons, tips and icon glyphs go`, () => {
      const text = extractText(page(container, furniture), url);
      expect(text.split('\n')).toEqual(PROSE);
      expect(text).not.toMatch(/[\ue000-\uf8ff]/);
    });
  }

  it('the same words inside a sentence are article text', () => {
    // 关注 and 知道了 in PROSE[1] and PROSE[2] survive above; a line that only mentions an app does too
    for (const line of [
      '记者下载客户端后发现，注册需要实名认证。',
      '他说：“我知道了。”',
      '关注民生，是这次调研的出发点。',
      '该APP上线一年，用户突破百万。',
      '声明：本公司将于下月起调整部分产品价格，此前已有预告。',
    ])
      expect(isBoilerplateLine(line), line).toBe(false);
    for (const line of [
      '自动播放',
      '知道了',
      '打开APP',
      '举报',
      '关注',
      '+ 关注',
      '下载客户端',
      '新酷产品第一时间免费试玩',
      '稿件来源：长春日报',
      '本文转自：示例日报',
      '（实习编辑：李四）',
      '新酷产品第一时间免费试玩，还有众多优质达人分享独到生活经验，快来体验吧~！下载客户端还能获得专享福利哦！',
      '自动播放 新能源车充电桩进小区：三种方案对比',
      '特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。',
      '声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。',
      'Notice: The content above (including the pictures and videos if any) is uploaded and posted by a user of NetEase Hao, which is a social media platform and only provides information storage services.',
    ])
      expect(isBoilerplateLine(line), line).toBe(true);
  });

  it("a site's rights notice is not article text, in its many wordings; a sentence about copying is", () => {
    for (const line of [
      '39健康网(www.39.net)专稿，未经书面授权请勿转载。',
      '本文为示例网原创，未经许可不得转载。',
      '未经本网站同意，禁止复制或使用本文内容',
    ])
      expect(isBoilerplateLine(line), line).toBe(true);
    expect(isBoilerplateLine('法院认定，被告未经许可使用原告作品，构成侵权。')).toBe(false);
  });

  it('a promotion with a bracketed call to action is not article text; a sentence about voting is', () => {
    for (const line of [
      '“2018十大经济年度人物评选”火热进行中！【点击投票】Pick你心目中的商业领袖',
      '冰雪季门票限时优惠【立即购买】',
      '更多精彩内容[点击进入专题]',
    ])
      expect(isBoilerplateLine(line), line).toBe(true);
    expect(isBoilerplateLine('评选活动于本月底截止，读者可点击投票页面参与。')).toBe(false);
  });

  it('icon-font glyphs (private-use code points) are stripped from every text node', () => {
    const doc = new JSDOM('<div><p>\ue600分享 正文\uf8ff内容</p><span>\u{f0001}</span></div>').window
      .document;
    const root = doc.querySelector('div')!;
    stripPrivateUse(root);
    expect(root.textContent).toBe('分享 正文内容');
  });

  it('a glyph-only icon line disappears from a cleaned body, a glyph before a word leaves the word', () => {
    const doc = new JSDOM(
      `<div><p>${PROSE[0]}</p><p>\ue605</p><p>\ue610 点击展开</p><p>第二段\ue611正文。</p></div>`,
    ).window.document;
    const root = doc.querySelector('div')!;
    cleanBody(root, { baseUrl: 'https://example.cn/', chinese: true });
    expect([...root.querySelectorAll('p')].map((p) => p.textContent)).toEqual([PROSE[0], '第二段正文。']);
  });
});

describe('Western news chrome stays out of the body', () => {
  const STORY = [
    'The city council voted on Tuesday to expand the bike lane network across the downtown core, after months of debate.',
    'Supporters said the plan would make commuting safer, while several shop owners worried about losing parking spaces.',
    'The first new lanes are expected to open next spring, according to the transportation department.',
  ];

  it('ad markers, reading breaks, newsletter prompts and pointer links go; sentences mentioning them stay', () => {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council expands bike lanes</title></head><body>
<article><h1>Council expands bike lanes</h1>
<p>${STORY[0]}</p><p>Advertisement</p><p>Continue reading the main story</p>
<p>${STORY[1]}</p><p>Related: <a href="/other">Downtown parking prices rise again</a></p>
<p>Sign up for our Morning Briefing newsletter</p><p>${STORY[2]}</p><p>Story continues below advertisement</p>
</article></body></html>`;
    const url = 'https://news.example.com/2024/03/02/bike-lanes';
    expect(extractText(html, url).split('\n')).toEqual(STORY);
    expect(isWesternChrome('Related: the council published its report in March.', 0)).toBe(false);
    expect(isWesternChrome('Advertising revenue fell sharply last year, the company said.', 0)).toBe(false);
  });

  it("a photo gallery's caption toggles, slide counters and pager go; numbers in a table stay", () => {
    const pager = ['<<', '<', '1', '2', '3', '4', '>', '>>'].map((t) => `<li>${t}</li>`).join('');
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council expands bike lanes</title></head><body>
<article><h1>Council expands bike lanes</h1>
<p>${STORY[0]}</p><figure><img src="/a.jpg"><figcaption>Cyclists on Main Street.</figcaption></figure>
<p>HIDE CAPTION</p><p>1 of 4</p><ul>${pager}</ul><p>toggle caption</p>
<p>${STORY[1]}</p><table><tr><td>Lanes</td><td>1</td></tr><tr><td>Miles</td><td>2</td></tr><tr><td>Years</td><td>3</td></tr></table>
<p>${STORY[2]}</p><p>Next</p>
</article></body></html>`;
    const url = 'https://news.example.com/2024/03/02/bike-lanes';
    expect(extractText(html, url).split('\n')).toEqual([
      STORY[0],
      'Cyclists on Main Street.',
      STORY[1],
      'Lanes',
      '1',
      'Miles',
      '2',
      'Years',
      '3',
      STORY[2],
    ]);
  });

  it('every "Related Stories" / "Most Popular" heading goes with the story links under it', () => {
    const links = (n: number) =>
      `<ul>${[1, 2, 3].map((i) => `<li><a href="/s/${n}${i}">Another story about the city budget ${n}${i}</a></li>`).join('')}</ul>`;
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council expands bike lanes</title></head><body>
<article><h1>Council expands bike lanes</h1>
<p>${STORY[0]}</p><h3>Related Stories</h3>${links(1)}
<p>${STORY[1]}</p><h3>Most Popular</h3>${links(2)}
<p>${STORY[2]}</p>
</article></body></html>`;
    const url = 'https://news.example.com/2024/03/02/bike-lanes';
    expect(extractText(html, url).split('\n')).toEqual(STORY);
  });
});
