import type { CmsRule } from '../../types';
import { generator, hasAssetPath } from '../fingerprint';

/**
 * WordPress. `wp-content`/`wp-includes` asset paths and the generator meta. Themes follow the
 * default themes' markup: the post in `.entry-content`, the title in `.entry-title`, the time in
 * `time.entry-date[datetime]` and `article:published_time`, the author in `.byline .author` or a
 * `rel="author"` link. Sharing and related-posts plugins (Jetpack) append their widgets to the post.
 */
export const rule: CmsRule = {
  name: 'wordpress',
  detect: (doc) => /^WordPress/i.test(generator(doc)) || hasAssetPath(doc, /\/wp-(content|includes)\//),
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
  body: ['.entry-content'],
  remove: ['.sharedaddy', '.jp-relatedposts', '.sd-sharing-enabled', '.wp-block-buttons'],
};
