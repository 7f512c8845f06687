/**
 * What the user configures for sync (kept in storage.local under SYNC_SETTINGS_KEY, never exported)
 * and the rules on it. Runs in pages and in the worker.
 */
import * as v from 'valibot';

export const SYNC_SETTINGS_KEY = 'jianbaoSync';

export const SyncSettingsSchema = v.strictObject({
  enabled: v.boolean(),
  serverUrl: v.pipe(v.string(), v.maxLength(2_000)),
  database: v.pipe(v.string(), v.maxLength(238)),
  username: v.pipe(v.string(), v.maxLength(200)),
  password: v.pipe(v.string(), v.maxLength(1_000)),
  /** names this browser in `clippedBy`; empty: a name made from the device id */
  deviceName: v.pipe(v.string(), v.maxLength(100)),
});
export type SyncSettings = v.InferOutput<typeof SyncSettingsSchema>;

export const EMPTY_SYNC_SETTINGS: SyncSettings = {
  enabled: false,
  serverUrl: '',
  database: 'jianbao',
  username: '',
  password: '',
  deviceName: '',
};

/** CouchDB's rule for database names. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export type SettingsProblem = 'invalid-url' | 'insecure' | 'invalid-database';

/**
 * The server's origin, or what is wrong: only http(s) URLs, and HTTPS except on this machine
 * (credentials and clips would otherwise cross the network in clear text).
 */
export function checkSettings(
  settings: Pick<SyncSettings, 'serverUrl' | 'database'>,
): { ok: true; origin: string } | { ok: false; problem: SettingsProblem } {
  let url: URL;
  try {
    url = new URL(settings.serverUrl.trim());
  } catch {
    return { ok: false, problem: 'invalid-url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'invalid-url' };
  if (url.username || url.password || url.search || url.hash) return { ok: false, problem: 'invalid-url' };
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) return { ok: false, problem: 'insecure' };
  if (!DATABASE_NAME.test(settings.database)) return { ok: false, problem: 'invalid-database' };
  return { ok: true, origin: url.origin };
}

/** The host permission sync needs: this server's origin and nothing else. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

/** `user@device`, or the device alone without a user. */
export function clippedByOf(settings: SyncSettings, deviceId: string): string {
  const device = settings.deviceName.trim() || `browser-${deviceId.slice(0, 8)}`;
  return settings.username ? `${settings.username}@${device}` : device;
}
