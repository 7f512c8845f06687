/**
 * The 中国吉林网 rule in the real extension: the fixture page is served locally but opened under its
 * real hostname (Chromium's --host-resolver-rules), so the rule is picked exactly as on the site.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ARTICLE, SEED_PARAGRAPHS } from '../fixtures/cnjiwang-2840720';
import { clipFromToolbar, launch, serve, storedClips, type Browser, type FixtureServer } from './harness';

const PATH = '/jlgakx/201903/2840720.html';
const page = fs.readFileSync('utils/extract/rules/sites/cnjiwang/fixture.html', 'utf8');

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
    expect(clip).toMatchObject({ ...SEED_ARTICLE, url });
    const paragraphs = String(clip.textContent).split('\n');
    expect(paragraphs).toHaveLength(SEED_PARAGRAPHS.count);
    expect(paragraphs[0]).toMatch(SEED_PARAGRAPHS.first);
    expect(paragraphs.at(-1)).toMatch(SEED_PARAGRAPHS.last);
    await popup.close();
  });
});
