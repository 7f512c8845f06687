/**
 * extractArticle(document, url) → Article: the same pure function in the injected script, the
 * unit tests and the CLI. It never modifies `document`.
 */
import { Readability } from '@mozilla/readability';
import type { Article } from '../article';
import { canonicalUrlFor } from '../canonical-url';
import { sanitizeHtml } from '../sanitize';

export class NoArticleError extends Error {
  readonly code = 'no-article';
}

function meta(doc: Document, selector: string): string | null {
  return doc.querySelector<HTMLMetaElement>(selector)?.content?.trim() || null;
}

export interface ExtractOptions {
  /** clip only this part of the page (the user's selection) as the body */
  selection?: DocumentFragment;
}

export function extractArticle(document: Document, url: string, options: ExtractOptions = {}): Article {
  const win = document.defaultView;
  if (!win) throw new Error('extractArticle needs a document with a window (defaultView)');
  const clone = document.cloneNode(true) as Document;
  if (options.selection) clone.body.replaceChildren(clone.importNode(options.selection, true));
  const parsed = new Readability(clone, { charThreshold: 20 }).parse();
  if (!parsed?.content || !parsed.textContent?.trim())
    throw new NoArticleError('no readable article on this page');
  const contentHtml = sanitizeHtml(parsed.content, win as unknown as Parameters<typeof sanitizeHtml>[1]);
  const container = document.createElement('div');
  container.innerHTML = contentHtml;
  const paragraphs = [...container.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, figcaption, td')]
    .map((el) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '')
    .filter(Boolean);
  return {
    title: document.querySelector('h1')?.textContent?.trim() || parsed.title?.trim() || document.title.trim(),
    kicker: null,
    subtitle: null,
    authors: parsed.byline ? [parsed.byline] : [],
    editors: [],
    source: null,
    siteName: parsed.siteName ?? null,
    publishedAt: parsed.publishedTime ?? null,
    publishedRaw: parsed.publishedTime ?? null,
    section: [],
    articleId: null,
    url,
    canonicalUrl: canonicalUrlFor(url, [
      document.querySelector<HTMLLinkElement>('link[rel~="canonical" i]')?.getAttribute('href'),
      meta(document, 'meta[property="og:url"]'),
    ]),
    lang: document.documentElement.lang || null,
    excerpt: parsed.excerpt ?? null,
    contentHtml,
    textContent: paragraphs.join('\n'),
    images: [],
    pages: [],
    extractor: 'generic',
  };
}
