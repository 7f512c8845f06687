import type { CmsRule } from '../../types';

/**
 * WordPress. `wp-content`/`wp-includes` asset paths and the generator meta. Themes follow the
 * default themes' markup: the post in `.entry-content` (themes use it for comments too, so it is no
 * body selector), the title in `.entry-title`, the time in `time.entry-date[datetime]` and
 * `article:published_time`, the author in `.byline .author` or a `rel="author"` link. Sharing and
 * related-posts plugins (Jetpack) append their widgets to the post.
 */
export const rule: CmsRule = {
  name: 'wordpress',
  fingerprint: { generator: /^WordPress/i, asset: /\/wp-(content|includes)\// },
  title: ['h1.entry-title', 'article .entry-title'],
  published: [
    ['meta[property="article:published_time"]', 'content'],
    ['time.entry-date[datetime]', 'datetime'],
  ],
  // a blog is its own source; the byline names the person
  source: [['meta[property="og:site_name"]', 'content']],
  // the hCard name (`.vcard .fn`) is the name alone; the byline element may say `By:` before it
  authors: {
    from: ['.byline .author .fn', '.byline .author a', '.byline .author', 'a[rel="author"]'],
    transform: (text) => text.replace(/^(by|作者)\s*[:：]?\s*/i, ''),
  },
  // No body selector: themes reuse `.entry-content` for comments and widgets, and their semantic
  // markup is what Readability reads best; the rule only removes the plugins' widgets from its body.
  remove: ['.sharedaddy', '.jp-relatedposts', '.sd-sharing-enabled', '.wp-block-buttons'],
};
