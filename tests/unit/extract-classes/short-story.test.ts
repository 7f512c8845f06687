/**
 * Failure class 5 (modern pages): a short story above a comment thread or a recommendation feed.
 * Readability drops blocks named comment, related or sidebar in English, but Chinese sites name
 * them in pinyin and abbreviations (pinglun, cmt, tuijian, xgxw, cnxh), and under a two-paragraph
 * news flash such a block holds more text than the story and was taken for it.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './page';

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
