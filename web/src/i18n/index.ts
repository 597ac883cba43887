// The shell's languages and message catalogues, and the page-level lang/dir they imply.
// en.json is the reference catalogue: the type check fails if another language misses a key.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import en from './en.json';
import uk from './uk.json';
import ru from './ru.json';
import pl from './pl.json';
import ro from './ro.json';
import ar from './ar.json';

export type Messages = typeof en;
export type MessageKey = keyof Messages;

export const LANGUAGES = ['en', 'uk', 'ru', 'pl', 'ro', 'ar'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** Each language's own name for itself, shown in the switcher whatever the current language. */
export const LANGUAGE_NAMES: Record<Lang, string> = {
  en: 'English',
  uk: 'Українська',
  ru: 'Русский',
  pl: 'Polski',
  ro: 'Română',
  ar: 'العربية',
};

const CATALOGUES: Record<Lang, Messages> = { en, uk, ru, pl, ro, ar };
const RTL_LANGUAGES: ReadonlySet<Lang> = new Set<Lang>(['ar']);
const STORAGE_KEY = 'vigil.lang';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(lang: Lang): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr';
}

/** The stored choice, else the browser's language when it is one of ours, else English. */
export function initialLang(): Lang {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // Storage can be disabled; fall through to the browser's language.
  }
  const primary = (navigator.language || '').toLowerCase().split('-')[0];
  return isLang(primary) ? primary : 'en';
}

/** Sets lang and dir on <html>: dir must be set in markup, lang alone does not set it. */
export function applyLang(lang: Lang): void {
  const root = document.documentElement;
  root.lang = lang;
  root.dir = directionOf(lang);
}

/** Remembers a language the user chose for the next visit. */
export function rememberLang(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembering the language is acceptable; failing to show the page is not.
  }
}

export type Translate = (key: MessageKey, params?: Record<string, string>) => string;

export function translator(lang: Lang): Translate {
  const messages = CATALOGUES[lang];
  return (key, params) => {
    const text = messages[key] ?? en[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
  };
}

/** Translates a role name from the API; an unknown role is shown as the server sent it. */
export function roleLabel(t: Translate, role: string): string {
  const key = `role.${role}`;
  return key in en ? t(key as MessageKey) : role;
}

export interface I18n {
  lang: Lang;
  t: Translate;
  setLang: (lang: Lang) => void;
}

export const I18nContext = createContext<I18n>({
  lang: 'en',
  t: translator('en'),
  setLang: () => undefined,
});

export function useI18n(): I18n {
  return useContext(I18nContext);
}
