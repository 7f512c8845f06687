/**
 * The one clip path: the popup, the keyboard shortcut and the context menu all end here.
 * Runs in the service worker: inject the extractor into the tab, check what comes back, save it.
 */
import { browser, type Browser } from 'wxt/browser';
import * as v from 'valibot';
import type { ExtractResult } from '../model/article';
import { canonicalUrlFor } from '../model/canonical-url';
import { ArticleSchema } from '../model/clip-schema';
import { saveArticle } from './clip-store';
import type { JianbaoDatabase } from './db';
import type { ClipMode, ClipOutcome } from '../protocol/messages';
import { restrictedReason } from './restricted-url';

/** An extraction that takes longer than this is abandoned (the page keeps running it). */
export const EXTRACT_TIMEOUT_MS = 20_000;

export const EXTRACTOR_FILE = '/extractor.js';

async function injectExtractor(tabId: number, mode: ClipMode): Promise<ExtractResult> {
  await browser.scripting.executeScript({ target: { tabId }, files: [EXTRACTOR_FILE] });
  const [injection] = await browser.scripting.executeScript({
    target: { tabId },
    func: (options: { mode: ClipMode }) => globalThis.__jianbaoExtract?.(options) ?? null,
    args: [{ mode }],
  });
  return injection?.result as ExtractResult;
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const timeout = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(onTimeout()), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string })?.name ?? '';
  return (
    name === 'QuotaExceededError' || /quota|disk|space/i.test(String((error as Error)?.message ?? error))
  );
}

export async function clipTab(
  db: JianbaoDatabase,
  tab: Pick<Browser.tabs.Tab, 'id' | 'url'>,
  mode: ClipMode,
  update: boolean,
): Promise<ClipOutcome> {
  const restricted = restrictedReason(tab.url);
  if (restricted || tab.id === undefined) {
    return { status: 'failed', error: restricted ?? { code: 'restricted-page', detail: 'no tab' } };
  }
  let result: ExtractResult | null;
  try {
    result = await withTimeout(injectExtractor(tab.id, mode), EXTRACT_TIMEOUT_MS, () => ({
      ok: false,
      error: { code: 'timeout', detail: `extraction took longer than ${EXTRACT_TIMEOUT_MS / 1000} s` },
    }));
  } catch (error) {
    return {
      status: 'failed',
      error: { code: 'injection-failed', detail: String((error as Error)?.message ?? error) },
    };
  }
  if (!result)
    return {
      status: 'failed',
      error: { code: 'injection-failed', detail: 'the extractor returned nothing' },
    };
  if (!result.ok) return { status: 'failed', error: result.error };

  const checked = v.safeParse(ArticleSchema, result.article);
  if (!checked.success) {
    return {
      status: 'failed',
      error: { code: 'internal', detail: `malformed article: ${v.summarize(checked.issues).slice(0, 300)}` },
    };
  }
  // The page chose its canonical URL; keep it only if it stays on the tab's own site.
  const article = {
    ...checked.output,
    url: tab.url!,
    canonicalUrl: canonicalUrlFor(tab.url!, [checked.output.canonicalUrl]),
  };
  try {
    return await saveArticle(db, article, { update });
  } catch (error) {
    const detail = String((error as Error)?.message ?? error);
    return {
      status: 'failed',
      error: { code: isQuotaError(error) ? 'storage-full' : 'storage-failed', detail },
    };
  }
}
