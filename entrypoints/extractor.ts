/**
 * The extractor, injected on demand into the tab being clipped (never declared for all pages).
 * Injecting the file defines `__jianbaoExtract`; the worker then calls it with its options.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractInPage, type InPageOptions } from '@/utils/extract/in-page';

declare global {
  var __jianbaoExtract: ((options: InPageOptions) => ReturnType<typeof extractInPage>) | undefined;
}

export default defineUnlistedScript(() => {
  globalThis.__jianbaoExtract = (options) => extractInPage(document, location.href, options);
});
