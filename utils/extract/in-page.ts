/**
 * What the injected extractor runs inside the clipped tab (the extension's isolated world).
 * Turns every failure into a typed ExtractResult: nothing thrown crosses back to the worker.
 */
import type { ExtractResult } from '../model/article';
import { extractArticle, NoArticleError } from './';
import type { ClipMode } from '../protocol/messages';

export interface InPageOptions {
  mode: ClipMode;
}

export function extractInPage(doc: Document, url: string, options: InPageOptions): ExtractResult {
  try {
    if (doc.querySelector('frameset')) {
      return {
        ok: false,
        error: { code: 'frameset', detail: 'the page is a frameset; open the frame on its own to clip it' },
      };
    }
    if (!(doc.contentType ?? 'text/html').includes('html')) {
      return { ok: false, error: { code: 'not-html', detail: `the page is ${doc.contentType}, not HTML` } };
    }
    const selection = options.mode === 'selection' ? doc.defaultView?.getSelection() : null;
    const selected =
      selection && selection.rangeCount > 0 && !selection.isCollapsed
        ? selection.getRangeAt(0).cloneContents()
        : undefined;
    return { ok: true, article: extractArticle(doc, url, { selection: selected }) };
  } catch (error) {
    if (error instanceof NoArticleError)
      return { ok: false, error: { code: 'no-article', detail: error.message } };
    return { ok: false, error: { code: 'internal', detail: errorDetail(error).slice(0, 500) } };
  }
}

/**
 * The error's name, message and stack: Firefox's `stack` holds only the frames (Chromium's starts with
 * the message). Duck-typed: an error from the page's compartment is no `instanceof Error` here.
 */
function errorDetail(error: unknown): string {
  const { name, message, stack } = (error ?? {}) as Partial<Error>;
  if (typeof message !== 'string') return String(error);
  const headline = `${name ?? 'Error'}: ${message}`;
  return stack?.startsWith(headline) ? stack : `${headline}\n${stack ?? ''}`;
}
