import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { resources } from '../i18n/resources';

export const UI_LANGUAGES = ['pt-BR', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const STORAGE_KEY = 'rockethub.language';

/** Any Portuguese browser gets pt-BR; everything else gets English. */
const toUiLanguage = (detected: string): UiLanguage => (detected.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en');

export const i18n = i18next.createInstance();

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: UI_LANGUAGES,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: STORAGE_KEY,
      convertDetectedLanguage: toUiLanguage,
      // Only an explicit choice is remembered (see setUiLanguage), so the browser language keeps applying otherwise.
      caches: [],
    },
  });

const syncDocumentLanguage = (language: string) => document.documentElement.setAttribute('lang', language);
syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);

export function currentUiLanguage(): UiLanguage {
  return toUiLanguage(i18n.resolvedLanguage ?? i18n.language);
}

export function setUiLanguage(language: UiLanguage): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
}

/** The server's locale code for the current UI language. */
export const serverLocale = (): 'pt_BR' | 'en' => (currentUiLanguage() === 'pt-BR' ? 'pt_BR' : 'en');
