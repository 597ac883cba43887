// Warn's own message catalogues (i18n/warn/*.json), loaded with the warn screens rather than at
// sign-in. useWarnI18n() translates a warn key or, failing that, a shell key (app.retry, ...).
// warn/en.json is the reference: the type check fails if another language misses a key.
import type { Lang, MessageKey } from './index';
import { useSectionI18n, type SectionTranslate } from './section';
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

export type WarnTranslate = SectionTranslate<WarnKey>;

export function useWarnI18n(): { lang: Lang; t: WarnTranslate } {
  return useSectionI18n<WarnKey>(CATALOGUES);
}
