import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ExtractResult } from '@/utils/model/article';
import { clipTab } from '@/utils/archive/clip-service';
import { listClips, getClip } from '@/utils/archive/clip-store';
import { openArchive, type JianbaoDatabase } from '@/utils/archive/db';
import { makeArticle } from './article-factory';

const TAB_URL = 'https://news.example.cn/a/202401/1001.html';
let db: JianbaoDatabase;
let extractResult: ExtractResult;
const executeScript = vi.fn(async (injection: { files?: string[] }) =>
  injection.files ? [{ result: undefined }] : [{ result: extractResult }],
);

beforeEach(async () => {
  fakeBrowser.reset();
  executeScript.mockClear();
  // fakeBrowser has no scripting API; the injected extractor's answer is what is under test here.
  (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
  db = await openArchive(new IDBFactory());
  extractResult = { ok: true, article: makeArticle() };
});
afterEach(() => vi.restoreAllMocks());

describe('clipTab', () => {
  it('saves what the extractor returns', async () => {
    const outcome = await clipTab(db, { id: 1, url: TAB_URL }, 'page', false);
    expect(outcome).toMatchObject({ status: 'saved', clip: { title: '长白山冰雪季开幕' } });
    expect(executeScript).toHaveBeenCalledTimes(2);
  });

  it.each([
    'chrome://settings',
    'view-source:https://news.example.cn/',
    'file:///home/me/a.html',
    'https://chromewebstore.google.com/detail/x',
    'https://news.example.cn/a.pdf',
  ])('refuses %s without injecting anything', async (url) => {
    const outcome = await clipTab(db, { id: 1, url }, 'page', false);
    expect(outcome.status).toBe('failed');
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('passes on the extractor’s typed error and stores nothing', async () => {
    extractResult = { ok: false, error: { code: 'no-article', detail: 'empty' } };
    expect(await clipTab(db, { id: 1, url: TAB_URL }, 'page', false)).toEqual({
      status: 'failed',
      error: { code: 'no-article', detail: 'empty' },
    });
    expect((await listClips(db, 0, 10)).total).toBe(0);
  });

  it('rejects a malformed article from the page', async () => {
    extractResult = { ok: true, article: { ...makeArticle(), title: 42 } as never };
    const outcome = await clipTab(db, { id: 1, url: TAB_URL }, 'page', false);
    expect(outcome).toMatchObject({
      status: 'failed',
      error: { code: 'internal', detail: expect.stringMatching(/malformed article/) },
    });
    expect((await listClips(db, 0, 10)).total).toBe(0);
  });

  it('keeps a canonical URL on another site from overwriting that site’s clip', async () => {
    extractResult = {
      ok: true,
      article: makeArticle({ canonicalUrl: 'https://other.example.com/their-article' }),
    };
    const outcome = await clipTab(db, { id: 1, url: TAB_URL }, 'page', false);
    expect(outcome.status).toBe('saved');
    const clip = await getClip(db, outcome.status === 'saved' ? outcome.clip.id : '');
    expect(clip?.canonicalUrl).toBe(TAB_URL);
  });

  it('reports a full disk clearly and leaves the archive as it was', async () => {
    await clipTab(db, { id: 1, url: TAB_URL }, 'page', false);
    const before = (await listClips(db, 0, 10)).clips;
    const quota = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(quota);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(quota);

    extractResult = {
      ok: true,
      article: makeArticle({
        url: 'https://news.example.cn/b.html',
        canonicalUrl: 'https://news.example.cn/b.html',
      }),
    };
    expect(await clipTab(db, { id: 2, url: 'https://news.example.cn/b.html' }, 'page', false)).toMatchObject({
      status: 'failed',
      error: { code: 'storage-full' },
    });
    extractResult = { ok: true, article: makeArticle({ textContent: '新的正文' }) };
    expect(await clipTab(db, { id: 1, url: TAB_URL }, 'page', true)).toMatchObject({
      status: 'failed',
      error: { code: 'storage-full' },
    });

    vi.restoreAllMocks();
    const after = await listClips(db, 0, 10);
    expect(after.clips).toEqual(before);
    expect((await getClip(db, before[0]!.id))?.textContent).toBe(makeArticle().textContent);
  });

  it('gives up on an extraction that never answers', async () => {
    vi.useFakeTimers();
    executeScript
      .mockImplementationOnce(async () => [{ result: undefined }])
      .mockImplementationOnce(() => new Promise(() => {}));
    const pending = clipTab(db, { id: 1, url: TAB_URL }, 'page', false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await pending).toMatchObject({ status: 'failed', error: { code: 'timeout' } });
    vi.useRealTimers();
  });
});
