/**
 * Finding the body: the user's selection, the rule's selector, or Readability on a clone with
 * thresholds that suit CJK text (a Chinese paragraph says far more per character than English).
 */
import { Readability } from '@mozilla/readability';
import { collectLines, holdsHeadlineLink, lineIndexOf, type Line } from './lines';
import { HOLDS_PARAGRAPHS, scriptArticleBody } from './metadata';
import { markedFurniture, westernScript } from './western';

export interface BodyResult {
  /** a detached element (in the clone or an inert document): safe to clean in place */
  el: Element;
  /** Readability's title guess, when Readability ran */
  readabilityTitle: string | null;
  readabilityByline: string | null;
  via: 'selection' | 'rule' | 'readability' | 'lines' | 'embedded';
}

/**
 * Pages bigger or deeper than this skip Readability for the line-based body: Readability's cleaning
 * grows faster than linearly with nesting depth and page size (minutes on a 500-deep page in jsdom).
 */
export const READABILITY_LIMITS = { maxElements: 30_000, maxDepth: 120 };

/** Readability's default charThreshold (500) suits English; Chinese carries ~3× the meaning per char. */
export function charThresholdFor(chinese: boolean): number {
  return chinese ? 140 : 500;
}

/**
 * A copy of the page for Readability to take apart, like doc.cloneNode(true) but without parsing the
 * page's CSS again: a connected <style> is parsed in the copy too (WeChat pages carry ~600 kB of it,
 * 6–10 ms a copy), while Readability removes every <style> before it reads anything. So each top-level
 * node is imported, unconnected, into a shallow copy of the document (same URL, mode and content type;
 * inert: nothing in it loads or runs) and its style sheets emptied before they connect.
 */
export function readableCopy(doc: Document): Document {
  const copy = doc.cloneNode(false) as Document;
  for (let child = doc.firstChild; child; child = child.nextSibling) {
    const node = copy.importNode(child, true);
    if (node.nodeType === 1)
      for (const style of (node as Element).getElementsByTagName('style')) style.textContent = '';
    copy.appendChild(node);
  }
  return copy;
}

export function bodyFromSelection(doc: Document, selection: DocumentFragment): BodyResult {
  const inert = doc.implementation.createHTMLDocument('');
  const el = inert.createElement('div');
  el.append(inert.importNode(selection, true));
  return { el, readabilityTitle: null, readabilityByline: null, via: 'selection' };
}

function textLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, '').length;
}

/** The first rule selector that finds an element with text, in `clone`. */
export function bodyFromRule(clone: Document, selectors: readonly string[]): BodyResult | null {
  for (const selector of selectors) {
    let found: Element | null = null;
    try {
      found = [...clone.querySelectorAll(selector)].find((el) => textLength(el) > 0) ?? null;
    } catch {
      continue;
    }
    if (found) return { el: found, readabilityTitle: null, readabilityByline: null, via: 'rule' };
  }
  return null;
}

/**
 * Pages that reveal their article by script (WeChat's #js_content and other anti-flicker templates)
 * serve it with `visibility: hidden`; where that script has not run (a saved page, the CLI) Readability
 * skips the whole article. So when the visible page yields less than an article and the page hides
 * blocks by inline style, Readability runs again on a clone where hidden blocks holding an article's
 * worth of text are shown, and that wins only when it is far longer than what was visible.
 */
export function bodyFromHiddenArticle(
  doc: Document,
  chinese: boolean,
  visible: BodyResult | null,
): BodyResult | null {
  const threshold = charThresholdFor(chinese);
  if (bodyLength(visible) >= threshold) return visible;
  const clone = readableCopy(doc);
  revealScriptHidden(clone, threshold);
  const revealed = bodyFromReadability(clone, chinese);
  // only an article hidden whole: a page's own hidden aside next to a short visible text stays hidden
  return bodyLength(revealed) > 3 * bodyLength(visible) + threshold ? revealed : visible;
}

/**
 * The article as the page's embedded data carries it, where the page itself shows less than an
 * article: an app that renders its story by script (saved or fetched before the script ran) keeps it
 * in its state (`scriptArticleBody`), a JSON-LD block in `articleBody`. It wins only when far longer
 * than what was visible, as a hidden article does. The HTML is parsed in an inert document: nothing
 * in it loads or runs, and it is sanitized with the rest of the clip.
 */
export function bodyFromEmbeddedData(
  doc: Document,
  chinese: boolean,
  visible: BodyResult | null,
  declared: string | null,
): BodyResult | null {
  const threshold = charThresholdFor(chinese);
  const shown = bodyLength(visible);
  if (shown >= 3 * threshold) return visible;
  const inert = doc.implementation.createHTMLDocument('');
  const el = inert.createElement('div');
  for (const value of [scriptArticleBody(doc), declared]) {
    if (!value) continue;
    el.replaceChildren();
    if (HOLDS_PARAGRAPHS.test(value)) {
      try {
        el.innerHTML = value;
      } catch {
        continue; // a page's Trusted Types policy may refuse markup
      }
    } else
      for (const paragraph of value.split(/\n+/))
        if (paragraph.trim())
          el.append(Object.assign(inert.createElement('p'), { textContent: paragraph.trim() }));
    if (textLength(el) > 3 * shown + threshold)
      return {
        el,
        readabilityTitle: visible?.readabilityTitle ?? null,
        readabilityByline: null,
        via: 'embedded',
      };
  }
  return visible;
}

/** Text length of a body found (0 for none). */
export function bodyLength(body: BodyResult | null): number {
  return body ? textLength(body.el) : 0;
}

function revealScriptHidden(clone: Document, minChars: number): void {
  for (const el of clone.querySelectorAll('[style*="visibility"], [style*="opacity"]')) {
    const style = el.getAttribute('style') ?? '';
    if (!/visibility\s*:\s*hidden|opacity\s*:\s*0(?![.\d])/i.test(style)) continue;
    if ((el.textContent ?? '').length < minChars) continue;
    el.setAttribute(
      'style',
      style.replace(/visibility\s*:\s*hidden\s*;?|opacity\s*:\s*0(?![.\d])\s*;?/gi, ''),
    );
  }
}

/**
 * Readability drops blocks whose class or id says comment, related, sidebar…, in English; Chinese
 * sites name their comment threads and recommendation feeds in pinyin or abbreviations (pinglun,
 * cmt, tuijian, xgxw, cnxh for 猜你喜欢), and under a short story such a block holds more text than
 * the story and is taken for it. Spared like Readability's own: a name that also says article,
 * content, body or main, and anything holding the headline.
 */
const CHINESE_UNLIKELY =
  /(^|[-_\s])(pinglun|comments?|cmt|feeds?|recommends?|tuijian|xgxw|xgyd|xiangguan|cnxh|guess|paihang|rank(ing)?)([-_\s]|$)/i;
const MAYBE_STORY = /article|content|body|main/i;

function dropChineseUnlikely(clone: Document): void {
  for (const el of clone.querySelectorAll('body [class], body [id]')) {
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!CHINESE_UNLIKELY.test(name) || MAYBE_STORY.test(name)) continue;
    if (el.closest('table, pre, code') || el.querySelector('h1')) continue;
    el.remove();
  }
}

/**
 * A photo credit or screen-reader label marked by the class of a `<div>` of its own (`<figcaption>
 * <div class="caption-credit">Jane Doe</div>`) loses its class when Readability makes the div a
 * paragraph, and cleanBody can no longer tell it from text: on Western pages such credits and
 * labels leave the copy first. Bylines stay, also inside a credit bar: Readability reads its byline
 * from them.
 */
function dropMarkedCredits(clone: Document): void {
  const body = clone.body;
  const text = body?.textContent ?? '';
  if (!body || !westernScript(text)) return;
  for (const el of markedFurniture(body, text.length, 100))
    if (!el.querySelector('img, picture, video, [rel~="author"], [class*="byline" i], [class*="author" i]'))
      el.remove();
}

export function bodyFromReadability(clone: Document, chinese: boolean): BodyResult | null {
  if (chinese) dropChineseUnlikely(clone);
  else dropMarkedCredits(clone);
  const reader = new Readability<Node>(clone, {
    charThreshold: charThresholdFor(chinese),
    keepClasses: true,
    disableJSONLD: true,
    maxElemsToParse: READABILITY_LIMITS.maxElements * 2,
    serializer: (node) => node,
  });
  const parsed = reader.parse();
  const el = parsed?.content as Element | null | undefined;
  if (!parsed || !el || !textLength(el)) return null;
  return {
    el,
    readabilityTitle: parsed.title?.trim() || null,
    readabilityByline: parsed.byline?.trim() || null,
    via: 'readability',
  };
}

/**
 * Whether the body Readability chose is one card of a feed: short text that sits wholly inside a
 * link on the page (`<li><a><div>name</div><div>summary…</div></a></li>`). Readability counts link
 * density inside a candidate, not above it, so a card's summary scores as prose and, beside a
 * two-paragraph story on a page whose class names say nothing, can win. No story is one link; a
 * long text inside a link is a story an unclosed `<a>` swallowed, and is left alone.
 */
export function isLinkedCard(body: Element, lines: ReadonlyArray<Line>): boolean {
  const text = body.textContent ?? '';
  if (text.length > 2_000 || text.replace(/\s+/g, '').length > 500) return false;
  let longest = '';
  for (const line of collectLines(body, { maxLines: 8 }))
    if (line.text.length > longest.length) longest = line.text;
  if (longest.length < 20) return false;
  let at = lineIndexOf(lines, longest, 0);
  if (at < 0) return false;
  for (; at >= 0; at = lineIndexOf(lines, longest, at + 1))
    if (lines[at]!.linkChars < lines[at]!.text.length * 0.9) return false;
  return true;
}

/**
 * A copy of the page without its feeds' cards (the links wrapping blocks), for a second reading; null
 * when fewer than three links wrap blocks: that is no feed but an unclosed `<a>` holding the story.
 */
export function withoutLinkedCards(doc: Document): Document | null {
  const copy = readableCopy(doc);
  const cards = [...copy.getElementsByTagName('a')].filter((link) =>
    link.querySelector('div, p, li, h2, h3, h4, section, article, table'),
  );
  if (cards.length < 3) return null;
  for (const card of cards) card.remove();
  return copy;
}

/** A time or date an item of a comment thread or feed carries (10:23, 2024-12-01, 3小时前). */
const ITEM_TIME = /\d{1,2}:\d{2}|(?:19|20)\d{2}[-/.年]\d{1,2}|\d+\s*(?:分钟|小时|天)前|刚刚/;

/**
 * The list of like items a body mostly is, not a story: a comment thread or a feed of story cards
 * that no class names. Five or more siblings of one tag and class hold most of its text, and nearly
 * all of them carry a link or a time of their own (a story's paragraphs carry neither). Returns the
 * element holding them, or null.
 */
export function itemListIn(body: Element): Element | null {
  const total = textLength(body);
  if (!total) return null;
  for (const box of [body, ...body.querySelectorAll('div, ul, ol, section, dl')]) {
    if (box.children.length < 5) continue;
    const groups = new Map<string, Element[]>();
    for (const child of box.children) {
      const key = `${child.tagName}.${child.getAttribute('class') ?? ''}`;
      const group = groups.get(key);
      if (group) group.push(child);
      else groups.set(key, [child]);
    }
    for (const items of groups.values()) {
      if (items.length < 5) continue;
      const text = items.reduce((n, item) => n + textLength(item), 0);
      if (text < total * 0.6) continue;
      const marked = items.filter(
        (item) => holdsHeadlineLink(item) || ITEM_TIME.test(item.textContent ?? ''),
      ).length;
      if (marked >= items.length * 0.8) return box;
    }
  }
  return null;
}

const PROSE = /[。！？!?]/;

/**
 * The story right above a list Readability took for the body, or took along with it (a two-paragraph
 * news flash over its comment thread): the run of prose lines ending at most three short lines
 * (网友评论, 相关新闻) before the list's first line, up to the headline or the byline; null when there
 * is none. A live report's lead inside the container of its timed entries is that list's first line,
 * so the report stays whole.
 */
export function storyAboveList(doc: Document, lines: ReadonlyArray<Line>, list: Element): BodyResult | null {
  const start = lineIndexOf(lines, collectLines(list, { maxLines: 1 })[0]?.text, 0);
  if (start <= 0) return null;
  let i = start - 1;
  for (let skipped = 0; i >= 0 && lines[i]!.text.length < 20 && !PROSE.test(lines[i]!.text); i--)
    if (++skipped > 3) return null;
  const story: Line[] = [];
  for (; i >= 0; i--) {
    const line = lines[i]!;
    if (/^H[1-3]$/.test(line.el.tagName) || line.inList || line.linkChars > line.text.length / 2) break;
    // the byline or date line under the headline ends the story upward
    if (line.text.length < 60 && ITEM_TIME.test(line.text)) break;
    story.unshift(line);
  }
  const text = story.reduce((n, l) => n + l.text.length, 0);
  if (text < 40 || !story.some((l) => PROSE.test(l.text))) return null;
  const inert = doc.implementation.createHTMLDocument('');
  const el = inert.createElement('div');
  for (const block of new Set(story.map((l) => l.el))) el.append(inert.importNode(block, true));
  return { el, readabilityTitle: null, readabilityByline: null, via: 'readability' };
}

/** Where a paragraph is page chrome, not the story, whatever its class. */
const OUTSIDE_STORY = 'aside, nav, footer, header, figure, li, blockquote, [hidden]';

/**
 * The class the body's paragraphs carry (`story-text__paragraph`): one held by at least two of
 * them and by at least half.
 */
function paragraphClass(body: Element): string | null {
  const paragraphs = body.getElementsByTagName('p');
  const counts = new Map<string, number>();
  for (const p of paragraphs)
    for (const name of p.classList)
      if (/^[\w-]{3,60}$/.test(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
  let best: string | null = null;
  let most = 1;
  for (const [name, count] of counts)
    if (count > most && count * 2 >= paragraphs.length) [best, most] = [name, count];
  return best;
}

/**
 * A story split into several containers by ads or inline modules (politico, CNN): Readability keeps
 * the largest part. The paragraphs of the page carrying the body's own paragraph class, outside it,
 * are put back in page order before the next paragraph it kept.
 */
export function rejoinSplitStory(doc: Document, body: Element): void {
  const name = paragraphClass(body);
  if (!name) return;
  const key = (el: Element) => (el.textContent ?? '').replace(/\s+/g, '');
  const inBody = new Map<string, Element>();
  for (const p of body.getElementsByTagName('p')) if (p.classList.contains(name)) inBody.set(key(p), p);
  const page = [...doc.getElementsByClassName(name)].filter((el) => el.tagName === 'P');
  if (page.length <= inBody.size) return;
  const bodyText = key(body);
  // missing paragraphs wait for the next kept one: a lead or a gap is filled, nothing is appended
  // after the story's last paragraph (a "Write to…" or "Originally published at…" note)
  let pending: Element[] = [];
  for (const p of page) {
    const text = key(p);
    const kept = inBody.get(text);
    if (kept) {
      for (const missing of pending) kept.before(body.ownerDocument.importNode(missing, true));
      pending = [];
      continue;
    }
    // Readability may have trimmed a kept paragraph: its text in the body is enough
    if (text.length < 20 || bodyText.includes(text) || p.closest(OUTSIDE_STORY)) continue;
    pending.push(p);
  }
}

/**
 * The fallback body when the page is too big or too deep for Readability (or for cloning): the
 * page's prose lines — long enough, not link lists — as paragraphs in an inert document.
 */
export function bodyFromLines(doc: Document, lines: ReadonlyArray<Line>): BodyResult | null {
  const inert = doc.implementation.createHTMLDocument('');
  const el = inert.createElement('div');
  let kept = 0;
  for (const line of lines) {
    // menus and link lists out; short prose lines stay (a huge page may be all short paragraphs)
    if (line.text.length < 2 || line.inList || line.linkChars > line.text.length / 2) continue;
    if (line.el.tagName === 'H1') continue; // the page heading is the title, not body text
    // a pathological page (hundreds of thousands of blocks) keeps its first 20,000 paragraphs
    if (++kept > 20_000) break;
    const p = inert.createElement('p');
    p.textContent = line.text;
    el.append(p);
  }
  if (!el.firstChild) return null;
  return { el, readabilityTitle: null, readabilityByline: null, via: 'lines' };
}
