import type { CmsRule } from '../../types';

/**
 * MediaWiki: Wikipedia in every language and the wikis built on it (Fandom, Moegirl, the Baidu-style
 * encyclopaedias that copy its markup). The generator meta says `MediaWiki 1.x`; the article is the
 * parser's output in `#mw-content-text`. Around the prose the parser writes furniture a reader of the
 * article does not want in a clip: `[编辑]`/`[edit]` links on every heading, the infobox and the
 * navigation boxes (tables of facts and links), the table of contents, maintenance notices, and the
 * reference list at the end. The inline citation marks (`[3]`) stay: they are part of the sentence.
 */
export const rule: CmsRule = {
  name: 'mediawiki',
  fingerprint: { generator: /^MediaWiki\b/i, element: '#mw-content-text .mw-parser-output' },
  // some wikis put a section-0 edit link in the heading itself
  title: { from: ['#firstHeading', 'h1.firstHeading'], drop: ['.mw-editsection'] },
  body: ['#mw-content-text .mw-parser-output', '#mw-content-text'],
  remove: [
    '.mw-editsection',
    '.infobox',
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
    '.mw-references-wrap',
    'ol.references',
    '.reflist',
    '.refbegin',
    '.sistersitebox',
    '.mw-empty-elt',
    '.catlinks',
  ],
};
