/**
 * The popup's first page of the archive, asked for before React has loaded. A tiny classic script
 * (entrypoints/popup-first-page.ts) sends the request from the popup's <head>, so the worker answers
 * while the page is still evaluating React (most of the time to first paint); the list then takes
 * the answer instead of asking again.
 */
import type { ResponseOf } from '../protocol/messages';
import { RESULT_PAGE } from '../archive/search';
import { ask } from '../protocol/worker-client';

type FirstPage = Promise<ResponseOf<'clips/list'>>;
const slot = globalThis as { jianbaoFirstPage?: FirstPage };

export const FIRST_PAGE = { offset: 0, limit: RESULT_PAGE } as const;

export function requestFirstPage(): void {
  // the marks are read by the popup-open benchmark (bench/popup.bench.ts)
  performance.mark('jianbao:list-requested');
  slot.jianbaoFirstPage = ask('clips/list', FIRST_PAGE);
  // a failure is the list's to report when it takes the answer, not an unhandled rejection here
  slot.jianbaoFirstPage.then(() => performance.mark('jianbao:list-received')).catch(() => undefined);
}

/** The early answer, once: a later refresh of the list must ask afresh. */
export function takeFirstPage(): FirstPage | undefined {
  const page = slot.jianbaoFirstPage;
  slot.jianbaoFirstPage = undefined;
  return page;
}
