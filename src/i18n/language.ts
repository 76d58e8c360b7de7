/**
 * The page's language, in a store of its own so that i18n depends on nothing above it: it follows the
 * browser (navigator.languages) until the person or a link chooses; the share link mirrors it.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { LANGUAGES, type Language } from './messages.ts';

/** The browser's preferred language among ours: Korean if any preferred language is Korean. */
export function browserLanguage(
  preferred: readonly string[] = globalThis.navigator?.languages ?? [],
): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ko') return 'ko';
    if (base === 'en') return 'en';
  }
  return 'en';
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export const languageStore = createStore<{ language: Language }>()(() => ({ language: browserLanguage() }));

export function setLanguage(language: Language): void {
  if (languageStore.getState().language !== language) languageStore.setState({ language });
}

/** React hook: the current language; re-renders only when it changes. */
export function useLanguage(): Language {
  return useStore(languageStore, (s) => s.language);
}
