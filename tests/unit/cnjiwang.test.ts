/**
 * The clip the issue specifies for the 中国吉林网 article in ../shared/seed/ (rebuilt as our own
 * fixture page), field by field — independent of the rule's expected.json.
 */
import fs from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/utils/extract';
import { SEED_ARTICLE, SEED_PARAGRAPHS } from '../fixtures/cnjiwang-2840720';

const URL = 'http://news.cnjiwang.com/jlgakx/ztxc/201903/2840720.html';
const html = fs.readFileSync('utils/extract/rules/sites/cnjiwang/fixture.html', 'utf8');

describe('中国吉林网 article 2840720', () => {
  const article = extractArticle(new JSDOM(html, { url: URL }).window.document, URL);

  it('has the structured fields of the issue', () => {
    expect(article).toMatchObject(SEED_ARTICLE);
  });

  it('has exactly the 13 paragraphs, without slogan, breadcrumb, editor, hotline or share text', () => {
    const paragraphs = article.textContent.split('\n');
    expect(paragraphs).toHaveLength(SEED_PARAGRAPHS.count);
    expect(paragraphs[0]).toMatch(SEED_PARAGRAPHS.first);
    expect(paragraphs.at(-1)).toMatch(SEED_PARAGRAPHS.last);
    expect(article.contentHtml.match(/<p>/g)).toHaveLength(13);
    for (const junk of ['有思想', '您当前的位置', '编辑', '热线', '分享', '相关新闻', '\u3000'])
      expect(article.textContent + article.contentHtml).not.toContain(junk);
  });
});
