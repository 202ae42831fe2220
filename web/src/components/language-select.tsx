import { Languages } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { currentUiLanguage, setUiLanguage, UI_LANGUAGES, type UiLanguage } from '../lib/i18n';

const isUiLanguage = (value: string): value is UiLanguage => (UI_LANGUAGES as readonly string[]).includes(value);

/** A compact language picker for pages outside the dashboard (sign in, onboarding, password pages). */
export function LanguageSelect() {
  const { t } = useTranslation();
  return (
    <div className="flex items-center gap-1.5 text-sm text-muted">
      <Languages className="size-4" aria-hidden="true" />
      <select
        aria-label={t('language.label')}
        value={currentUiLanguage()}
        onChange={(event) => {
          if (isUiLanguage(event.target.value)) setUiLanguage(event.target.value);
        }}
        className="rounded-md bg-transparent py-1 pr-1 text-sm text-muted hover:text-ink focus:outline-none focus-visible:ring-2 focus-visible:ring-brand"
      >
        {UI_LANGUAGES.map((language) => (
          <option key={language} value={language}>
            {t(`language.names.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
