// The shell's pages: the start page, a placeholder per capability, and "not found".
import { useEffect, type MutableRef } from 'preact/hooks';
import { useI18n } from '../i18n';
import { capabilityLabel, type Capability } from '../router';

interface ViewProps {
  headingRef: MutableRef<HTMLHeadingElement | null>;
}

export function useTitle(page: string) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${page} – ${t('app.name')}`;
  }, [page, t]);
}

export function Home({ headingRef }: ViewProps) {
  const { t } = useI18n();
  useTitle(t('home.title'));
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {t('home.title')}
      </h1>
      <p>{t('home.text')}</p>
    </>
  );
}

export function Placeholder({ headingRef, capability }: ViewProps & { capability: Capability }) {
  const { t } = useI18n();
  const name = t(capabilityLabel(capability));
  useTitle(name);
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {name}
      </h1>
      <p class="placeholder">{t('placeholder.text', { name })}</p>
      <p>{t('placeholder.detail')}</p>
    </>
  );
}

export function NotFound({ headingRef }: ViewProps) {
  const { t } = useI18n();
  useTitle(t('notFound.title'));
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {t('notFound.title')}
      </h1>
      <p>
        <a href="#/">{t('notFound.link')}</a>
      </p>
    </>
  );
}
