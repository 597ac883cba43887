// The page frame before sign-in: skip link, a header with the product name and language, <main>.
import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n';
import { LanguageSwitcher } from './language_switcher';
import { MAIN_ID, SkipLink } from './skip_link';

export function Frame({ children }: { children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <>
      <SkipLink />
      <header class="site-header">
        <span class="brand">{t('app.name')}</span>
        <LanguageSwitcher />
      </header>
      <main id={MAIN_ID} class="main main--narrow" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
