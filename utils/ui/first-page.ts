/**
 * The popup's first page of the archive, asked for before React has loaded. A tiny classic script
 * (entrypoints/popup-first-page.ts) sends the request from the popup's <head>, so the worker answers
 * while the page is still evaluating React (most of the time to first paint); the list then takes
 * the answer instead of asking again. The settings are read from there too, alongside.
 */
import type { ResponseOf } from '../protocol/messages';
import { RESULT_PAGE } from '../archive/search';
import { ask } from '../protocol/worker-client';
import { loadSettings, type Settings } from './settings';

type FirstAnswer = ResponseOf<'clips/list'>;
type FirstPage = Promise<FirstAnswer>;
const slot = globalThis as {
  jianbaoFirstPage?: FirstPage;
  /** the answer, once it has come (a render can use it at once, without awaiting) */
  jianbaoFirstAnswer?: FirstAnswer;
  jianbaoSettings?: Promise<Settings>;
};

export const FIRST_PAGE = { offset: 0, limit: RESULT_PAGE } as const;

export function requestFirstPage(): void {
  // the marks are read by the popup-open benchmark (bench/popup.bench.ts)
  performance.mark('jianbao:list-requested');
  const page = ask('clips/list', FIRST_PAGE);
  slot.jianbaoFirstPage = page;
  slot.jianbaoSettings = loadSettings();
  // a failure is the list's to report when it takes the answer, not an unhandled rejection here
  page
    .then((answer) => {
      performance.mark('jianbao:list-received');
      if (slot.jianbaoFirstPage === page) slot.jianbaoFirstAnswer = answer;
    })
    .catch(() => undefined);
  slot.jianbaoSettings.catch(() => undefined);
}

/** The early answer, once: a later refresh of the list must ask afresh. */
export function takeFirstPage(): FirstPage | undefined {
  const page = slot.jianbaoFirstPage;
  slot.jianbaoFirstPage = undefined;
  slot.jianbaoFirstAnswer = undefined;
  return page;
}

/** The early answer if it has already come, left in place for takeFirstPage. */
export function firstPageNow(): FirstAnswer | undefined {
  return slot.jianbaoFirstAnswer;
}

/**
 * Resolves once the early answer has come (or failed), or after `ms`: the popup's first render waits
 * that long for it, so that it draws the list at once rather than an empty one and then the list.
 */
export function firstPageSettled(ms: number): Promise<void> {
  const page = slot.jianbaoFirstPage;
  if (!page) return Promise.resolve();
  return Promise.race([
    page.then(
      () => undefined,
      () => undefined,
    ),
    new Promise<void>((resolve) => setTimeout(resolve, ms)),
  ]);
}

/** The settings as read by the head script, once (undefined where it did not run). */
export function takeEarlySettings(): Promise<Settings> | undefined {
  const settings = slot.jianbaoSettings;
  slot.jianbaoSettings = undefined;
  return settings;
}
