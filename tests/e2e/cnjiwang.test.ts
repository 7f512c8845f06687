/**
 * The 中国吉林网 rule in the real extension: the fixture page is served locally but opened under its
 * real hostname (Chromium's --host-resolver-rules), so the rule is picked exactly as on the site.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clipFromToolbar, launch, serve, storedClips, type Browser, type FixtureServer } from './harness';

const PATH = '/jlgakx/201903/2840720.html';
const page = fs.readFileSync('utils/extract/rules/cnjiwang/fixture.html', 'utf8');

describe('clipping a 中国吉林网 article', () => {
  let server: FixtureServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serve({ [PATH]: page });
    browser = await launch({ hostRules: [`MAP news.cnjiwang.com 127.0.0.1:${server.port}`] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('stores the structured clip the rule defines', async () => {
    const url = `http://news.cnjiwang.com${PATH}`;
    const tab = await browser.context.newPage();
    await tab.goto(url);
    await tab.bringToFront();
    const { popup, status } = await clipFromToolbar(browser, url);
    expect(status).toBe('saved');
    expect(server.requests).toContain(PATH);

    const clips = await storedClips(browser);
    expect(clips).toHaveLength(1);
    const clip = clips[0]!;
    expect(clip).toMatchObject({
      title: '立足实战着眼风险防控推进“五升一创”战略 以打造更高水平平安白山庆祝新中国70华诞',
      kicker: '“全省公安机关贯彻落实全省公安局处长会议精神”网络访谈之白山',
      subtitle: '——访白山市副市长、公安局长吴强',
      publishedAt: '2019-03-20T11:58:00+08:00',
      source: '中国吉林网',
      editors: ['梁欢欢'],
      authors: [],
      section: ['第一新闻', '吉林公安', '专题宣传'],
      articleId: '2840720',
      extractor: 'rule:cnjiwang',
      url,
    });
    const paragraphs = String(clip.textContent).split('\n');
    expect(paragraphs).toHaveLength(13);
    expect(paragraphs[0]).toMatch(/^记者：吴副市长你好/);
    expect(paragraphs[12]).toMatch(/感谢吴副市长接受我们的采访。$/);
    await popup.close();
  });
});
