/**
 * Import in the extension page: check the size, read and check the file (parse.ts), then hand the
 * records to the service worker in chunks it stages under one import id and commits at once.
 */
import type { Clip } from '../model/article';
import type { ImportSummary } from '../archive/clip-store';
import { checkFileSize, parseArchive, type ImportError } from './parse';

/** The service worker's side, as the page sees it (utils/protocol/worker-client in the extension). */
export interface ImportTarget {
  begin(): Promise<string>;
  /** `json`: a JSON array of records (see chunkClips) */
  chunk(importId: string, json: string): Promise<void>;
  commit(importId: string): Promise<ImportSummary>;
  abort(importId: string): Promise<void>;
}

export type ImportFailure = ImportError | { code: 'failed'; detail: string };
export type ImportOutcome = { ok: true; summary: ImportSummary } | { ok: false; error: ImportFailure };

/** Characters and records per chunk message: far below Chrome's 64 MiB message limit. */
export const CHUNK_CHARS = 4_000_000;
export const CHUNK_RECORDS = 500;

/** Records as JSON-array texts of at most CHUNK_RECORDS records and about CHUNK_CHARS characters. */
export function chunkClips(clips: readonly Clip[]): Array<{ json: string; count: number }> {
  const chunks: Array<{ json: string; count: number }> = [];
  let current: string[] = [];
  let chars = 0;
  const flush = () => {
    chunks.push({ json: `[${current.join(',')}]`, count: current.length });
    current = [];
    chars = 0;
  };
  for (const clip of clips) {
    const json = JSON.stringify(clip);
    if (current.length > 0 && (current.length >= CHUNK_RECORDS || chars + json.length > CHUNK_CHARS)) flush();
    current.push(json);
    chars += json.length;
  }
  if (current.length > 0) flush();
  return chunks;
}

export type ImportPhase = 'reading' | 'checking' | 'sending' | 'saving';

export async function importArchiveFile(
  file: Blob,
  options: {
    sanitize: (html: string) => string;
    target: ImportTarget;
    onProgress?: (phase: ImportPhase, done: number, total: number) => void;
  },
): Promise<ImportOutcome> {
  // Phase marks on the performance timeline let the benchmark split an import's time by phase.
  const progress = (phase: ImportPhase, done = 0, total = 0) => {
    if (done === 0) performance.mark(`jianbao-import:${phase}`);
    options.onProgress?.(phase, done, total);
  };
  const tooBig = checkFileSize(file.size);
  if (tooBig) return { ok: false, error: tooBig };
  progress('reading');
  const text = await file.text();
  progress('checking');
  const parsed = parseArchive(text, options.sanitize);
  if (!parsed.ok) return parsed;

  const chunks = chunkClips(parsed.clips);
  let importId: string | null = null;
  try {
    importId = await options.target.begin();
    let sent = 0;
    for (const chunk of chunks) {
      progress('sending', sent, parsed.clips.length);
      await options.target.chunk(importId, chunk.json);
      sent += chunk.count;
    }
    progress('saving', 0, parsed.clips.length);
    const summary = await options.target.commit(importId);
    performance.mark('jianbao-import:done');
    return { ok: true, summary };
  } catch (error) {
    if (importId) await options.target.abort(importId).catch(() => undefined);
    return { ok: false, error: { code: 'failed', detail: String((error as Error)?.message ?? error) } };
  }
}
