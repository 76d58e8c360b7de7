/**
 * The i18n layer: `translate(language, key, params)` and the `useT()` hook. Language follows the browser
 * (navigator.languages) unless the person or the link chose one.
 */
import { useCallback } from 'react';
import { useStore } from '../store/index.ts';
import { LANGUAGES, MESSAGES, type Language, type MessageKey } from './messages.ts';

export { LANGUAGES, type Language, type MessageKey };

export type Params = Record<string, string | number>;

export function translate(language: Language, key: MessageKey, params?: Params): string {
  const template = MESSAGES[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

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

export type Translate = (key: MessageKey, params?: Params) => string;

/** Translator for the current language; re-renders only when the language changes. */
export function useT(): Translate {
  const language = useStore((s) => s.language);
  return useCallback((key: MessageKey, params?: Params) => translate(language, key, params), [language]);
}
