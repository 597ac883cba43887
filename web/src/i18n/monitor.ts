// Monitor's own message catalogues (i18n/monitor/*.json), loaded with the review queue rather
// than at sign-in. monitor/en.json is the reference: the type check fails if another language
// misses a key. The other languages are first drafts awaiting review by native speakers: each
// file says so in its "_draft" entry (never shown), see web/README.md.
import type { Lang, MessageKey } from './index';
import { useSectionI18n, type SectionTranslate } from './section';
import en from './monitor/en.json';
import uk from './monitor/uk.json';
import ru from './monitor/ru.json';
import pl from './monitor/pl.json';
import ro from './monitor/ro.json';
import ar from './monitor/ar.json';

export type MonitorMessages = typeof en;
export type MonitorKey = keyof MonitorMessages;
export type AnyMonitorKey = MonitorKey | MessageKey;

const CATALOGUES: Record<Lang, MonitorMessages> = { en, uk, ru, pl, ro, ar };

export type MonitorTranslate = SectionTranslate<MonitorKey>;

export function useMonitorI18n(): { lang: Lang; t: MonitorTranslate } {
  return useSectionI18n<MonitorKey>(CATALOGUES);
}
