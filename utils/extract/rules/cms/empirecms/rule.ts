import type { CmsRule } from '../../types';

/**
 * 帝国 EmpireCMS. Dynamic parts come from `/e/public/` (the click counter `ViewClick`), `/e/extend/`
 * and `/e/data/js/`; skins under `/skin/ecms/`; uploads under `/d/file/`. The default news page puts
 * the title in `.title_info h1`, the 发布时间/来源/作者/点击 line in `.title_info .info`, the body
 * (`[!--newstext--]`) in `#text`, the breadcrumb in `.position`.
 */
export const rule: CmsRule = {
  name: 'empirecms',
  fingerprint: {
    generator: /EmpireCMS/i,
    asset: /\/e\/(public|extend|data\/js)\/|\/skin\/ecms\/|\/d\/file\//i,
  },
  title: ['.title_info h1'],
  published: ['.title_info .info'],
  source: ['.title_info .info'],
  authors: ['.title_info .info'],
  section: ['.position'],
  body: ['#text', '.newstext'],
  remove: ['.digg', '.listpage'],
};
