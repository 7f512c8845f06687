/**
 * An import's bulk requests (its records, its index blocks) posted by the archive page straight to
 * the service worker (Chromium): the records cross as they are, by structured clone, where a
 * runtime message would be JSON and a blob: URL would be encoded, stored by the browser, fetched
 * and parsed again. The request itself is the same typed envelope as a runtime message; a small
 * runtime message, `archive/posted`, then asks for its answer, and the worker routes the envelope as
 * it routes runtime messages (routeMessage: the sender checked, the payload checked against its
 * schema). The answer comes back as that message's reply, which fails as any runtime message does
 * when the worker stops (a MessagePort would wait forever: Chromium does not close it then).
 */
import { routeMessage, type Handlers } from '../archive/message-router';
import type { MessageType, ResponseOf } from '../protocol/messages';
import type { Ask } from '../protocol/worker-client';

/** The requests that may come this way. */
const POSTED_TYPES: ReadonlySet<string> = new Set<MessageType>([
  'archive/import-chunk',
  'archive/import-index',
]);

/** How long the worker waits for a posted request that a page asks about (it is posted first). */
export const POST_WAIT_MS = 30_000;

/** What the worker's `message` event brings (the worker-only DOM types are not in this build's lib). */
export interface PostedEvent {
  data: unknown;
  source: { url?: string } | null;
}

interface Posted {
  envelope: unknown;
  /** the page that posted it */
  url: string | undefined;
}

/** Worker side: the requests pages post, each kept until `archive/posted` asks for its answer. */
export class PagePosts {
  private readonly arrived = new Map<string, Posted>();
  private readonly waiting = new Map<string, (posted: Posted) => void>();

  constructor(
    private readonly self: { id: string; origin: string },
    scope: {
      addEventListener(type: 'message', listener: (event: PostedEvent) => void): void;
    } = globalThis as never,
  ) {
    scope.addEventListener('message', (event) => this.receive(event));
  }

  private receive(event: PostedEvent): void {
    const { postId, envelope } = (event.data ?? {}) as { postId?: unknown; envelope?: unknown };
    if (typeof postId !== 'string') return;
    const posted = { envelope, url: event.source?.url };
    const resolve = this.waiting.get(postId);
    if (resolve) resolve(posted);
    else {
      this.arrived.set(postId, posted);
      // a page that never asks (it was closed) does not leave its request here
      setTimeout(() => this.arrived.delete(postId), POST_WAIT_MS);
    }
  }

  private take(postId: string): Promise<Posted> {
    const posted = this.arrived.get(postId);
    this.arrived.delete(postId);
    if (posted) return Promise.resolve(posted);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(postId);
        reject(new Error('the posted request never arrived'));
      }, POST_WAIT_MS);
      this.waiting.set(postId, (arrived) => {
        clearTimeout(timer);
        this.waiting.delete(postId);
        resolve(arrived);
      });
    });
  }

  /** The answer to the request posted as `postId`, routed to `handlers` as a runtime message is. */
  async answer(postId: string, handlers: Handlers): Promise<unknown> {
    const { envelope, url } = await this.take(postId);
    const type = (envelope as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !POSTED_TYPES.has(type))
      throw new Error(`${String(type).slice(0, 60)} cannot be posted`);
    const reply = await routeMessage(envelope, { id: this.self.id, url }, handlers, this.self);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  }
}

/** Page side: the extension's service worker, if this browser lets its pages post to it (not Firefox's background page). */
export async function postableWorker(): Promise<ServiceWorker | null> {
  try {
    return (await globalThis.navigator?.serviceWorker?.getRegistration())?.active ?? null;
  } catch {
    return null;
  }
}

/** Page side: requests posted to `worker`, their answers asked for with `send`. */
export function postingTo(worker: ServiceWorker, send: Ask): Ask {
  return async <T extends MessageType>(type: T, payload: unknown) => {
    const postId = crypto.randomUUID();
    worker.postMessage({ postId, envelope: { type, payload } });
    // returned, not awaited: a suspended frame would keep `payload` (a batch's records) until the answer
    return send('archive/posted', { postId }) as Promise<ResponseOf<T>>;
  };
}
