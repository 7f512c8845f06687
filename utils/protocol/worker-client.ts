/** Extension pages talk to the service worker only through this. */
import { browser } from 'wxt/browser';
import { send, type MessageType, type RequestInputOf, type ResponseOf } from './messages';

export function ask<T extends MessageType>(type: T, payload: RequestInputOf<T>): Promise<ResponseOf<T>> {
  return send(type, payload, browser.runtime);
}

/** A way to send a typed request to the worker: `ask`, or another transport with its signature. */
export type Ask = typeof ask;
