import type { CmsRule } from '../../types';

/**
 * 博达 VSB (Visual SiteBuilder), on most university and many bureau sites. Scripts from
 * `/system/resource/`, the article form `form[name="_newscontent_fromname"]`, the body in
 * `#vsb_content .v_news_content`, and generated class names with a numeric suffix for the title,
 * time and author (`titlestyle125391`, `timestyle125391`, `authorstyle125391`). The click counter
 * is filled by `_showDynClicks`.
 */
export const rule: CmsRule = {
  name: 'vsb',
  fingerprint: {
    element: '#vsb_content, .v_news_content, form[name="_newscontent_fromname"]',
    asset: /\/system\/resource\/(js|css)\//i,
  },
  title: ['form[name="_newscontent_fromname"] [class^="titlestyle"]', '[class^="titlestyle"]'],
  published: ['[class^="timestyle"]'],
  authors: ['[class^="authorstyle"]'],
  body: ['#vsb_content .v_news_content', '.v_news_content', '#vsb_content'],
  articleId: [/\/info\/\d+\/(\d+)\.htm$/i],
  remove: ['[id^="div_vote_id"]', '[class^="vsbcontent_img"] + script'],
};
