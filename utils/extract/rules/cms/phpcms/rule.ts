import type { CmsRule } from '../../types';

/**
 * PHPCMS (v9). Scripts under `/statics/js/`, the hit counter `/api.php?op=count`, dynamic article
 * URLs `index.php?m=content&c=index&a=show&catid=…&id=…`. The default show.html template puts the
 * title and a `<span>` with the time, 来源 and 评论/点击 counters inside one `#Article h1`, the body in
 * `#Article .content`, the breadcrumb in `.crumbs`.
 */
export const rule: CmsRule = {
  name: 'phpcms',
  fingerprint: {
    generator: /phpcms/i,
    url: /[?&]m=content&c=index&a=show\b/,
    asset: /\/statics\/js\/|\/api\.php\?op=count/i,
  },
  title: { from: ['#Article h1'], drop: ['span'] },
  published: ['#Article h1 span'],
  source: ['#Article h1 span'],
  section: ['.crumbs'],
  body: ['#Article .content'],
  remove: ['#pages', '.bk15'],
  // dynamic URLs carry the id in the query; static ones end in <catid>_<id>.html
  articleId: [/[?&]id=(\d+)/, /\/\d+_(\d+)(?:_\d+)?\.html$/],
};
