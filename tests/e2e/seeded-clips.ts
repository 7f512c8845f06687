/** Clip records that pass the worker's validation, with tags, a note and an older version (e2e seeds). */
import { makeArticle } from '../unit/article-factory';

export function seededClip(i: number) {
  const url = `https://news.example.cn/a/202401/${2000 + i}.html`;
  return {
    ...makeArticle({
      title: `吉林雾凇节开幕 第${i}篇`,
      kicker: '“冰雪季”系列报道：',
      articleId: String(2000 + i),
      url,
      canonicalUrl: url,
      excerpt: null,
      contentHtml: `<p>雾凇岛的清晨，游客如织。第${i}篇正文。</p>`,
      textContent: `雾凇岛的清晨，游客如织。第${i}篇正文。`,
    }),
    id: `seeded-${i}`,
    host: 'news.example.cn',
    clippedAt: `2025-01-0${i}T00:00:00.000Z`,
    updatedAt: `2025-02-0${i}T00:00:00.000Z`,
    tags: ['旅游', `标签${i}`],
    note: `笔记：第${i}篇\n第二行`,
    versions: [
      {
        savedAt: `2025-01-0${i}T00:00:00.000Z`,
        title: `吉林雾凇节 旧标题${i}`,
        contentHtml: '<p>旧的正文</p>',
        textContent: '旧的正文',
        snapshot: null,
      },
    ],
    assets: [],
    snapshot: null,
    notes: [],
    gone: null,
  };
}
