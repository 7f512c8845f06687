import type { CmsRule } from '../../types';

/**
 * TRS WCM (拓尔思), on most government and many newspaper sites. The editor's output is wrapped in
 * `div.TRS_Editor` (often around `div.Custom_UnionStyle`, with a `<style>` of its own); pages carry
 * the TRS meta set (`publishdate`, `contentid`, `catalogs`; other systems emit those too, so they are
 * no fingerprint) or the national government set, TRS
 * analytics (`ta.trs.cn`, `trs_*.js`) and document URLs `t20190320_2840720.html` / `content_2840720.htm`.
 * Titles and byline lines are the site's own template: the generic steps read them.
 */
export const rule: CmsRule = {
  name: 'trs',
  fingerprint: {
    element: '.TRS_Editor, .Custom_UnionStyle',
    url: /\/t\d{8}_\d+(?:_\d+)?\.s?html?(?:\?|$)/i,
    asset: /(^|\/\/)ta\.trs\.cn\/|\/trs(ta|wcm)?\w*\.js/i,
  },
  // The editor's container is the body (all of it: an article can hold several Custom_UnionStyle
  // blocks); as the rule's body root it is never taken for a widget by the cleaning.
  body: ['.TRS_Editor', '.Custom_UnionStyle'],
  articleId: [
    /\/t\d{8}_(\d+)(?:_\d+)?\.s?html?$/i, // t20190320_2840720.html (government sites)
    /content_(\d+)(?:_\d+)?\.s?html?$/i, // content_2840720.htm (older newspaper sites)
  ],
};
