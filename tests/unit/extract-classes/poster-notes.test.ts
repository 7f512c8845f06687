/**
 * Failure class: what social and self-media pages print beside the date about the post, not the
 * article. Where it was posted from (`发布于 上海`, `IP属地：广东`, `来自 iPhone客户端`) is no source
 * and no date; the verb after a date (`于 2023-05-12 08:23 发布`) is no outlet, and the name before
 * it is the poster; an interaction link after the source (`参与互动`) is furniture. A label in a table
 * cell of its own is read with the value in the next cell.
 */
import { describe, expect, it } from 'vitest';
import { cutAtFurniture } from '@/utils/extract/furniture';
import { extract } from './page';

const URL = 'https://www.example-news.cn/a/2024/12/01/12345.html';

describe('where the post was made is not its source or date', () => {
  it.each([
    '<div class="meta">2024-12-01 08:23 发布于 上海</div>',
    '<div class="meta">2024-12-01 08:23 发布于：上海市</div>',
    '<div class="meta">2024-12-01 08:23 · IP属地：广东</div>',
    '<div class="meta">2024-12-01 08:23 IP 属地北京</div>',
    '<div class="meta">2024-12-01 08:23 来自 iPhone客户端</div>',
    '<div class="meta"><span>2024-12-01 08:23</span><span>发布于 浙江</span></div>',
    // the region alone, without its 属地 label
    '<div class="meta"><span>2024-12-01 08:23</span><span>四川</span></div>',
    '<div class="meta">2024-12-01 08:23·內蒙古</div>',
  ])('%s', (byline) => {
    const a = extract({ byline, docTitle: '长白山冰雪季开幕 游客同比增长三成' }, URL);
    expect(a.publishedAt).toBe('2024-12-01T08:23:00+08:00');
    expect(a.source).toBeNull();
  });

  it("an author's IP location is cut from the author", () => {
    const a = extract({ byline: '<div class="meta">作者：李四 IP属地：广东 2024-12-01 08:23</div>' }, URL);
    expect(a.authors).toEqual(['李四']);
    expect(cutAtFurniture('李四 IP属地北京')).toBe('李四');
  });

  it('the outlet before the date stays the source when the region follows it', () => {
    const byline =
      '<div class="meta"><span>红星新闻</span><span>2024-12-01 08:23</span><span>四川</span></div>';
    expect(extract({ byline }, URL).source).toBe('红星新闻');
  });

  it('来自 before an outlet names the outlet', () => {
    const a = extract({ byline: '<p class="time">2024年12月01日 08:23:11 来自 北京青年报</p>' }, URL);
    expect(a.source).toBe('北京青年报');
  });
});

describe('a poster and the verb around the date', () => {
  it.each([
    '<div class="bar"><a class="nick">张三</a> <span class="time">于 2024-12-01 08:23:11 发布</span> <span>阅读量1.2k</span> <span>收藏 12</span></div>',
    '<div class="bar"><a class="nick">张三</a> <span class="time">已于 2024-12-01 08:23:11 修改</span></div>',
  ])('%s: the name is the author, the verb is no outlet', (byline) => {
    const a = extract({ byline, docTitle: '长白山冰雪季开幕 游客同比增长三成' }, URL);
    expect(a.authors).toEqual(['张三']);
    expect(a.source).toBeNull();
    expect(a.publishedAt).toBe('2024-12-01T08:23:11+08:00');
  });
});

describe('interaction links after a value', () => {
  it.each([
    ['中国新闻网 参与互动', '中国新闻网'],
    ['新华网 参与讨论', '新华网'],
    ['人民网 我要纠错', '人民网'],
  ])('%s → %s', (value, expected) => {
    expect(cutAtFurniture(value)).toBe(expected);
  });

  it('a source line ending in 参与互动', () => {
    const a = extract(
      { byline: '<div class="t">2024-12-01 08:23　来源：中国新闻网　<a href="#">参与互动</a></div>' },
      URL,
    );
    expect(a.source).toBe('中国新闻网');
  });
});

describe('a label in a table cell of its own', () => {
  it.each([
    [
      '<table><tr><td>来源：</td><td>吉林日报</td><td>发布时间：</td><td>2024-12-01 08:23</td></tr></table>',
      '吉林日报',
      [],
    ],
    [
      '<table><tr><td>发文机关：</td><td>吉林省人民政府办公厅</td></tr><tr><td>发布日期：</td><td>2024-12-01</td></tr></table>',
      null,
      ['吉林省人民政府办公厅'],
    ],
  ])('%s', (byline, source, authors) => {
    const a = extract({ byline, docTitle: '长白山冰雪季开幕 游客同比增长三成' }, URL);
    expect(a.source).toBe(source);
    expect(a.authors).toEqual(authors);
    expect(a.publishedAt?.slice(0, 10)).toBe('2024-12-01');
  });
});
