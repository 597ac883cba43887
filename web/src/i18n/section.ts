// A section's own message catalogues (warn, monitor), loaded with the section's screens rather
// than at sign-in. The translator it builds looks a key up in the section's catalogue for the
// current language, then in the section's English, and hands any other key to the shell's
// catalogue (app.retry, app.loading, ...).
import { useMemo } from 'preact/hooks';
import { useI18n, type Lang, type MessageKey } from './index';

export type SectionTranslate<K extends string> = (key: K | MessageKey, params?: Record<string, string>) => string;

export function useSectionI18n<K extends string>(
  catalogues: Record<Lang, Record<K, string>>,
): { lang: Lang; t: SectionTranslate<K> } {
  const { lang, t: shell } = useI18n();
  const t = useMemo<SectionTranslate<K>>(() => {
    const messages = catalogues[lang];
    const reference = catalogues.en;
    return (key, params) => {
      if (!(key in reference)) return shell(key as MessageKey, params);
      const text = messages[key as K] ?? reference[key as K] ?? key;
      if (!params) return text;
      return text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
    };
  }, [lang, shell]);
  return { lang, t };
}
