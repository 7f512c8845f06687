/**
 * Import in the extension page: the file is read as a stream (parse.ts checks each record as its
 * text completes and sanitizes its HTML), and the records go to the service worker in chunks while
 * the rest is still being read. The worker writes every chunk into one transaction it keeps open,
 * and answers which records were added; their search index is built here (index-blocks.ts, in Web
 * Workers in the archive page) and sent to the worker in blocks. The commit writes it all, and any
 * failure before it leaves the archive as it was.
 */
import type { ImportSummary } from '../archive/clip-store';
import { availableSpace, checkFileSize, readArchive, type ImportError, type RecordBatch } from './parse';
import { blobText } from './json-stream';
import { recordCost } from './timing';
import {
  blockDocs,
  indexInput,
  laneCount,
  localIndexBuilder,
  type ClipRuns,
  type IndexBlock,
  type IndexBuilder,
} from './index-blocks';

/** The service worker's side, as the page sees it (utils/protocol/worker-client in the extension). */
export interface ImportTarget {
  begin(): Promise<string>;
  /** a batch's records; the answer says, per record, whether the page must index it */
  chunk(importId: string, batch: Pick<RecordBatch, 'clips' | 'json'>): Promise<boolean[]>;
  /** the index of the added clips numbered in `runs`: a block's parts (see index-blocks.ts) */
  index(importId: string, runs: ClipRuns, parts: readonly Uint8Array[]): Promise<void>;
  commit(importId: string): Promise<ImportSummary>;
  abort(importId: string): Promise<void>;
  /** whether `chunk` reads `batch.json()` (absent: it may) */
  takesText?(): Promise<boolean>;
}

export type ImportFailure = ImportError | { code: 'failed'; detail: string };
export type ImportOutcome = { ok: true; summary: ImportSummary } | { ok: false; error: ImportFailure };

export type ImportPhase = 'reading' | 'checking' | 'sending' | 'saving';

/** Makes the index builder: Web Workers in the archive page, this thread where there are none. */
export type IndexBuilderFactory = (
  lanes: number,
  onBlock: (block: IndexBlock) => Promise<void>,
  /** docs per block at most */
  maxDocs: number,
) => IndexBuilder;

export interface ImportOptions {
  sanitize: (html: string) => string;
  target: ImportTarget;
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
  indexBuilder?: IndexBuilderFactory;
  /** how many builders run at once (blocks are cut so each gets a share) */
  indexWorkers?: number;
  /** bytes the browser still grants the archive (navigator.storage.estimate() when absent) */
  available?: number;
}

/** A failure of the worker or the transport, as the outcome says it. */
const failed = (error: unknown): ImportOutcome => ({
  ok: false,
  error: { code: 'failed', detail: String((error as Error)?.message ?? error) },
});

/**
 * Streams `records` (checked batches, from readArchive) into an import: chunk by chunk to the
 * worker, one chunk in flight while the next is read, the added ones to the index builder.
 * Shared by the JSON and the ZIP import.
 */
export class ImportStream {
  private importId: string | null = null;
  private previous: Promise<void> = Promise.resolve();
  private builder: IndexBuilder | null = null;
  private sent = 0;
  /** clips the worker added so far (they are numbered in this order) */
  private added = 0;

  constructor(
    private readonly options: ImportOptions,
    private readonly expected: () => number,
  ) {}

  private async start(): Promise<string> {
    const target = this.options.target;
    this.importId ??= await target.begin();
    const importId = this.importId;
    const workers = Math.max(1, this.options.indexWorkers ?? 1);
    const make = this.options.indexBuilder ?? localIndexBuilder;
    const lanes = laneCount(this.expected(), workers);
    this.builder ??= make(
      lanes,
      (block) => target.index(importId, block.runs, block.parts),
      blockDocs(this.expected(), lanes),
    );
    return importId;
  }

  /** The import's id in the worker (begun on first use). */
  id(): Promise<string> {
    return this.start();
  }

  /** Sends a batch once the one before it is written; returns when this one may be read on. */
  async send(batch: RecordBatch): Promise<void> {
    const importId = await this.start();
    let waited = performance.now();
    await this.previous;
    recordCost('page waits for the worker', performance.now() - waited);
    waited = performance.now();
    // the index builders must keep up, or the clips waiting for them would fill the memory
    await this.builder!.ready();
    recordCost('page waits for the index workers', performance.now() - waited);
    this.options.onProgress?.('sending', this.sent, this.expected());
    const builder = this.builder!;
    // only the search fields wait for the answer: the records themselves (their HTML, their JSON
    // text) can be collected once they are sent
    const inputs = batch.clips.map(indexInput);
    this.previous = this.options.target.chunk(importId, batch).then((added) => {
      if (added.length !== inputs.length) throw new Error('the worker answered for other records');
      const clips = inputs.filter((_, i) => added[i]);
      builder.add(this.added, clips);
      this.added += clips.length;
      this.sent += inputs.length;
    });
    // a failure is reported by the next send or by finish
    this.previous.catch(() => undefined);
  }

  /** Waits for the last chunk and the index, then commits. */
  async finish(): Promise<ImportSummary> {
    const importId = await this.start();
    await this.previous;
    this.options.onProgress?.('saving', 0, this.expected());
    performance.mark('jianbao-import:indexing');
    await this.builder!.finish();
    performance.mark('jianbao-import:committing');
    const summary = await this.options.target.commit(importId);
    this.builder!.close();
    return summary;
  }

  async abort(): Promise<void> {
    this.builder?.close();
    await this.previous.catch(() => undefined);
    if (this.importId) await this.options.target.abort(this.importId).catch(() => undefined);
  }
}

export async function importArchiveFile(file: Blob, options: ImportOptions): Promise<ImportOutcome> {
  // Phase marks on the performance timeline let the benchmark split an import's time by phase.
  const mark = (phase: ImportPhase | 'done') => performance.mark(`jianbao-import:${phase}`);
  const tooBig = checkFileSize(file.size, options.available ?? (await availableSpace()));
  if (tooBig) return { ok: false, error: tooBig };
  mark('reading');
  options.onProgress?.('reading', 0, 0);
  let expected = 0;
  const stream = new ImportStream(options, () => expected);
  try {
    const read = await readArchive(
      () => blobText(file),
      options.sanitize,
      (batch) => {
        if (batch.first === 0) mark('sending');
        expected = batch.count;
        return stream.send(batch);
      },
      { keepText: (await options.target.takesText?.()) ?? true },
    );
    if (!read.ok) {
      await stream.abort();
      return read;
    }
    const summary = await stream.finish();
    mark('done');
    return { ok: true, summary };
  } catch (error) {
    await stream.abort();
    return failed(error);
  }
}
