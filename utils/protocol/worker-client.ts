/** Extension pages talk to the service worker only through this. */
import { browser } from 'wxt/browser';
import { send, type MessageType, type RequestInputOf, type ResponseOf } from './messages';
import type { SearchFilters } from '../archive/search';

export function ask<T extends MessageType>(type: T, payload: RequestInputOf<T>): Promise<ResponseOf<T>> {
  return send(type, payload, browser.runtime);
}

/**
 * The reader's address for a clip: `reader.html?id=…` alone is stable and bookmarkable; `q` and `f`
 * (the search and filters it was opened from) only add previous/next through that result list.
 */
export function readerUrl(id: string, context?: { query: string; filters: SearchFilters }): string {
  const params = new URLSearchParams({ id });
  if (context?.query) params.set('q', context.query);
  if (context && Object.values(context.filters).some(Boolean))
    params.set('f', JSON.stringify(context.filters));
  return browser.runtime.getURL(`/reader.html?${params}`);
}
