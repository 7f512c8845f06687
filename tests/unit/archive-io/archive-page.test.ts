import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { openArchivePage, requestedExport, takeExportSelection } from '@/utils/archive-io/archive-page';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('opening the archive page to export', () => {
  it('exports everything with ?export=all', async () => {
    const create = vi.spyOn(browser.tabs, 'create');
    await openArchivePage({ exportAll: true });
    const url = create.mock.calls[0]![0].url!;
    expect(url).toMatch(/\/manage\.html\?export=all$/);
    expect(requestedExport(new URL(url).search)).toBe('all');
  });

  it('hands a selection of ids over through storage.session, once', async () => {
    const create = vi.spyOn(browser.tabs, 'create');
    const ids = Array.from({ length: 5_000 }, (_, i) => `clip-${i}`);
    await openArchivePage({ exportIds: ids });
    expect(requestedExport(new URL(create.mock.calls[0]![0].url!).search)).toBe('selection');
    expect(await takeExportSelection()).toEqual(ids);
    expect(await takeExportSelection()).toBeNull();
  });

  it('just opens the page otherwise, and ignores unknown requests', async () => {
    const create = vi.spyOn(browser.tabs, 'create');
    await openArchivePage();
    expect(requestedExport(new URL(create.mock.calls[0]![0].url!).search)).toBeNull();
    expect(requestedExport('?export=everything')).toBeNull();
  });
});
