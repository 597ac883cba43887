// "Skip to content": the first thing a keyboard user reaches on every screen.
import { useI18n } from '../i18n';

export const MAIN_ID = 'main';

export function SkipLink() {
  const { t } = useI18n();
  // Focus <main> directly: following #main would change the hash that the router reads.
  const onClick = (event: MouseEvent) => {
    event.preventDefault();
    document.getElementById(MAIN_ID)?.focus();
  };
  return (
    <a class="skip-link" href={`#${MAIN_ID}`} onClick={onClick}>
      {t('skip')}
    </a>
  );
}
