/**
 * The service worker's side of the protocol: checks who is asking and what, then calls the handler
 * for that message type. Anything else is refused with a logged reason.
 */
import {
  parseEnvelope,
  type MessageType,
  type Reply,
  type RequestOf,
  type ResponseOf,
} from '../protocol/messages';

export interface SenderInfo {
  id?: string;
  url?: string;
}

export type Handlers = { [T in MessageType]: (payload: RequestOf<T>) => Promise<ResponseOf<T>> };

/** Only the extension's own pages may talk to the worker (web pages and other extensions may not). */
export function isTrustedSender(sender: SenderInfo, extensionId: string, extensionOrigin: string): boolean {
  return (
    sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin)
  );
}

export async function routeMessage(
  raw: unknown,
  sender: SenderInfo,
  handlers: Handlers,
  self: { id: string; origin: string },
  log: (reason: string) => void = console.warn,
): Promise<Reply<MessageType>> {
  if (!isTrustedSender(sender, self.id, self.origin)) {
    const reason = `refused message from ${sender.url ?? sender.id ?? 'unknown sender'}`;
    log(reason);
    return { ok: false, error: reason };
  }
  const parsed = parseEnvelope(raw);
  if (!parsed.ok) {
    log(parsed.reason);
    return { ok: false, error: parsed.reason };
  }
  const { type, payload } = parsed.envelope;
  try {
    const handler = handlers[type] as (p: typeof payload) => Promise<ResponseOf<typeof type>>;
    return { ok: true, value: await handler(payload) };
  } catch (error) {
    const reason = `${type} failed: ${String((error as Error)?.message ?? error)}`;
    log(reason);
    return { ok: false, error: reason };
  }
}
