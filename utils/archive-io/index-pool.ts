/**
 * The archive page's index builders: Web Workers (index-worker.ts), block i to worker i mod n, so an
 * import's blocks are built in parallel with each other and with the reading of the file.
 */
// Vite bundles the worker script and its imports as a file of its own (`?worker`)
import IndexWorker from './index-worker.ts?worker';
import { BUILD_PIECE } from '../archive/search-index';
import {
  BlockCutter,
  type BlockSink,
  type IndexBlock,
  type IndexBuilder,
  type IndexInput,
} from './index-blocks';
import { recordCost } from './timing';

/** Builders to run: the cores the browser reports, at most four (each holds a block in memory). */
export function indexWorkerCount(): number {
  return Math.max(1, Math.min(4, globalThis.navigator?.hardwareConcurrency ?? 2));
}

class WorkerSink implements BlockSink {
  private readonly workers: Worker[];
  private readonly waiting = new Map<
    number,
    { resolve(parts: Uint8Array[]): void; reject(error: Error): void }
  >();

  constructor(docs: number, count: number) {
    this.workers = Array.from({ length: count }, () => {
      const worker = new IndexWorker();
      worker.onmessage = ({
        data,
      }: MessageEvent<{
        block: number;
        parts?: Uint8Array[];
        error?: string;
        indexed?: number;
        ms?: number;
      }>) => {
        if (data.ms !== undefined)
          recordCost(data.indexed === undefined ? 'index workers encode' : 'index workers build', data.ms);
        if (data.indexed !== undefined) {
          this.backlog -= data.indexed;
          this.wakeCaughtUp();
          return;
        }
        const waiting = this.waiting.get(data.block);
        this.waiting.delete(data.block);
        if (data.parts) waiting?.resolve(data.parts);
        else waiting?.reject(new Error(`index block ${data.block}: ${data.error}`));
      };
      worker.onerror = (event) => {
        for (const waiting of this.waiting.values())
          waiting.reject(new Error(`index worker: ${event.message}`));
        this.waiting.clear();
      };
      worker.postMessage({ docs });
      return worker;
    });
  }

  private backlog = 0;
  private caughtUpWaiting: Array<{ clips: number; resolve(): void }> = [];

  private wakeCaughtUp(): void {
    this.caughtUpWaiting = this.caughtUpWaiting.filter((waiting) => {
      if (this.backlog > waiting.clips) return true;
      waiting.resolve();
      return false;
    });
  }

  caughtUp(clips: number): Promise<void> {
    if (this.backlog <= clips) return Promise.resolve();
    return new Promise((resolve) => this.caughtUpWaiting.push({ clips, resolve }));
  }

  private of(block: number): Worker {
    return this.workers[block % this.workers.length]!;
  }

  add(block: number, clips: IndexInput[]): void {
    this.backlog += clips.length;
    this.of(block).postMessage({ block, clips });
  }

  end(block: number): Promise<Uint8Array[]> {
    return new Promise((resolve, reject) => {
      this.waiting.set(block, { resolve, reject });
      this.of(block).postMessage({ block, end: true });
    });
  }

  close(): void {
    this.backlog = 0;
    this.wakeCaughtUp();
    for (const worker of this.workers) worker.terminate();
  }
}

/** An IndexBuilder over one Web Worker per lane. */
export function workerIndexBuilder(
  lanes: number,
  onBlock: (block: IndexBlock) => Promise<void>,
  maxDocs = BUILD_PIECE,
): IndexBuilder {
  return new BlockCutter(lanes, new WorkerSink(BUILD_PIECE, lanes), onBlock, maxDocs);
}
