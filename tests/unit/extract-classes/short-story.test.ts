/**
 * Failure class 5 (modern pages): a short story above a comment thread or a recommendation feed.
 * Readability drops blocks named comment, related or sidebar in English, but Chinese sites name
 * them in pinyin and abbreviations (pinglun, cmt, tuijian, xgxw, cnxh), and under a two-paragraph
 * news flash such a block holds more text than the story and was taken for it.
 */
import { describe, expect, it } from 'vitest';
import { extract, extractHtml, PARAGRAPHS } from './page';

const FLASH = [
  '记者从市气象局获悉，受冷空气影响，今天夜间到明天我市将出现一次明显降温降雪天气过程，最低气温将降至零下十五摄氏度。',
  '气象部门提醒广大市民注意防寒保暖，出行注意交通安全。',
];
const COMMENT =
  '这天气说变就变，昨天还挺暖和的，今天就开始下雪了，大家出门一定要注意安全，多穿点衣服，别感冒了。';
const CARD =
  '近日，受强冷空气影响，我国中东部地区将迎来大范围雨雪降温天气，部分地区降温幅度可达十度以上，各地相关部门已经启动应急预案。';

const comments = (listClass: string, itemClass: string) =>
  `<div class="${listClass}">${Array.from(
    { length: 12 },
    (_, i) =>
      `<div class="${itemClass}"><span>网友${i}</span><p>${COMMENT}第${i}条</p><span>2024-12-01 10:2${i % 10}</span></div>`,
  ).join('')}</div>`;
const feed = (listClass: string, itemClass: string) =>
  `<div class="${listClass}">${Array.from(
    { length: 10 },
    (_, i) =>
      `<div class="${itemClass}"><h3><a href="/a/${i}.html">全国多地迎来降温降雪天气 第${i}篇</a></h3><p>${CARD}</p><span>示例新闻 · 3小时前</span></div>`,
  ).join('')}</div>`;

describe('a short story above a comment thread or a recommendation feed', () => {
  it.each([
    [
      'a comment thread named in pinyin',
      `<div class="pinglun"><h3>网友评论</h3>${comments('list', 'item')}</div>`,
    ],
    ['a comment list named by abbreviation', comments('cmt-list', 'cmt-item')],
    ['a recommendation feed', `<div class="recommend-feed"><h3>为你推荐</h3>${feed('list', 'card')}</div>`],
    ['feed cards in an unnamed list', feed('list-box', 'feed-card')],
    ['related stories named in pinyin', feed('xgxw', 'item')],
  ])('%s is not the story', (_, after) => {
    const a = extract({ paragraphs: FLASH, after });
    expect(a.textContent).toContain(FLASH[0]);
    expect(a.textContent).not.toContain(COMMENT);
    expect(a.textContent).not.toContain(CARD);
  });

  it.each([
    ['a comment thread', comments('list', 'item')],
    ['a feed of story cards', feed('box', 'card')],
    [
      'a list of linked stories with their summaries',
      `<h3>相关新闻</h3><ul class="news">${Array.from(
        { length: 8 },
        (_, i) => `<li><a href="/a/${i}.html">全国多地迎来降温降雪天气 第${i}篇</a><p>${CARD}</p></li>`,
      ).join('')}</ul>`,
    ],
  ])('%s that no class names is not the story: the story right above it is', (_, list) => {
    // the list in a container of its own after the story's
    const a = extract({ paragraphs: FLASH, after: `</div><div class="box">${list}` });
    expect(a.textContent).toContain(FLASH[0]);
    expect(a.textContent).toContain(FLASH[1]);
    expect(a.textContent).not.toContain(COMMENT);
    expect(a.textContent).not.toContain(CARD);
  });

  it('a live report of timed entries under its lead, in one container, stays whole', () => {
    const entries = Array.from(
      { length: 8 },
      (_, i) => `<div class="entry"><span>10:2${i}</span><p>${COMMENT}第${i}条</p></div>`,
    ).join('');
    const a = extract({ paragraphs: [FLASH[0]!], after: entries });
    expect(a.textContent).toContain(FLASH[0]);
    expect(a.textContent).toContain(`${COMMENT}第7条`);
  });

  it('a story whose own container is named content beside feed keeps its text', () => {
    const a = extract({
      paragraphs: [],
      after: `<div class="feed-content">${FLASH.map((p) => `<p>${p}</p>`).join('')}</div>`,
    });
    expect(a.textContent).toContain(FLASH[1]);
  });
});

describe("a comment thread's heading inside the body ends the story", () => {
  // the thread flat in the story's own container: name, text, time and buttons as sibling blocks
  const thread = (heading: string) =>
    `${heading}${Array.from(
      { length: 4 },
      (_, i) =>
        `<div>网友${i}</div><div>${COMMENT}第${i}条</div><div>${i + 1}小时前</div><div>回复 举报</div>`,
    ).join('')}`;

  it.each(['<h3>热门评论 10条</h3>', '<h4>网友评论</h4>', '<div>全部评论(12)</div>'])(
    '%s and the thread after it leave the body',
    (heading) => {
      const a = extract({ paragraphs: [...FLASH, CARD], after: thread(heading) });
      expect(a.textContent.split('\n')).toEqual([...FLASH, CARD]);
    },
  );

  it('a paragraph labelled 网友评论 ends nothing: the story goes on after it', () => {
    const quote = '网友“雪乡人”说：今年的雪来得真早，孩子们高兴坏了。';
    const a = extract({ paragraphs: [...FLASH, '网友评论', quote, CARD] });
    expect(a.textContent.split('\n')).toEqual([...FLASH, quote, CARD]);
  });
});

describe("a feed's card is not a short story", () => {
  // Readability counts link density inside a candidate, not above it: a card's summary in a box
  // inside its link scores as prose, and on a page whose class names say nothing it can outscore
  // the story
  const SUMMARY =
    '指数午前高开低走，和直播间一早分析一致。板块红盘居多，表现强势的是边缘计算、数字孪生、国产操作系统、超清视频、物联网、通信等，绿盘的是猪肉、港口。个股表现看，红盘两千七百多家，上涨居多，涨停五十七家，涨停集中在科技股，技术看，超跌反弹依旧是主力，此外就是趋势股。';
  const page = (story: readonly string[], cards: string, title = '寒潮来袭 我市明起降温降雪') =>
    `<!doctype html><html><head><meta charset="utf-8"><title>${title}_新闻中心</title></head><body>
<div class="wrap"><div class="zuo"><h1>${title}</h1><div class="xx"><span>2024年12月01日 10:23</span> <span>来源：示例晚报</span></div>
<div class="zw">${story.map((p) => `<p>${p}</p>`).join('')}</div><p>责任编辑：王三</p></div>
<div class="you"><div class="mk"><h2>直播间</h2>${cards}</div></div></div></body></html>`;
  // six cards, the second with a long summary
  const cards = (card: (text: string, i: number) => string) =>
    Array.from({ length: 6 }, (_, i) => card(i === 1 ? SUMMARY : '今天市场情绪不错，关注科技股。', i)).join(
      '',
    );

  it.each([
    [
      'list items, each a link around its name and summary',
      `<ul>${cards((text, i) => `<li><a href="/live/${i}.html"><div><div>牛骑士${i}</div><div>${text}</div></div></a></li>`)}</ul>`,
    ],
    [
      'boxes, each a link around a box of a heading and a paragraph',
      cards(
        (text, i) =>
          `<div><a href="/live/${i}.html"><div><h3>直播间第${i}期</h3><p>${text}</p></div></a></div>`,
      ),
    ],
    [
      'links straight in the column, each around a box',
      cards(
        (text, i) => `<a href="/live/${i}.html"><section><span>牛骑士${i}</span><p>${text}</p></section></a>`,
      ),
    ],
  ])('%s: the story is the body', (_, feed) => {
    const a = extractHtml(page(FLASH, feed));
    expect(a.textContent.split('\n')).toEqual(FLASH);
  });

  it('on an English page too', () => {
    const story = [
      'The city council voted on Tuesday to approve a new plan for public transit, ending months of debate.',
      'The first new routes are expected to open next year, officials said.',
    ];
    const summary =
      'Markets opened higher and drifted lower, as the morning show had said they would. Most sectors were up, led by chips, cloud software, operating systems, video and networking, while food and shipping fell; of the stocks that moved, gainers far outnumbered losers, and the day was led by tech.';
    const feed = Array.from(
      { length: 6 },
      (_, i) =>
        `<li><a href="/live/${i}.html"><div><div>Live ${i}</div><div>${i === 1 ? summary : 'Markets were calm today.'}</div></div></a></li>`,
    ).join('');
    const a = extractHtml(
      `<!doctype html><html lang="en"><head><title>Council approves transit plan</title></head><body>
<div><div><h1>Council approves transit plan</h1><div>${story.map((p) => `<p>${p}</p>`).join('')}</div></div>
<div><h2>Live</h2><ul>${feed}</ul></div></div></body></html>`,
      'https://www.example-news.com/2024/12/01/transit.html',
    );
    expect(a.textContent.split('\n')).toEqual(story);
  });

  it('a story an unclosed link swallowed stays the body: one link around blocks is no feed', () => {
    // `<a href=…>` never closed: the parser nests every paragraph after it inside the link
    const long = [...PARAGRAPHS, ...PARAGRAPHS.map((p) => `另据了解，${p}`)];
    const a = extractHtml(
      `<!doctype html><html><head><meta charset="utf-8"><title>长白山冰雪季开幕</title></head><body>
<h1>长白山冰雪季开幕</h1><div><a href="/photo.html">图集<div>${long.map((p) => `<p>${p}</p>`).join('')}</div></div></body></html>`,
    );
    expect(a.textContent).toContain(long[5]);
  });
});

describe("other stories' teaser cards beside a short story", () => {
  // modules of cards (热门新闻, 娱乐热点) whose class names say nothing: Readability keeps them beside a
  // two-paragraph story, and a summary with a full stop in it read as the story's prose
  const SUMMARY = (i: number) =>
    `当地时间12月1日，第${i}届冰雪电影节在长春开幕。来自十余个国家和地区的近百部影片参加展映，开幕式上，多位中外影人亮相红毯，观众热情高涨，现场气氛热烈，…`;
  const HEADLINE = (i: number) => `第${i}届冰雪电影节在长春开幕 百部影片展映`;
  const page = (modules: string) =>
    `<!doctype html><html><head><meta charset="utf-8"><title>寒潮来袭 我市明起降温降雪_新闻中心</title></head><body>
<div><div><div><h1>寒潮来袭 我市明起降温降雪</h1><div><span>2024年12月01日 10:23</span> <span>来源：示例晚报</span></div>
<div>${FLASH.map((p) => `<p>${p}</p>`).join('')}</div></div>${modules}</div></div></body></html>`;
  const modules = (list: (cards: string) => string, card: (i: number) => string) =>
    ['热门新闻', '娱乐热点', '推荐'].map(
      (heading) => `<div><div>${heading}</div>${list([1, 2, 3, 4, 5].map(card).join(''))}</div>`,
    );

  it.each([
    [
      'list items: a heading link over its summary',
      modules(
        (cards) => `<ul>${cards}</ul>`,
        (i) => `<li><h3><a href="/n/${i}.html">${HEADLINE(i)}</a></h3><p>${SUMMARY(i)}</p></li>`,
      ),
    ],
    [
      'list items: a link, the summary cut with ..., its date',
      modules(
        (cards) => `<ul>${cards}</ul>`,
        (i) =>
          `<li><div><a href="/n/${i}.html">${HEADLINE(i)}</a></div><div>${SUMMARY(i).replace('…', '...')}</div><div>2024-12-01</div></li>`,
      ),
    ],
    [
      'boxes: a heading link over its summary',
      modules(
        (cards) => `<div>${cards}</div>`,
        (i) => `<div><h3><a href="/n/${i}.html">${HEADLINE(i)}</a></h3><div>${SUMMARY(i)}</div></div>`,
      ),
    ],
    [
      'boxes: a link, its date and source, the summary cut with ……',
      modules(
        (cards) => `<div>${cards}</div>`,
        (i) =>
          `<div><p><a href="/n/${i}.html">${HEADLINE(i)}</a></p><p>2024-12-01 示例网</p><p>${SUMMARY(i).replace('…', '……')}</p></div>`,
      ),
    ],
  ])('%s: none of them is in the body', (_, cards) => {
    const a = extractHtml(page(cards.join('')));
    expect(a.textContent.split('\n')).toEqual(FLASH);
  });

  it("a story's own paragraph trailing off stays", () => {
    const last = '雪越下越大，街上的行人越来越少，远处的路灯在风雪中若隐若现……';
    const a = extractHtml(page(`<div><p>${last}</p></div>`));
    expect(a.textContent).toContain(last);
  });

  it('a digest whose story is one linked headline over its summary keeps the summary', () => {
    const a = extractHtml(
      page('').replace(
        FLASH.map((p) => `<p>${p}</p>`).join(''),
        `<p><a href="/n/1.html">${HEADLINE(1)}</a></p><p>${SUMMARY(1)}</p>`,
      ),
    );
    expect(a.textContent).toContain(SUMMARY(1));
  });
});
