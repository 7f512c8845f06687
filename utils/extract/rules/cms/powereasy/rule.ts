import type { CmsRule } from '../../types';

/**
 * 动易 PowerEasy (SiteWeaver). Skins under `/Skin/`, scripts under `/js/` with PowerEasy names,
 * article URLs `/Item/123.aspx`, `Powered by PowerEasy` in the generator or copyright. The article
 * template puts the title in `.article_title`, the 作者/文章来源/点击数/更新时间 line in `.article_info`,
 * the body in `#fontzoom` (the 字体：大 中 小 switch resizes it) and the breadcrumb in `.location`.
 */
export const rule: CmsRule = {
  name: 'powereasy',
  fingerprint: {
    generator: /PowerEasy/i,
    element: 'meta[name="copyright" i][content*="PowerEasy" i]',
    asset: /PowerEasy|\/js\/(PE_|pe_)\w+\.js/i,
    // its article address alone is too common a shape: with the theme's /Skin/ assets it counts
    test: (page, url) => /^\/Item\/\d+\.aspx$/i.test(url.pathname) && page.hasAsset(/\/Skin\//),
  },
  title: ['.article_title h1', '.article_title', '.main_ArticleTitle'],
  published: ['.article_info', '.main_ArticleInfo'],
  source: ['.article_info', '.main_ArticleInfo'],
  authors: ['.article_info', '.main_ArticleInfo'],
  // the breadcrumb's first link is the site's home page under the site's name
  section: { from: ['.location', '.main_location'], drop: ['a:first-of-type'] },
  body: ['#fontzoom', '.article_content', '.main_ArticleContent'],
  remove: ['.article_fontsize', '.article_tools'],
  articleId: [/\/Item\/(\d+)\.aspx$/i],
};
