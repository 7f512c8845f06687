/** Article ids: generic URL shapes, and a rule's own patterns, which may read the query too. */
import { describe, expect, it } from 'vitest';
import { articleIdFromUrl } from '@/utils/extract/article-id';

describe('article ids from URLs', () => {
  it.each([
    ['https://news.cnjiwang.com/jlgakx/ztxc/201903/2840720.html', '2840720'],
    ['https://www.example.cn/a/123456_2.shtml', '123456'],
    ['https://www.example.cn/about.html', null],
  ])('%s → %s', (url, id) => {
    expect(articleIdFromUrl(url)).toBe(id);
  });

  it("a rule's pattern may match the query (PHPCMS, Discuz!)", () => {
    expect(
      articleIdFromUrl('https://www.example.cn/index.php?m=content&c=index&a=show&catid=2&id=345', [
        /[?&]id=(\d+)/,
      ]),
    ).toBe('345');
    expect(
      articleIdFromUrl('https://bbs.example.cn/forum.php?mod=viewthread&tid=6789&page=1', [/[?&]tid=(\d+)/]),
    ).toBe('6789');
  });

  it('the generic shapes never read the query', () => {
    expect(articleIdFromUrl('https://www.example.cn/list.html?page=123456')).toBeNull();
  });
});
