import type { Article } from '@/utils/model/article';

/** A valid Article with every field set, for storage tests. */
export function makeArticle(overrides: Partial<Article> = {}): Article {
  const url = overrides.url ?? 'https://news.example.cn/a/202401/1001.html';
  return {
    title: '长白山冰雪季开幕',
    kicker: null,
    subtitle: null,
    authors: ['李明'],
    editors: ['赵雪'],
    source: '示例日报',
    siteName: '示例新闻网',
    publishedAt: '2024-12-01T09:30:00+08:00',
    publishedRaw: '2024-12-01 09:30',
    publishedPrecision: 'minute',
    section: ['新闻', '旅游'],
    articleId: '1001',
    url,
    canonicalUrl: url,
    lang: 'zh-CN',
    excerpt: '长白山冰雪季今日开幕。',
    contentHtml: '<p>长白山冰雪季在池北区正式开幕。</p>',
    textContent: '长白山冰雪季在池北区正式开幕。',
    images: [],
    pages: [],
    extractor: 'generic',
    ...overrides,
  };
}
