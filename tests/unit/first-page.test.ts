import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { FIRST_PAGE, requestFirstPage, takeFirstPage } from '@/utils/ui/first-page';

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

  it('keeps a failure for the list to report, without an unhandled rejection', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockRejectedValue(new Error('worker gone') as never);
    requestFirstPage();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(takeFirstPage()).rejects.toThrow('worker gone');
  });
});
