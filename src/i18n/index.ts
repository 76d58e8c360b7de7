/**
 * The i18n layer: `translate(language, key, params)` and the `useT()` hook over the page's language
 * (language.ts). It imports nothing from the store: the store and the components import it.
 */
import { useCallback } from 'react';
import { useLanguage } from './language.ts';
import { LANGUAGES, MESSAGES, type Language, type MessageKey } from './messages.ts';

export { browserLanguage, isLanguage, languageStore, setLanguage, useLanguage } from './language.ts';
export { LANGUAGES, type Language, type MessageKey };

export type Params = Record<string, string | number>;

export function translate(language: Language, key: MessageKey, params?: Params): string {
  const template = MESSAGES[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

export type Translate = (key: MessageKey, params?: Params) => string;

/** Translator for the current language; re-renders only when the language changes. */
export function useT(): Translate {
  const language = useLanguage();
  return useCallback((key: MessageKey, params?: Params) => translate(language, key, params), [language]);
}
