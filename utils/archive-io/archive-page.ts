/**
 * Opening the archive page (manage.html) to export: everything, or a selection such as the popup's
 * current search result. A selection can be thousands of ids, too many for a URL, so it waits in
 * storage.session (memory only, extension pages only) until the page takes it.
 */
import { browser } from 'wxt/browser';

const SELECTION_KEY = 'archiveIo.exportSelection';

export type ArchivePageExport = 'all' | 'selection' | null;

export function archivePageUrl(exportWhat: ArchivePageExport = null): string {
  return browser.runtime.getURL(`/manage.html${exportWhat ? `?export=${exportWhat}` : ''}`);
}

/** Opens the archive page in a tab; with `exportIds` ([] is a valid, empty selection) it exports them. */
export async function openArchivePage(options: { exportAll?: boolean; exportIds?: readonly string[] } = {}) {
  let exportWhat: ArchivePageExport = options.exportAll ? 'all' : null;
  if (options.exportIds) {
    await browser.storage.session.set({ [SELECTION_KEY]: [...options.exportIds] });
    exportWhat = 'selection';
  }
  await browser.tabs.create({ url: archivePageUrl(exportWhat) });
}

/** What the archive page was asked to export, from its URL. */
export function requestedExport(search: string): ArchivePageExport {
  const value = new URLSearchParams(search).get('export');
  return value === 'all' || value === 'selection' ? value : null;
}

/** The selection waiting for the archive page, removed as it is taken (a reload does not export it again). */
export async function takeExportSelection(): Promise<string[] | null> {
  const stored = (await browser.storage.session.get(SELECTION_KEY))[SELECTION_KEY];
  await browser.storage.session.remove(SELECTION_KEY);
  return Array.isArray(stored) && stored.every((id) => typeof id === 'string') ? stored : null;
}
