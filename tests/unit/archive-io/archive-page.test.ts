import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { openArchivePage, requestedExport, takeExportSearch } from '@/utils/archive-io/archive-page';

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

  it('hands a search over through storage.session, once', async () => {
    const create = vi.spyOn(browser.tabs, 'create');
    const search = { query: '长白山 冰雪季', filters: { source: '中国吉林网', publishedFrom: '2024-01-01' } };
    await openArchivePage({ exportSearch: search });
    expect(requestedExport(new URL(create.mock.calls[0]![0].url!).search)).toBe('search');
    expect(await takeExportSearch()).toEqual(search);
    expect(await takeExportSearch()).toBeNull();
  });

  it('ignores a stored search that is not one (another version, or tampered with)', async () => {
    await browser.storage.session.set({
      'archiveIo.exportSearch': { query: '冰雪', filters: { colour: 'red' } },
    });
    expect(await takeExportSearch()).toBeNull();
    await browser.storage.session.set({ 'archiveIo.exportSearch': ['id-1', 'id-2'] });
    expect(await takeExportSearch()).toBeNull();
  });

  it('just opens the page otherwise, and ignores unknown requests', async () => {
    const create = vi.spyOn(browser.tabs, 'create');
    await openArchivePage();
    expect(requestedExport(new URL(create.mock.calls[0]![0].url!).search)).toBeNull();
    expect(requestedExport('?export=everything')).toBeNull();
  });
});
