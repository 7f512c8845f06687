/** What every extension page does before its first render: the settings' language, `<html lang>`. */
import { applyUiLanguage } from './i18n';
import { DEFAULT_SETTINGS, loadSettings, type Settings } from './settings';

/** `early`: the settings already being read (the popup's head script starts that read). */
export async function preparePage(early?: Promise<Settings>): Promise<Settings> {
  // a page must open even when storage cannot be read: the defaults are a working UI
  const settings = await (early ?? loadSettings()).catch(() => DEFAULT_SETTINGS);
  await applyUiLanguage(settings.uiLanguage);
  return settings;
}
