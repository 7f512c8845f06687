/**
 * An import's bulk requests (its records, its index blocks) posted by the archive page straight to
 * the service worker (Chromium): the records cross as they are, by structured clone, where a
 * runtime message would be JSON and a blob: URL would be encoded, stored by the browser, fetched
 * and parsed again. The request is the same typed envelope as a runtime message and the worker
 * routes it the same way (routeMessage: the sender checked, the payload checked against its
 * schema); the answer comes back on a MessagePort sent with it. Each post is an event of the
 * worker's, which keeps it alive as runtime messages do.
 */
import { routeMessage, type Handlers } from '../archive/message-router';
import { send, type MessageType, type Reply } from '../protocol/messages';
import type { Ask } from './worker-io';

/** The requests that may come this way. */
const POSTED_TYPES: ReadonlySet<string> = new Set<MessageType>([
  'archive/import-chunk',
  'archive/import-index',
]);

/** What the worker's `message` event brings (the worker-only DOM types are not in this build's lib). */
export interface PostedEvent {
  data: unknown;
  ports: readonly MessagePort[];
  source: { url?: string } | null;
  waitUntil(promise: Promise<unknown>): void;
}

/** Worker side: answers the requests posted by the extension's pages. */
export function answerPagePosts(
  handlers: Handlers,
  self: { id: string; origin: string },
  scope: {
    addEventListener(type: 'message', listener: (event: PostedEvent) => void): void;
  } = globalThis as never,
): void {
  scope.addEventListener('message', (event) => {
    const port = event.ports[0];
    if (!port) return;
    const type = (event.data as { type?: unknown } | null)?.type;
    // only a page of this origin can post to its worker; routeMessage checks the address again
    const reply: Promise<Reply<MessageType>> =
      typeof type === 'string' && POSTED_TYPES.has(type)
        ? routeMessage(event.data, { id: self.id, url: event.source?.url }, handlers, self)
        : Promise.resolve({ ok: false, error: `${String(type).slice(0, 60)} cannot be posted` });
    event.waitUntil(reply.then((answer) => port.postMessage(answer)));
  });
}

/** Page side: the extension's service worker, if this browser lets its pages post to it (not Firefox's background page). */
export async function postableWorker(): Promise<ServiceWorker | null> {
  try {
    return (await globalThis.navigator?.serviceWorker?.getRegistration())?.active ?? null;
  } catch {
    return null;
  }
}

/** Page side: requests posted to `worker`, answered as `ask` answers them. */
export function postingTo(worker: ServiceWorker): Ask {
  const post = (message: unknown) =>
    new Promise<unknown>((resolve, reject) => {
      const { port1, port2 } = new MessageChannel();
      const done = () => port1.close();
      port1.onmessage = (event) => (done(), resolve(event.data));
      port1.onmessageerror = () => (
        done(),
        reject(new Error('the service worker’s answer could not be read'))
      );
      // the worker stopped before it answered (Chromium closes the port with its context)
      port1.addEventListener('close', () => reject(new Error('the service worker stopped')));
      worker.postMessage(message, [port2]);
    });
  return (type, payload) => send(type, payload, { sendMessage: post });
}
