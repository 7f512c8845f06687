/** Re-extraction from a snapshot gives what extraction from the live page gave. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/utils/extract';
import { extractSnapshot, snapshotHtml } from '@/utils/extract/in-page';

const URL = 'http://news.example.cn/a/images.html';
const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>长白山冰雪季开幕_示例新闻网</title>
<script>window.x = 1</script></head><body onload="alert(1)">
  <h1>长白山冰雪季开幕</h1><div class="info">2024-12-01 09:30 来源：示例日报</div>
  <div class="TRS_Editor">
    <p>　　长白山冰雪季在池北区正式开幕，来自全国各地的滑雪爱好者齐聚一堂，共赏雾凇奇观。</p>
    <p><img src="/img/local.png" alt="开幕式"></p>
    <p>　　今年的冰雪季将持续到明年三月，期间举办滑雪比赛、冰雕展览和民俗表演等二十余项活动。</p>
    <p><img src="http://img.cdn.example.net/pic/a.png" alt="雾凇"></p>
    <p>　　景区负责人介绍，新建的索道和雪道已全部投入使用，接待能力比去年提高了三成。</p>
  </div></body></html>`;

describe('snapshots', () => {
  it('keep no scripts or handlers, and re-extract to the same article', () => {
    const live = new JSDOM(PAGE, { url: URL }).window;
    const article = extractArticle(live.document, URL);
    const html = snapshotHtml(live.document, URL);
    expect(html).not.toMatch(/<script|onload/i);
    // another window: the re-extraction runs in an extension page, not in the page
    const other = new JSDOM('', { url: 'chrome-extension://abc/reader.html' }).window;
    const again = extractSnapshot([{ url: URL, html }], other as unknown as Window);
    expect(again.images.map((i) => i.src)).toEqual(article.images.map((i) => i.src));
    expect(again.images.map((i) => i.src)).toContain('http://news.example.cn/img/local.png');
    expect({ ...again, pages: [] }).toEqual(article);
  });
});
