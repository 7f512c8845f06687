import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  parseSettings,
  saveSettings,
  SETTINGS_KEY,
  watchSettings,
} from '@/utils/ui/settings';
import { parseTagList } from '@/utils/ui/tags';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings', () => {
  it('an empty storage gives the defaults: save at once, the browser language', async () => {
    const settings = await loadSettings();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settings.toolbarAction).toBe('save');
    expect(settings.uiLanguage).toBe('auto');
    expect(settings.reader).toEqual({ fontSize: 18, width: 'medium', font: 'sans', theme: 'auto' });
  });

  it('a broken stored field falls back alone; the valid ones are kept', () => {
    const settings = parseSettings({
      uiLanguage: 'fr',
      toolbarAction: 'preview',
      defaultTags: 'not a list',
      reader: { fontSize: 999, theme: 'sepia' },
    });
    expect(settings.uiLanguage).toBe('auto');
    expect(settings.toolbarAction).toBe('preview');
    expect(settings.defaultTags).toEqual([]);
    expect(settings.reader.fontSize).toBe(18);
    expect(settings.reader.theme).toBe('sepia');
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('saving merges into what is stored, the reader fields one level down', async () => {
    await saveSettings({ reader: { theme: 'dark' } });
    await saveSettings({ reader: { fontSize: 22 }, defaultTags: ['要闻'] });
    const stored = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
    expect(stored).toMatchObject({ defaultTags: ['要闻'], reader: { theme: 'dark', fontSize: 22 } });
    expect((await loadSettings()).reader).toMatchObject({ theme: 'dark', fontSize: 22, font: 'sans' });
  });

  it('pages hear of a change made elsewhere', async () => {
    const seen: string[] = [];
    const stop = watchSettings((settings) => seen.push(settings.uiLanguage));
    await saveSettings({ uiLanguage: 'en' });
    stop();
    await saveSettings({ uiLanguage: 'zh_CN' });
    expect(seen).toEqual(['en']);
  });
});

describe('parseTagList', () => {
  it('splits on Latin and Chinese separators and drops repeats', () => {
    expect(parseTagList('要闻, 吉林，经济、要闻; x ；\n y')).toEqual(['要闻', '吉林', '经济', 'x', 'y']);
  });
});
