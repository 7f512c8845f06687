import type { CmsRule } from '../../types';

/**
 * MediaWiki: Wikipedia in every language and the wikis built on it (Fandom, Moegirl, the Baidu-style
 * encyclopaedias that copy its markup). The generator meta says `MediaWiki 1.x`; the article is the
 * parser's output in `#mw-content-text`. Around the prose the parser writes furniture a reader of the
 * article does not want in a clip: `[编辑]`/`[edit]` links on every heading, the navigation boxes
 * (tables of links to other articles), the table of contents and maintenance notices. The infobox
 * (the article's facts at a glance) stays, and so do the inline citation marks (`[3]`) and the
 * reference list they point to: a clip is kept for its sources as much as for its prose.
 */
export const rule: CmsRule = {
  name: 'mediawiki',
  fingerprint: { generator: /^MediaWiki\b/i, element: '#mw-content-text .mw-parser-output' },
  // some wikis put a section-0 edit link in the heading itself
  title: { from: ['#firstHeading', 'h1.firstHeading'], drop: ['.mw-editsection'] },
  body: ['#mw-content-text .mw-parser-output', '#mw-content-text'],
  remove: [
    '.mw-editsection',
    '.navbox',
    '.navbox-styles',
    '.vertical-navbox',
    '.sidebar',
    '#toc',
    '.toc',
    '.hatnote',
    '.ambox',
    '.metadata',
    '.noprint',
    '.sistersitebox',
    '.mw-empty-elt',
    '.catlinks',
  ],
};
