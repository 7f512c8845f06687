import type { CmsRule } from '../../types';

/**
 * 大汉 Hanweb JCMS, on many provincial and city government sites. Scripts from `/jcms/` and the
 * paging module `/module/web/jpage/`, article URLs `/art/2021/3/1/art_1621004_30332664.html`
 * (column id, then article id). The article page puts the title in `td.title` / `.article-title`,
 * the 发布日期/信息来源/浏览次数 line right under it, the body in `#zoom`, and the 打印/关闭 bar after it.
 */
export const rule: CmsRule = {
  name: 'hanweb',
  fingerprint: {
    url: /\/art\/\d{4}\/\d{1,2}\/\d{1,2}\/art_\d+_\d+\.html?(?:\?|$)/i,
    asset: /\/jcms\/|\/module\/web\/jpage\/|\/module\/jslib\//i,
    element: 'meta[name="HanWebCMS" i], script[src*="hanweb" i]',
  },
  title: ['.article-title', 'td.title', '#barrierfree_container h1'],
  published: ['.article-info', '.xl_date', 'td.date'],
  source: ['.article-info', '.xl_date', 'td.date'],
  body: ['#zoom', '.article-content', '#barrierfree_container .content'],
  remove: ['.article-tools', '#share', '.bt_link'],
  articleId: [/\/art_\d+_(\d+)\.html?$/i],
};
