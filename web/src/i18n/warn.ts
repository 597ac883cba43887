// Warn's own message catalogues (i18n/warn/*.json), loaded with the warn screens rather than at
// sign-in. useWarnI18n() translates a warn key or, failing that, a shell key (app.retry, ...).
// warn/en.json is the reference: the type check fails if another language misses a key.
import { useMemo } from 'preact/hooks';
import { useI18n, type Lang, type MessageKey } from './index';
import en from './warn/en.json';
import uk from './warn/uk.json';
import ru from './warn/ru.json';
import pl from './warn/pl.json';
import ro from './warn/ro.json';
import ar from './warn/ar.json';

export type WarnMessages = typeof en;
export type WarnKey = keyof WarnMessages;
export type AnyKey = WarnKey | MessageKey;

const CATALOGUES: Record<Lang, WarnMessages> = { en, uk, ru, pl, ro, ar };

export type WarnTranslate = (key: AnyKey, params?: Record<string, string>) => string;

function isWarnKey(key: string): key is WarnKey {
  return key in en;
}

export function useWarnI18n(): { lang: Lang; t: WarnTranslate } {
  const { lang, t: shell } = useI18n();
  const t = useMemo<WarnTranslate>(() => {
    const messages = CATALOGUES[lang];
    return (key, params) => {
      if (!isWarnKey(key)) return shell(key, params);
      const text = messages[key] ?? en[key] ?? key;
      if (!params) return text;
      return text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
    };
  }, [lang, shell]);
  return { lang, t };
}
