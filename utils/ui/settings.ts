/**
 * The user's settings: one typed record in browser.storage.local under `settings`, checked with
 * valibot on every read (a hand-edited or older value falls back field by field to the defaults,
 * never to an error). Every area reads settings through this module.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';

export const SETTINGS_KEY = 'settings';

/** A field that falls back to its default when missing or invalid, keeping the other fields. */
const withDefault = <T extends v.GenericSchema>(schema: T, fallback: v.InferOutput<T>) =>
  v.fallback(v.optional(schema, fallback as never), fallback as never);

export const READER_THEMES = ['auto', 'light', 'dark', 'sepia'] as const;
export const READER_FONTS = ['sans', 'serif'] as const;
export const READER_FONT_SIZES = [15, 16, 17, 18, 20, 22, 24] as const;
export const READER_WIDTHS = ['narrow', 'medium', 'wide'] as const;

export const ReaderSettingsSchema = v.object({
  fontSize: withDefault(v.picklist(READER_FONT_SIZES), 18),
  width: withDefault(v.picklist(READER_WIDTHS), 'medium'),
  font: withDefault(v.picklist(READER_FONTS), 'sans'),
  theme: withDefault(v.picklist(READER_THEMES), 'auto'),
});

export const UI_LANGUAGES = ['auto', 'zh_CN', 'en'] as const;
export const TOOLBAR_ACTIONS = ['save', 'preview'] as const;

const READER_DEFAULTS: v.InferOutput<typeof ReaderSettingsSchema> = {
  fontSize: 18,
  width: 'medium',
  font: 'sans',
  theme: 'auto',
};

export const SettingsSchema = v.object({
  /** 'auto' follows the browser's language */
  uiLanguage: withDefault(v.picklist(UI_LANGUAGES), 'auto'),
  /** tags every new clip starts with */
  defaultTags: withDefault(
    v.pipe(v.array(v.pipe(v.string(), v.trim(), v.maxLength(100))), v.maxLength(100)),
    [],
  ),
  /** what a click on the toolbar button does: save at once, or show the page first */
  toolbarAction: withDefault(v.picklist(TOOLBAR_ACTIONS), 'save'),
  // "Keep images offline" is not here: it lives beside its host permission (archive/image-fetch.ts)
  reader: withDefault(ReaderSettingsSchema, READER_DEFAULTS),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;
export type ReaderSettings = Settings['reader'];
export type UiLanguage = Settings['uiLanguage'];

export const DEFAULT_SETTINGS: Settings = v.parse(SettingsSchema, {});

/** Any stored value (or none) as complete, valid settings. */
export function parseSettings(stored: unknown): Settings {
  const result = v.safeParse(SettingsSchema, stored && typeof stored === 'object' ? stored : {});
  return result.success ? result.output : DEFAULT_SETTINGS;
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

/** Merges a change into the stored settings (the reader's own fields merge one level down). */
export async function saveSettings(
  change: Partial<Omit<Settings, 'reader'>> & { reader?: Partial<ReaderSettings> },
) {
  const current = await loadSettings();
  const next = parseSettings({ ...current, ...change, reader: { ...current.reader, ...change.reader } });
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Calls back with the new settings whenever any page changes them. Returns the unsubscribe. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) onChange(parseSettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
