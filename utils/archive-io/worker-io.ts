/** The export source and import target of an extension page: the service worker, through messages. */
import { ask } from '../worker-client';
import type { ExportSource } from './export';
import type { ImportTarget } from './import';

/** Clips per export page request (the worker also stops a page at about 4 M characters). */
export const EXPORT_PAGE_SIZE = 200;

export const workerExportSource: ExportSource = {
  page: (after) => ask('archive/export-page', { after, limit: EXPORT_PAGE_SIZE }),
  byIds: (ids) => ask('archive/export-ids', { ids }),
};

export const workerImportTarget: ImportTarget = {
  begin: () => ask('archive/import-begin', {}),
  chunk: async (importId, json) => void (await ask('archive/import-chunk', { importId, clips: json })),
  commit: (importId) => ask('archive/import-commit', { importId }),
  abort: async (importId) => void (await ask('archive/import-abort', { importId })),
};
