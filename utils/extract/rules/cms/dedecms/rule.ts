import type { CmsRule } from '../../types';

/**
 * 织梦 DedeCMS. The click counter `/plus/count.php?view=yes&aid=…`, templates under `/templets/`,
 * uploads under `/uploads/allimg/`. The default article page (article_article.htm) puts the title
 * in `.viewbox .title h2`, the 时间/来源/作者/点击 line in `.viewbox .info` (labels in `<small>`),
 * the body in `.viewbox .content`, and the breadcrumb (当前位置) in `.place`.
 */
export const rule: CmsRule = {
  name: 'dedecms',
  fingerprint: {
    generator: /DedeCMS/i,
    asset: /\/plus\/(count|ad_js|diy)\.php|\/templets\/|\/uploads\/allimg\//i,
  },
  title: ['.viewbox .title h2', '.viewbox .title'],
  published: ['.viewbox .info'],
  source: ['.viewbox .info'],
  authors: ['.viewbox .info'],
  section: ['.place'],
  body: ['.viewbox .content'],
  remove: ['.boxoff', '.handle', '.context', '.newdigg', '.dede_pages'],
};
