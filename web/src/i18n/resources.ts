import en from './locales/en.json';
import ptBR from './locales/pt-BR.json';

export type Messages = { [key: string]: string | Messages };

/**
 * Each feature may keep its texts in `locales/<language>/<feature>.json` (one top-level key per
 * file, by convention the feature's name); they are merged over the shared `locales/<language>.json`.
 */
const featureFiles = import.meta.glob<Messages>('./locales/*/*.json', { eager: true, import: 'default' });

function merge(into: Messages, from: Messages): Messages {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    into[key] = typeof value === 'object' && typeof existing === 'object' ? merge({ ...existing }, value) : value;
  }
  return into;
}

function messagesFor(language: string, base: Messages): Messages {
  const merged = merge({}, base);
  for (const [path, messages] of Object.entries(featureFiles)) {
    if (path.startsWith(`./locales/${language}/`)) merge(merged, messages);
  }
  return merged;
}

export const resources = {
  'pt-BR': { translation: messagesFor('pt-BR', ptBR as Messages) },
  en: { translation: messagesFor('en', en as Messages) },
};
