/**
 * Language of the web app: Vietnamese first, English by a toggle kept in localStorage. `useT()` gives
 * the strings of the dictionary; `useLabels()` the domain's words (legal forms, statuses, fields). Used by the
 * staff app and the public portal alike, so nothing heavy here (zod's language is set by the staff app).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MessageKey } from './vi.ts';
import { fieldLabel, kindLabel, sectorGroupLabel, sectorLabel, statusLabel, type Lang } from './domain-labels.ts';

export type { Lang, MessageKey };

const STORAGE_KEY = 'coop.lang';

/**
 * The words an entry uses in each language: the staff app passes every dictionary, the public portal only the
 * shared core (coreVi, coreEn), so that a visitor's phone does not download the back office's words.
 */
export type Dictionaries = Record<Lang, Partial<Record<MessageKey, string>>>;

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
type I18n = { lang: Lang; setLang(lang: Lang): void; t: Translate };

const I18nContext = createContext<I18n | null>(null);

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi'; // storage blocked (private mode): Vietnamese
  }
}

/** Fills {name} placeholders. */
function interpolate(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function I18nProvider({ children, dictionaries }: { children: ReactNode; dictionaries: Dictionaries }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // the choice lasts for this visit only
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const dictionary = dictionaries[lang];
    return { lang, setLang, t: (key, params) => interpolate(dictionary[key] ?? dictionaries.vi[key] ?? key, params) };
  }, [lang, setLang, dictionaries]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}

export function useT(): Translate {
  return useI18n().t;
}

/** The domain's words in the current language. */
export function useLabels() {
  const { lang } = useI18n();
  return useMemo(
    () => ({
      kind: (kind: string) => kindLabel(kind, lang),
      status: (status: string) => statusLabel(status, lang),
      sectorGroup: (group: string) => sectorGroupLabel(group, lang),
      sector: (code: string) => sectorLabel(code, lang),
      field: (field: string) => fieldLabel(field, lang),
    }),
    [lang],
  );
}
