/** Both languages say the same things: every message exists in each, non-empty, with the same placeholders. */
import { describe, expect, it } from 'vitest';
import { browserLanguage, translate } from '../../src/i18n/index.ts';
import { MESSAGES, type MessageKey } from '../../src/i18n/messages.ts';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

describe('messages', () => {
  const keys = Object.keys(MESSAGES.en) as MessageKey[];

  it('English and Korean have the same keys', () => {
    expect(Object.keys(MESSAGES.ko).sort()).toEqual([...keys].sort());
  });

  it.each(keys)('%s: non-empty in both, with the same placeholders', (key) => {
    expect(MESSAGES.en[key].trim()).not.toBe('');
    expect(MESSAGES.ko[key].trim()).not.toBe('');
    expect(placeholders(MESSAGES.ko[key])).toEqual(placeholders(MESSAGES.en[key]));
  });

  it('translate fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'stage.featureMap', { m: 3 })).toBe('Feature map 3');
    expect(translate('ko', 'stage.featureMap', { m: 3 })).toBe('특성 맵 3');
    expect(translate('en', 'stage.featureMap')).toBe('Feature map {m}');
  });

  it('follows the browser: Korean if any preferred language is Korean', () => {
    expect(browserLanguage(['fr-FR', 'ko-KR'])).toBe('ko');
    expect(browserLanguage(['de'])).toBe('en');
  });
});
