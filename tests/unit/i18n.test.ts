/**
 * Both languages say the same things: every message exists in each, non-empty, with the same placeholders;
 * and every message is read somewhere in src/ (no dead keys).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** Keys the page builds from a value (`inspect.padMode.${mode}`): each such key counts as read. */
const BUILT_PREFIXES = ['inspect.padMode.', 'inspect.activation.'];

function sourcesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === join('src', 'i18n', 'messages') ? [] : sourcesOf(path);
    return /\.tsx?$/.test(entry.name) ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('every message is read', () => {
  const code = sourcesOf('src').join('\n');
  const keys = Object.keys(MESSAGES.en);

  it.each(keys)('%s appears in src/ (quoted, or under a prefix the page builds keys from)', (key) => {
    const quoted = [`'${key}'`, `"${key}"`, `\`${key}\``].some((q) => code.includes(q));
    const built = BUILT_PREFIXES.some((prefix) => key.startsWith(prefix) && code.includes(`\`${prefix}\${`));
    expect(quoted || built).toBe(true);
  });

  it('each prefix keys are built from is still used', () => {
    for (const prefix of BUILT_PREFIXES) expect(code).toContain(`\`${prefix}\${`);
  });
});
