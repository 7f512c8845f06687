/**
 * Every page-derived HTML string passes here before it is stored or shown. DOMPurify does the
 * parsing-level work (mXSS, namespace confusion); this module only sets a strict allowlist.
 */
import createDOMPurify, { type Config, type WindowLike } from 'dompurify';

const ALLOWED_TAGS = [
  // the parsed fragment's own <body>: were it not allowed, DOMPurify would copy all its content out
  // of it on every call, to no end (the result is its inner HTML; the parser never nests a body)
  'body',
  'p',
  'br',
  'hr',
  'div',
  'span',
  'section',
  'article',
  'blockquote',
  'pre',
  'code',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'small',
  'mark',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'a',
  'img',
  'figure',
  'figcaption',
  'picture',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'colgroup',
  'col',
];
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'colspan', 'rowspan', 'width', 'height', 'lang', 'dir'];

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  // DOMPurify's default pattern narrowed to http(s) and mailto: any other scheme is dropped, while
  // scheme-less values (relative URLs, colspan="2", alt text) pass. data: stays allowed on img only.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  FORBID_TAGS: [
    'style',
    'script',
    'iframe',
    'frame',
    'object',
    'embed',
    'form',
    'input',
    'base',
    'meta',
    'link',
    'svg',
    'math',
  ],
  KEEP_CONTENT: true,
};

type Purifier = ReturnType<typeof createDOMPurify>;
const purifiers = new WeakMap<object, Purifier>();

function purifierFor(win: WindowLike): Purifier {
  let purifier = purifiers.get(win);
  if (!purifier) {
    purifier = createDOMPurify(win);
    // set once: a config passed to every sanitize() call is parsed (its allowlists copied) each time
    purifier.setConfig(CONFIG);
    // Links in clips leave the extension without handing it a window reference or a referrer.
    purifier.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName === 'A' && node.hasAttribute('href')) {
        node.setAttribute('rel', 'noopener noreferrer');
        node.setAttribute('target', '_blank');
      }
    });
    purifiers.set(win, purifier);
  }
  return purifier;
}

/** Sanitized HTML; `win` is any window with a DOM (the page, an extension page, jsdom). */
export function sanitizeHtml(html: string, win: WindowLike): string {
  return purifierFor(win).sanitize(html) as string;
}
