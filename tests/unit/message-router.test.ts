import { describe, expect, it, vi } from 'vitest';
import { routeMessage, type Handlers } from '@/utils/archive/message-router';

const self = { id: 'ext', origin: 'chrome-extension://ext/' };
const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html' };

function handlers(): Handlers {
  return {
    'clip/tab': vi.fn(async () => ({ status: 'failed', error: { code: 'no-article', detail: '' } }) as const),
    'clips/list': vi.fn(async () => ({ clips: [], total: 0 })),
    'clips/get': vi.fn(async () => null),
    'archive/search': vi.fn(async () => ({ total: 0, hits: [], approximate: false })),
    'archive/search-ids': vi.fn(async () => []),
    'archive/facets': vi.fn(async () => ({ sources: [], sections: [], tags: [] })),
    'archive/neighbours': vi.fn(async () => ({ previous: null, next: null, position: -1, total: 0 })),
    'clip/edit': vi.fn(async () => null),
    'clip/delete': vi.fn(async () => null),
    'clip/restore': vi.fn(async () => ({ restored: false, reason: 'exists' }) as const),
    'archive/clear': vi.fn(async () => null),
    'archive/store-counts': vi.fn(async () => ({})),
    'archive/export-page': vi.fn(async () => ({ text: '', count: 0, next: null, total: 0 })),
    'archive/export-ids': vi.fn(async () => ({ text: '', count: 0 })),
    'archive/import-begin': vi.fn(async () => 'import-1'),
    'archive/import-chunk': vi.fn(async () => []),
    'archive/import-index': vi.fn(async () => null),
    'archive/import-commit': vi.fn(async () => ({ added: 0, merged: 0, unchanged: 0 })),
    'archive/import-abort': vi.fn(async () => null),
    'archive/posted': vi.fn(async () => null),
    'sync/status': vi.fn(),
    'sync/now': vi.fn(),
    'sync/settings': vi.fn(),
    'sync/configure': vi.fn(),
    'sync/test': vi.fn(),
    'assets/get': vi.fn(async () => null),
    'clip/reextract': vi.fn(async () => null),
    'archive/asset-refs': vi.fn(async () => ({ images: [], snapshots: [] })),
    'archive/import-asset': vi.fn(async () => null),
  };
}

describe('routeMessage', () => {
  it('calls the handler for a well-formed message from an extension page', async () => {
    const h = handlers();
    const reply = await routeMessage(
      { type: 'clips/list', payload: { offset: 0, limit: 10 } },
      popup,
      h,
      self,
    );
    expect(reply).toEqual({ ok: true, value: { clips: [], total: 0 } });
    expect(h['clips/list']).toHaveBeenCalledWith({ offset: 0, limit: 10 });
  });

  it.each([
    ['a web page', { id: 'ext', url: 'https://evil.example/' }],
    ['another extension', { id: 'other', url: 'chrome-extension://other/x.html' }],
    ['an unknown sender', {}],
  ])('refuses messages from %s', async (_name, sender) => {
    const log = vi.fn();
    const h = handlers();
    const reply = await routeMessage({ type: 'clips/get', payload: { id: 'x' } }, sender, h, self, log);
    expect(reply.ok).toBe(false);
    expect(log).toHaveBeenCalledOnce();
    expect(h['clips/get']).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown type', { type: 'db/drop', payload: {} }, /unknown message type/],
    ['a prototype key as type', { type: '__proto__', payload: {} }, /unknown message type/],
    ['a missing payload', { type: 'clips/get' }, /bad clips\/get payload/],
    [
      'a wrong field type',
      { type: 'clips/list', payload: { offset: '0', limit: 10 } },
      /bad clips\/list payload/,
    ],
    ['an extra field', { type: 'clips/get', payload: { id: 'x', sql: 'drop' } }, /bad clips\/get payload/],
    ['a non-object', 'hello', /not an object/],
    [
      'a search filter that is not a date',
      {
        type: 'archive/search',
        payload: { query: '', filters: { publishedFrom: 'yesterday' }, offset: 0, limit: 10 },
      },
      /bad archive\/search payload/,
    ],
    [
      'a restore of a record that is not a clip',
      { type: 'clip/restore', payload: { clip: { id: 'x', title: '<script>' } } },
      /bad clip\/restore payload/,
    ],
  ])('rejects %s with a logged reason', async (_name, message, reason) => {
    const log = vi.fn();
    const reply = await routeMessage(message, popup, handlers(), self, log);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(reason) });
    expect(log).toHaveBeenCalledWith(expect.stringMatching(reason));
  });

  it('turns a handler exception into a refusal, not a crash', async () => {
    const h = handlers();
    h['clips/get'] = async () => {
      throw new Error('disk gone');
    };
    const reply = await routeMessage({ type: 'clips/get', payload: { id: 'x' } }, popup, h, self, () => {});
    expect(reply).toEqual({ ok: false, error: 'clips/get failed: disk gone' });
  });
});
