/**
 * The list a page was opened from (a search, filters, a sort order) carried in page addresses:
 * `reader.html?id=…` alone is stable and bookmarkable; `q`, `f` and `sort` add previous/next through
 * that result list and the way back to it (`library.html?q=…&f=…&sort=…`).
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { SearchFilters, SortOrder } from '../archive/search';
import { SearchFiltersSchema, SortOrderSchema } from '../protocol/messages';

export interface ListContext {
  query: string;
  filters: SearchFilters;
  sort?: SortOrder;
}

function contextParams(context: ListContext | undefined, params: URLSearchParams): URLSearchParams {
  if (context?.query) params.set('q', context.query);
  if (context && Object.values(context.filters).some(Boolean))
    params.set('f', JSON.stringify(context.filters));
  if (context?.sort && context.sort !== 'relevance') params.set('sort', context.sort);
  return params;
}

/** A list context from a page's `location.search`; anything hand-edited and invalid is dropped. */
export function parseListContext(search: string): ListContext {
  const params = new URLSearchParams(search);
  let filters: SearchFilters = {};
  try {
    const parsed = v.safeParse(SearchFiltersSchema, JSON.parse(params.get('f') ?? '{}'));
    if (parsed.success) filters = parsed.output;
  } catch {
    // a hand-edited address: no filters
  }
  const sort = v.safeParse(SortOrderSchema, params.get('sort'));
  return { query: params.get('q') ?? '', filters, ...(sort.success ? { sort: sort.output } : {}) };
}

export function readerUrl(id: string, context?: ListContext): string {
  return browser.runtime.getURL(`/reader.html?${contextParams(context, new URLSearchParams({ id }))}`);
}

export function libraryUrl(context?: ListContext): string {
  const params = contextParams(context, new URLSearchParams()).toString();
  return browser.runtime.getURL(`/library.html${params ? `?${params}` : ''}`);
}

export async function openLibrary(context?: ListContext): Promise<void> {
  await browser.tabs.create({ url: libraryUrl(context) });
}
