/**
 * The one clip path: the popup, the keyboard shortcut and the context menu all end here.
 * Runs in the service worker: inject the extractor into the tab, check what comes back, save it.
 */
import { browser, type Browser } from 'wxt/browser';
import * as v from 'valibot';
import type { Article } from '../model/article';
import { canonicalUrlFor } from '../model/canonical-url';
import { ArticleSchema, CaptureNoteSchema } from '../model/clip-schema';
import { markGone, NO_CAPTURE, saveArticle, type Capture } from './clip-store';
import type { JianbaoDatabase } from './db';
import type { ClipMode, ClipOutcome } from '../protocol/messages';
import { restrictedReason } from './restricted-url';
import type { InPageResult, PageCapture } from '../extract/in-page';
import { MAX_PAGES, MAX_SNAPSHOT_CHARS } from '../extract/in-page';
import { keepImages, snapshotAsset, type AssetRecord, type ImageSources } from './assets';
import { browserImageSources, keepImagesEnabled, withReferer } from './image-fetch';

/**
 * An extraction that takes longer than this is abandoned (the page keeps running it). It covers
 * fetching up to 20 further pages (15 s) and the tab's own images (20 s).
 */
export const EXTRACT_TIMEOUT_MS = 45_000;

export const EXTRACTOR_FILE = '/extractor.js';

async function injectExtractor(tabId: number, mode: ClipMode): Promise<InPageResult> {
  await browser.scripting.executeScript({ target: { tabId }, files: [EXTRACTOR_FILE] });
  const [injection] = await browser.scripting.executeScript({
    target: { tabId },
    func: (options: { mode: ClipMode }) => globalThis.__jianbaoExtract?.(options) ?? null,
    args: [{ mode }],
  });
  return injection?.result as InPageResult;
}

/** What the tab hands over besides the article: checked like the article, page-derived all of it. */
const PageCaptureSchema = v.object({
  images: v.pipe(
    v.array(
      v.strictObject({
        src: v.pipe(v.string(), v.maxLength(100_000)),
        type: v.pipe(v.string(), v.maxLength(100)),
        base64: v.pipe(v.string(), v.maxLength(30_000_000)),
      }),
    ),
    v.maxLength(2_000),
  ),
  snapshot: v.nullable(
    v.pipe(
      v.array(
        v.strictObject({
          url: v.pipe(v.string(), v.maxLength(8_000), v.url(), v.regex(/^https?:/i)),
          html: v.pipe(v.string(), v.maxLength(MAX_SNAPSHOT_CHARS)),
        }),
      ),
      v.maxLength(MAX_PAGES),
    ),
  ),
  notes: v.pipe(v.array(CaptureNoteSchema), v.maxLength(100)),
  gone: v.nullable(v.unknown()),
});

export interface ClipDependencies {
  images: ImageSources;
  /** whether the "Keep images offline" switch is on */
  keepImages(): Promise<boolean>;
  /** runs the image fetches with the page's address as Referer for these hosts */
  withReferer<T>(referrer: string, hosts: string[], work: () => Promise<T>): Promise<T>;
}

const browserDependencies: ClipDependencies = {
  images: browserImageSources,
  keepImages: keepImagesEnabled,
  withReferer,
};

/**
 * The evidence kept with an article: its images (the tab's own, then other hosts' as far as allowed)
 * and its snapshot, gzipped. Returns the article with its HTML pointing at the kept images.
 */
export async function captureOf(
  article: Article,
  page: PageCapture,
  deps: ClipDependencies,
): Promise<{ article: Article; capture: Capture; assets: AssetRecord[] }> {
  const records: AssetRecord[] = [];
  let capture: Capture = { ...NO_CAPTURE, notes: [...page.notes] };
  if (await deps.keepImages()) {
    const hosts = [
      ...new Set(
        article.images.flatMap((image) => {
          try {
            return [new URL(image.src).hostname];
          } catch {
            return [];
          }
        }),
      ),
    ];
    const kept = await deps.withReferer(article.url, hosts, () =>
      keepImages(article, article.url, page.images, deps.images),
    );
    article = kept.article;
    records.push(...kept.records);
    capture = { ...capture, assets: kept.assets, notes: [...capture.notes, ...kept.notes] };
  }
  if (page.snapshot?.length) {
    const { record, snapshot } = await snapshotAsset(page.snapshot);
    records.push(record);
    capture = { ...capture, snapshot };
  }
  return { article, capture, assets: records };
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
  deps: ClipDependencies = browserDependencies,
): Promise<ClipOutcome> {
  const restricted = restrictedReason(tab.url);
  if (restricted || tab.id === undefined) {
    return { status: 'failed', error: restricted ?? { code: 'restricted-page', detail: 'no tab' } };
  }
  let result: InPageResult | null;
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
  if (!result.ok) {
    if (result.error.code === 'page-gone') {
      // the clip of a page now gone is kept as it was, and marked
      const status = (result.gone as { status?: unknown } | null | undefined)?.status;
      const marked = await markGone(
        db,
        canonicalUrlFor(tab.url!, []),
        typeof status === 'number' && status >= 100 && status < 600 ? status : null,
      ).catch(() => null);
      const detail = marked
        ? `the page is gone; the clip ${marked.id} was kept and marked`
        : 'the page is gone';
      return { status: 'failed', error: { code: 'page-gone', detail } };
    }
    return { status: 'failed', error: result.error };
  }
  const page = v.safeParse(
    PageCaptureSchema,
    result.capture ?? { images: [], snapshot: null, notes: [], gone: null },
  );
  if (!page.success) {
    return {
      status: 'failed',
      error: { code: 'internal', detail: `malformed capture: ${v.summarize(page.issues).slice(0, 300)}` },
    };
  }

  const checked = v.safeParse(ArticleSchema, result.article);
  if (!checked.success) {
    return {
      status: 'failed',
      error: { code: 'internal', detail: `malformed article: ${v.summarize(checked.issues).slice(0, 300)}` },
    };
  }
  // The page chose its canonical URL; keep it only if it stays on the tab's own site.
  const extracted = {
    ...checked.output,
    url: tab.url!,
    canonicalUrl: canonicalUrlFor(tab.url!, [checked.output.canonicalUrl]),
  };
  try {
    const { article, capture, assets } = await captureOf(extracted, page.output as PageCapture, deps);
    return await saveArticle(db, article, { update, capture, assets });
  } catch (error) {
    const detail = String((error as Error)?.message ?? error);
    return {
      status: 'failed',
      error: { code: isQuotaError(error) ? 'storage-full' : 'storage-failed', detail },
    };
  }
}
