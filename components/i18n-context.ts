import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { translator, type Translate } from '@/lib/i18n/ui';

/** The UI strings of the current language; the page sets it from the settings. */
export const I18n = createContext<Translate>(translator('zh_CN'));

export const useT = (): Translate => useContext(I18n);
