export type ThemePreference = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'rockethub.theme';
const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

export function readThemePreference(): ThemePreference {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

function applyTheme(preference: ThemePreference): void {
  const dark = preference === 'dark' || (preference === 'system' && darkQuery().matches);
  document.documentElement.classList.toggle('dark', dark);
}

export function setThemePreference(preference: ThemePreference): void {
  if (preference === 'system') localStorage.removeItem(STORAGE_KEY);
  else localStorage.setItem(STORAGE_KEY, preference);
  applyTheme(preference);
}

/** Applies the saved preference now and follows OS changes while the preference is "system". */
export function startThemeSync(): void {
  applyTheme(readThemePreference());
  darkQuery().addEventListener('change', () => applyTheme(readThemePreference()));
}
