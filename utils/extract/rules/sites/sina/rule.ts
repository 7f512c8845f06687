import type { SiteRule } from '../../types';

/**
 * 新浪 (sina.com.cn) news articles: `…/doc-i<id>.shtml`. Title `h1.main-title`, the time and the
 * 来源 in `.date-source` (`.date`, `.source`), the body `#article` (older pages `#artibody`),
 * `责任编辑：…` in `.show_author` after the body.
 */
export const rule: SiteRule = {
  name: 'sina',
  hosts: ['sina.com.cn'],
  paths: [/\/doc-i[a-z0-9]+\.shtml$/i],
  title: ['h1.main-title', '#artibodyTitle'],
  published: ['.date-source .date', '#pub_date'],
  source: ['.date-source .source', '#media_name'],
  editors: ['.show_author'],
  body: ['#article', '#artibody'],
  remove: ['.article-notice', '.appendQr_wrap', '.show_author', '#left_hzh_ad'],
  articleId: [/\/doc-i([a-z0-9]+)\.shtml$/i],
};
