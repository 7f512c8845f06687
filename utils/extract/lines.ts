/**
 * The page as lines of visible text in document order: each block element's own inline text.
 * Byline, date, kicker and breadcrumb detection read these lines instead of walking the DOM again.
 * The walk is iterative (no recursion), so 10,000-deep nesting cannot overflow the stack.
 */
import { collapseSpace } from './text';

export interface Line {
  text: string;
  /** the nearest block element holding the text */
  el: Element;
  /** position in document order */
  index: number;
  /** characters of the line that sit inside links */
  linkChars: number;
  /** inside a small list item or nav (related-news lists, menus); a layout list holding the whole article does not count */
  inList: boolean;
  /** inside a <pre>: code or preformatted text, not prose (a tech blog's language is its prose's) */
  inPre: boolean;
}

export const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'CENTER',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'BR',
  'HTML',
]);

const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'svg',
  'IFRAME',
  'SELECT',
  'OPTION',
  'TEXTAREA',
  'HEAD',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'MAP',
]);
// Related-news lists and menus; an <aside> or <dd> often holds the article's own byline, so not those
const LISTISH = new Set(['LI', 'NAV', 'UL', 'OL']);

export interface LineStats {
  elements: number;
  maxDepth: number;
  /** elements whose inline style hides them without display:none (visibility, opacity): maybe a script-revealed article */
  styleHidden?: number;
}

export interface LineOptions {
  /** stop after this many lines (huge pages) */
  maxLines?: number;
  /**
   * Put a space at inline element boundaries (`<span>18-03-08</span><span>23:16</span>` reads as
   * two words, as it shows). For reading bylines; body text keeps the page's own spacing.
   */
  spaceInline?: boolean;
  /** filled in with the element count and the deepest nesting seen */
  stats?: LineStats;
}

/**
 * What a browser's translation adds to a page it translated (Google Translate's tooltip and banner,
 * marked `skiptranslate`): a page saved or clipped after that carries it, and none of it is the page.
 */
export const BROWSER_UI = '.skiptranslate, #goog-gt-tt';

/** A source label right before an image: the image is the outlet's logo. */
const LOGO_LABEL = /(来源|來源|稿源|出处|出處)\s*[:：]\s*$/;

/** Tag names of HTML documents are upper case already; SVG's and XHTML's are not (`svg`, `div`). */
function upperTag(el: Element): string {
  const tag = el.tagName;
  const first = tag.charCodeAt(0);
  return first >= 97 && first <= 122 ? tag.toUpperCase() : tag;
}

/** Lines of `root` in document order. */
export function collectLines(root: Element, options: LineOptions = {}): Line[] {
  const maxLines = options.maxLines ?? 50_000;
  const spaceInline = options.spaceInline ?? false;
  const stats = options.stats;
  let depth = 0;
  const lines: Line[] = [];
  let buffer = '';
  /** the buffer ends with the space an inline boundary put there: a second one would change nothing */
  let spaced = false;
  let linkChars = 0;
  const blockStack: Element[] = [root];
  const listStack: Element[] = [];
  let linkDepth = 0;
  let preDepth = 0;
  const listSize = new Map<Element, boolean>();
  const smallList = (el: Element): boolean => {
    let small = listSize.get(el);
    if (small === undefined) {
      small = (el.textContent ?? '').length < 600;
      listSize.set(el, small);
    }
    return small;
  };

  const flush = () => {
    if (buffer) {
      const text = collapseSpace(buffer);
      if (text) {
        lines.push({
          text,
          el: blockStack[blockStack.length - 1]!,
          index: lines.length,
          linkChars: Math.min(linkChars, text.length),
          inList: listStack.length > 0 && smallList(listStack[listStack.length - 1]!),
          inPre: preDepth > 0,
        });
      }
    }
    buffer = '';
    linkChars = 0;
  };

  let node: Node | null = root.firstChild;
  // The few elements that can hide their content, found by one query: asking every element for its
  // hidden and style attributes was two calls into the browser per element
  const withAttributes = new Set<Element>(root.querySelectorAll(`[hidden], [style], ${BROWSER_UI}`));
  // the tags of the elements entered, innermost last: leave() needs no second tagName call
  const tagStack: string[] = [];
  const enter = (el: Element): boolean => {
    if (stats) {
      stats.elements++;
      if (depth + 1 > stats.maxDepth) stats.maxDepth = depth + 1;
    }
    const tag = upperTag(el);
    if (SKIP_TAGS.has(tag)) return false;
    if (withAttributes.has(el)) {
      if (el.hasAttribute('hidden') || el.matches(BROWSER_UI)) return false;
      const style = el.getAttribute('style');
      if (style) {
        if (style.includes('none') && style.replace(/\s/g, '').includes('display:none')) return false;
        if (stats && (style.includes('hidden') || style.includes('opacity')))
          stats.styleHidden = (stats.styleHidden ?? 0) + 1;
      }
    }
    if (BLOCK_TAGS.has(tag)) {
      flush();
      blockStack.push(el);
    } else if (spaceInline && !spaced) {
      buffer += ' ';
      spaced = true;
    }
    // an outlet shown as its logo (来源：<img alt="新华网">) is read by its name
    if (spaceInline && tag === 'IMG' && LOGO_LABEL.test(buffer)) {
      const alt = el.getAttribute('alt')?.trim();
      if (alt && alt.length <= 30) {
        buffer += alt;
        spaced = false;
      }
    }
    if (LISTISH.has(tag)) listStack.push(el);
    if (tag === 'A') linkDepth++;
    if (tag === 'PRE') preDepth++;
    tagStack.push(tag);
    return true;
  };
  const leave = () => {
    const tag = tagStack.pop()!;
    if (BLOCK_TAGS.has(tag)) {
      flush();
      blockStack.pop();
    } else if (spaceInline && !spaced) {
      buffer += ' ';
      spaced = true;
    }
    if (LISTISH.has(tag)) listStack.pop();
    if (tag === 'A') linkDepth--;
    if (tag === 'PRE') preDepth--;
  };

  // Each DOM property read is a call into the browser, and a page has thousands of nodes: every
  // pointer (nodeType, firstChild, nextSibling) is read once per node and kept
  while (node && lines.length < maxLines) {
    const type = node.nodeType;
    if (type === 3) {
      const value = node.nodeValue ?? '';
      buffer += value;
      spaced = false;
      if (linkDepth > 0) linkChars += value.trim().length;
    } else if (type === 1 && enter(node as Element)) {
      const child = node.firstChild;
      if (child) {
        node = child;
        depth++;
        continue;
      }
      leave();
    }
    // climb until a next sibling exists
    let next = node.nextSibling;
    while (!next) {
      const parent: Node | null = node.parentNode;
      depth--;
      if (!parent || parent === root) break;
      leave();
      node = parent;
      next = node.nextSibling;
    }
    node = next;
  }
  flush();
  return lines;
}

/** Link text this long names a story (a headline), not a menu entry, a tag or 评论(5). */
export const HEADLINE_LINK_CHARS = 8;

/** Whether `el` holds a link of a headline's length: an item of a feed or a list of other stories. */
export function holdsHeadlineLink(el: Element): boolean {
  for (const a of el.querySelectorAll('a[href]'))
    if ((a.textContent ?? '').replace(/\s+/g, '').length >= HEADLINE_LINK_CHARS) return true;
  return false;
}

/** Index of the first page line equal to `text` at or after `from` (-1 when absent). */
export function lineIndexOf(lines: readonly Line[], text: string | undefined, from: number): number {
  const key = text ? lineKey(text) : '';
  if (!key) return -1;
  for (let i = Math.max(0, from); i < lines.length; i++) if (startsWithKey(lines[i]!.text, key)) return i;
  return -1;
}

// page lines carry extra spaces at inline boundaries: compare without spaces
const lineKey = (text: string) => text.replace(/\s+/g, '').slice(0, 40);
const startsWithKey = (line: string, key: string) =>
  line.charCodeAt(0) === key.charCodeAt(0) && line.replace(/\s+/g, '').startsWith(key);

/**
 * The page line where a body starts, from the headline's line `titleLine` on: where its first line
 * stands, and where that line stands twice (a summary under the headline repeating the story's first
 * paragraph, then the byline), where its second line follows it. A body that opens with the headline
 * itself starts there.
 */
export function bodyStartIndex(lines: readonly Line[], body: readonly Line[], titleLine: number): number {
  const first = lineIndexOf(lines, body[0]?.text, Math.max(0, titleLine));
  const second = body[1] && lineKey(body[1].text);
  // (where the headline is not found on the page, nothing says what stands under it)
  if (titleLine < 0 || first <= titleLine || !second || startsWithKey(lines[first + 1]?.text ?? '', second))
    return first;
  for (let at = lineIndexOf(lines, body[0]!.text, first + 1); at > 0 && at < first + 30;) {
    if (startsWithKey(lines[at + 1]?.text ?? '', second)) return at;
    at = lineIndexOf(lines, body[0]!.text, at + 1);
  }
  return first;
}
