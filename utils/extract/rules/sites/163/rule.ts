import type { SiteRule } from '../../types';

/**
 * 网易 (163.com) articles and 网易号 (dy) pages: `…/article/<16-character id>.html`. Title
 * `h1.post_title`, the time and 来源 in `.post_info` (followed by 举报), the body `.post_body`, the
 * editor `责任编辑：…_NF1234` in `.post_author` after it.
 */
export const rule: SiteRule = {
  name: '163',
  hosts: ['163.com'],
  paths: [/\/article\/[A-Z0-9]{12,20}\.html$/i],
  title: ['h1.post_title', '.post_content_main h1'],
  published: ['.post_info', '.post_time_source'],
  source: ['.post_info a', '.post_time_source a', '#ne_article_source'],
  editors: ['.post_author', '.ep-editor'],
  body: ['.post_body', '#endText'],
  remove: ['.post_author', '.ep-source', '.post_btns', '.post_top_tie'],
  articleId: [/\/article\/([A-Z0-9]{12,20})\.html$/i],
};
