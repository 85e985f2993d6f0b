import { z } from 'zod';
import { browser } from 'wxt/browser';

/** User settings, kept in browser.storage.local under one key and validated on every read. */
export const SettingsSchema = z.object({
  /** save every detected report automatically (one record per canonical URL) */
  autoSave: z.boolean().default(true),
  language: z.enum(['zh_CN', 'en']).default('zh_CN'),
  /** the least time between two request starts to one host while collecting a listing (SPEC §9), before jitter */
  collectGapMs: z.number().int().min(1000).max(60_000).default(2000),
});
export type Settings = z.infer<typeof SettingsSchema>;

/**
 * A change to some settings. Not `SettingsSchema.partial()`: zod 4 still fills in the defaults of a
 * partial schema, so a patch of one field would reset the others.
 */
export const SettingsPatchSchema = z.object({
  autoSave: z.boolean().optional(),
  language: z.enum(['zh_CN', 'en']).optional(),
  collectGapMs: z.number().int().min(1000).max(60_000).optional(),
});
export type Language = Settings['language'];

const KEY = 'settings';

/** Parses whatever is stored; a missing or damaged value falls back to the defaults field by field. */
export function parseSettings(raw: unknown): Settings {
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const out = SettingsSchema.parse({});
  const autoSave = SettingsSchema.shape.autoSave.safeParse(obj.autoSave);
  const language = SettingsSchema.shape.language.safeParse(obj.language);
  if (autoSave.success) out.autoSave = autoSave.data;
  if (language.success) out.language = language.data;
  // a number below the floor is raised to it, never taken as "as fast as possible"
  if (typeof obj.collectGapMs === 'number' && Number.isFinite(obj.collectGapMs))
    out.collectGapMs = Math.min(60_000, Math.max(1000, Math.round(obj.collectGapMs)));
  return out;
}

export async function getSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(KEY);
  return parseSettings(got[KEY]);
}

/** The language of the settings, for words built outside a page (Chinese when the settings cannot be read). */
export const settingsLanguage = (): Promise<Language> =>
  getSettings().then(
    (s) => s.language,
    () => 'zh_CN' as const,
  );

export async function setSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = parseSettings({ ...(await getSettings()), ...patch });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

/**
 * The gap before one collector request (SPEC §9): the setting plus up to half of it again at random, so a
 * run's requests do not tick like a clock; never under 1 s. 50 ms more: the gap is kept between the calls to
 * `fetch`, and a request can take a few ms longer to reach the server than the one before it did — the site
 * must see ≥ 1 s too.
 */
export function jitteredGap(gapMs: number, random: () => number = Math.random): number {
  const base = Math.max(1000, gapMs);
  return Math.round(base + GAP_MARGIN_MS + random() * base * 0.5);
}

const GAP_MARGIN_MS = 50;

/** Calls `onChange` whenever the settings change (from any context); returns the unsubscribe. */
export function watchSettings(onChange: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) onChange(parseSettings(changes[KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
