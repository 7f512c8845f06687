/**
 * Opening the archive page (manage.html) to export: everything, or the popup's current search/filter
 * result. The search waits in storage.session (memory only, extension pages only) rather than in the
 * URL, so reloading the page later does not export it again; the page asks the worker for the
 * result's ids itself, so the popup (which a new tab closes) has nothing left to do.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { requestSchemas, type RequestOf } from '../protocol/messages';

const SELECTION_KEY = 'archiveIo.exportSearch';

export type ArchivePageExport = 'all' | 'search' | null;

/** a query and filters, as the worker's 'archive/search-ids' takes them */
export type ExportSearch = RequestOf<'archive/search-ids'>;

export function archivePageUrl(exportWhat: ArchivePageExport = null): string {
  return browser.runtime.getURL(`/manage.html${exportWhat ? `?export=${exportWhat}` : ''}`);
}

/** Opens the archive page in a tab; with `exportSearch` it exports that search's result. */
export async function openArchivePage(options: { exportAll?: boolean; exportSearch?: ExportSearch } = {}) {
  let exportWhat: ArchivePageExport = options.exportAll ? 'all' : null;
  if (options.exportSearch) {
    await browser.storage.session.set({ [SELECTION_KEY]: options.exportSearch });
    exportWhat = 'search';
  }
  await browser.tabs.create({ url: archivePageUrl(exportWhat) });
}

/** What the archive page was asked to export, from its URL. */
export function requestedExport(search: string): ArchivePageExport {
  const value = new URLSearchParams(search).get('export');
  return value === 'all' || value === 'search' ? value : null;
}

/** The search waiting for the archive page, removed as it is taken. */
export async function takeExportSearch(): Promise<ExportSearch | null> {
  const stored = (await browser.storage.session.get(SELECTION_KEY))[SELECTION_KEY];
  await browser.storage.session.remove(SELECTION_KEY);
  const parsed = v.safeParse(requestSchemas['archive/search-ids'], stored);
  return parsed.success ? parsed.output : null;
}
