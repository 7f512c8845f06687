/**
 * The clip the issue specifies for the 中国吉林网 article in ../shared/seed/ (rebuilt as our own
 * fixture page), field by field — independent of the rule's expected.json.
 */
import fs from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/utils/extract';

const URL = 'http://news.cnjiwang.com/jlgakx/ztxc/201903/2840720.html';
const html = fs.readFileSync('utils/extract/rules/cnjiwang/fixture.html', 'utf8');

describe('中国吉林网 article 2840720', () => {
  const article = extractArticle(new JSDOM(html, { url: URL }).window.document, URL);

  it('has the structured fields of the issue', () => {
    expect(article).toMatchObject({
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
    });
  });

  it('has exactly the 13 paragraphs, without slogan, breadcrumb, editor, hotline or share text', () => {
    const paragraphs = article.textContent.split('\n');
    expect(paragraphs).toHaveLength(13);
    expect(paragraphs[0]).toMatch(/^记者：吴副市长你好/);
    expect(paragraphs[12]).toMatch(/感谢吴副市长接受我们的采访。$/);
    expect(article.contentHtml.match(/<p>/g)).toHaveLength(13);
    for (const junk of ['有思想', '您当前的位置', '编辑', '热线', '分享', '相关新闻', '\u3000'])
      expect(article.textContent + article.contentHtml).not.toContain(junk);
  });
});
