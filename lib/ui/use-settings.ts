import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../protocol/settings';

/**
 * The current settings, live (changes made in any context show at once). The settings module (and zod,
 * which parses them) is imported when the hook first runs, not with the page.
 */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let stop: (() => void) | undefined;
    let live = true;
    void import('../protocol/settings').then(({ getSettings, watchSettings }) => {
      if (!live) return;
      void getSettings().then((s) => live && setSettings(s));
      stop = watchSettings(setSettings);
    });
    return () => {
      live = false;
      stop?.();
    };
  }, []);
  return settings;
}
