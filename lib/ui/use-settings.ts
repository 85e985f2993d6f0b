import { useEffect, useState } from 'preact/hooks';
import { getSettings, watchSettings, type Settings } from '../protocol/settings';

/** The current settings, live (changes made in any context show at once). */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void getSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  return settings;
}
