// The language <select>. Each language is named in itself, so anyone can find their own.
import { LANGUAGE_NAMES, LANGUAGES, directionOf, isLang, useI18n } from '../i18n';

export function LanguageSwitcher() {
  const { lang, t, setLang } = useI18n();
  const onChange = (event: Event) => {
    const value = (event.currentTarget as HTMLSelectElement).value;
    if (isLang(value)) setLang(value);
  };
  return (
    <div class="language">
      <label for="language-select">{t('language')}</label>
      <select id="language-select" value={lang} onChange={onChange}>
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code} dir={directionOf(code)}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
