import type { HookValues, SiteRule } from '../../types';

/** `var nickname = "…"`, `var ct = "1600000000"`, `publish_time = "2021-03-01"`, `createTime = '…'`. */
function scriptVariable(doc: Document, names: string): string | null {
  const re = new RegExp(`\\b(?:${names})\\s*[:=]\\s*(?:htmlDecode\\()?["']([^"']{1,200})["']`);
  const scripts = doc.querySelectorAll('script:not([src])');
  for (let i = 0; i < Math.min(scripts.length, 60); i++) {
    const m = re.exec(scripts[i]!.textContent ?? '');
    if (m?.[1]?.trim()) return m[1].trim();
  }
  return null;
}

/**
 * WeChat 公众号 articles (mp.weixin.qq.com/s…). The title is `#activity-name`, the account name
 * `#js_name` (the source; also `var nickname` in a script), the body `#js_content`, served with
 * `visibility: hidden` until the page's script runs (the selector finds it either way). The visible
 * publish time `#publish_time` is empty in the served page: the script fills it from `ct` (Unix
 * seconds), `publish_time` or `createTime`. The author line `#js_author_name` names a person
 * when there is one (in older pages, the unnamed meta beside `#post-date`); `meta[name=author]` often
 * repeats the account. Images are lazy in `data-src`.
 */
export const rule: SiteRule = {
  name: 'wechat',
  hosts: ['mp.weixin.qq.com'],
  title: ['#activity-name', ['meta[property="og:title"]', 'content']],
  // #post-user and the <em> beside #post-date: the 2014–2017 layout
  source: ['#js_name', '.profile_nickname', '#post-user'],
  authors: ['#js_author_name', '.rich_media_meta_text:not([id])', ['meta[name="author"]', 'content']],
  published: ['#publish_time'],
  body: ['#js_content', '.rich_media_content'],
  remove: ['.qr_code_pc', '#js_pc_qr_code', '.rich_media_tool', '#js_tags', '.original_area_primary'],
  articleId: [/^\/s\/([\w-]{10,})$/],
  hook: (doc): HookValues => ({
    source: doc.querySelector('#js_name')?.textContent?.trim() ? null : scriptVariable(doc, 'nickname'),
    published: scriptVariable(doc, 'ct|publish_time|createTime'),
  }),
};
