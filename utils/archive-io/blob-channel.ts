/**
 * Bulk bytes from the service worker to an extension page. runtime messages are serialised as JSON
 * (~0.4 s for each 1.4 M-character export page in Chromium), while a Blob posted on a
 * BroadcastChannel is passed by reference and never copied through the page. BroadcastChannel is
 * same-origin, so only the extension's own pages and worker can listen. The request itself still
 * goes through the typed runtime protocol; only its bulk answer takes this way.
 */
import * as v from 'valibot';
import type { Clip } from '../model/article';
import { ClipSchema } from '../model/clip-schema';

/** One import chunk's records: 1-500. */
export const ImportRecordsSchema = v.pipe(v.array(ClipSchema), v.minLength(1), v.maxLength(500));

/** One import chunk as text: a JSON array of 1-500 clip records. */
export const ImportChunkSchema = v.pipe(
  v.string(),
  v.maxLength(32_000_000),
  v.parseJson(),
  ImportRecordsSchema,
);

/**
 * Worker side of a chunk sent as a blob: URL (page → worker, the other direction): only a URL of the
 * extension's own origin is fetched, and its records are checked like a chunk sent as text.
 */
export async function fetchImportChunk(url: string, origin: string): Promise<Clip[]> {
  const response = await fetchOwnBlob(url, origin);
  const parsed = v.safeParse(ImportChunkSchema, await response.text());
  if (!parsed.success) throw new Error(`bad chunk: ${v.summarize(parsed.issues).slice(0, 300)}`);
  return parsed.output;
}

/** A blob: URL of the extension's own pages, fetched; any other URL is refused. */
export function fetchOwnBlob(url: string, origin: string, what = 'chunk'): Promise<Response> {
  if (!origin || !url.startsWith(`blob:${origin}/`))
    throw new Error(`refused ${what} URL ${url.slice(0, 80)}`);
  return fetch(url);
}

export const BlobDeliverySchema = v.strictObject({
  channel: v.pipe(v.string(), v.regex(/^jianbao-blobs-[\w-]{1,80}$/)),
  requestId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
});
export type BlobDelivery = v.InferOutput<typeof BlobDeliverySchema>;

interface Delivered {
  requestId: string;
  blob: Blob;
}

/** Worker side: post `blob` to the page that asked. */
export function deliverBlob(to: BlobDelivery, blob: Blob): void {
  const channel = new BroadcastChannel(to.channel);
  channel.postMessage({ requestId: to.requestId, blob } satisfies Delivered);
  channel.close();
}

/** Page side: one channel per export; `expect` waits for the blob of one request. */
export class BlobReceiver {
  readonly channelName = `jianbao-blobs-${crypto.randomUUID()}`;
  private readonly channel = new BroadcastChannel(this.channelName);
  private readonly arrived = new Map<string, Blob>();
  private readonly waiting = new Map<string, (blob: Blob) => void>();
  private next = 0;

  constructor(private readonly timeoutMs = 60_000) {
    this.channel.onmessage = (event: MessageEvent<Delivered>) => {
      const { requestId, blob } = event.data ?? ({} as Delivered);
      if (typeof requestId !== 'string' || !(blob instanceof Blob)) return;
      const resolve = this.waiting.get(requestId);
      if (resolve) resolve(blob);
      else this.arrived.set(requestId, blob);
    };
  }

  /** A delivery address for one request. */
  address(): BlobDelivery {
    return { channel: this.channelName, requestId: String(++this.next) };
  }

  expect(requestId: string): Promise<Blob> {
    const early = this.arrived.get(requestId);
    if (early) {
      this.arrived.delete(requestId);
      return Promise.resolve(early);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(requestId);
        reject(new Error(`no data from the service worker for request ${requestId}`));
      }, this.timeoutMs);
      this.waiting.set(requestId, (blob) => {
        clearTimeout(timer);
        this.waiting.delete(requestId);
        resolve(blob);
      });
    });
  }

  close(): void {
    this.channel.close();
  }
}
