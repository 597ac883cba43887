// Shown when the session could not be read at all (server down, network gone).
import { useEffect } from 'preact/hooks';
import { useI18n } from '../i18n';

export function Unreachable({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${t('app.unreachable.title')} – ${t('app.name')}`;
  }, [t]);
  return (
    <section class="panel">
      <h1>{t('app.unreachable.title')}</h1>
      <p role="alert" class="alert">
        {t('error.network')}
      </p>
      <button type="button" class="button" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </section>
  );
}
