import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import {
  FIRST_PAGE,
  firstPageNow,
  firstPageSettled,
  requestFirstPage,
  takeEarlySettings,
  takeFirstPage,
} from '@/utils/ui/first-page';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '@/utils/ui/settings';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe("the popup's early first page", () => {
  it('is asked for once, and taken once: a later refresh asks again', async () => {
    const answer = { clips: [], total: 7 };
    const sendMessage = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockResolvedValue({ ok: true, value: answer } as never);
    requestFirstPage();
    expect(sendMessage).toHaveBeenCalledWith({ type: 'clips/list', payload: FIRST_PAGE });
    await expect(takeFirstPage()).resolves.toEqual(answer);
    expect(takeFirstPage()).toBeUndefined();
  });

  it('holds the answer, once it has come, for the first render to draw at once', async () => {
    const answer = { clips: [], total: 3 };
    let reply: (value: unknown) => void = () => {};
    vi.spyOn(browser.runtime, 'sendMessage').mockReturnValue(
      new Promise((resolve) => (reply = resolve)) as never,
    );
    requestFirstPage();
    expect(firstPageNow()).toBeUndefined();
    // the first render waits no longer than it is told to for an answer not yet come
    await firstPageSettled(5);
    expect(firstPageNow()).toBeUndefined();
    reply({ ok: true, value: answer });
    await firstPageSettled(10_000);
    expect(firstPageNow()).toEqual(answer);
    // still there for the list to take; taken, it is gone from both
    await expect(takeFirstPage()).resolves.toEqual(answer);
    expect(firstPageNow()).toBeUndefined();
  });

  it('reads the settings alongside, once', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({
      ok: true,
      value: { clips: [], total: 0 },
    } as never);
    await browser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, toolbarAction: 'preview' } });
    requestFirstPage();
    await expect(takeEarlySettings()).resolves.toMatchObject({ toolbarAction: 'preview' });
    expect(takeEarlySettings()).toBeUndefined();
  });

  it('keeps a failure for the list to report, without an unhandled rejection', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockRejectedValue(new Error('worker gone') as never);
    requestFirstPage();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(takeFirstPage()).rejects.toThrow('worker gone');
  });
});
