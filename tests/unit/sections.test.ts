import { describe, expect, it } from 'vitest';
import { defaultSpec, networkOf, parseSpec } from '../../src/core/index.ts';
import { EXAMPLES, lessonHash } from '../../src/examples/examples.ts';
import { sectionsForSpec, withSections } from '../../src/store/sections.ts';
import { decodeHash, encodeHash, HashError } from '../../src/store/urlHash.ts';

const base = { sampleId: null, mapDisplay: 'robust', magnitude: false, language: 'en' } as const;

describe('folded sections and the lesson in the link', () => {
  it('writes the open sections and the lesson step, and reads them back', () => {
    const hash = encodeHash({
      ...base,
      network: networkOf(defaultSpec()),
      openSections: ['layer', 'numbers'],
      lesson: 4,
    });
    expect(hash).toBe('lang=en&open=layer,numbers&lesson=4');
    expect(decodeHash(hash)).toEqual({ language: 'en', openSections: ['layer', 'numbers'], lesson: 4 });
    expect(encodeHash({ ...base, network: networkOf(defaultSpec()), openSections: [], lesson: null })).toBe(
      'lang=en',
    );
  });

  it('refuses an unknown section and a step outside the lesson', () => {
    expect(() => decodeHash('open=layer,secret')).toThrow(HashError);
    for (const step of ['0', String(EXAMPLES.length + 1), '1.5', '-1', 'x', '']) {
      expect(() => decodeHash(`lesson=${step}`), step).toThrow(HashError);
    }
    expect(decodeHash(`lesson=${EXAMPLES.length}`).lesson).toBe(EXAMPLES.length);
  });

  it('a spec that uses a folded feature names its section', () => {
    expect(sectionsForSpec(defaultSpec())).toEqual([]);
    expect(sectionsForSpec(parseSpec({ dilation: 2 }))).toEqual(['layer']);
    expect(sectionsForSpec(parseSpec({ padMode: 'reflect' }))).toEqual(['layer']);
    expect(sectionsForSpec(parseSpec({ activation: 'relu' }))).toEqual(['layer']);
    expect(sectionsForSpec(parseSpec({ flip: true }))).toEqual(['filter']);
    expect(sectionsForSpec(parseSpec({ filters: [{ weights: [[1]], bias: 2 }], dilation: [1, 2] }))).toEqual([
      'filter',
      'layer',
    ]);
    expect(withSections(['code', 'layer'], ['filter', 'layer'])).toEqual(['filter', 'layer', 'code']);
  });

  it('every lesson step is its example’s link plus the step', () => {
    EXAMPLES.forEach((example, i) => {
      const decoded = decodeHash(lessonHash(i + 1));
      expect(decoded.lesson).toBe(i + 1);
      expect(decoded.sampleId).toBe(example.sample);
    });
    expect(() => lessonHash(0)).toThrow(RangeError);
    expect(() => lessonHash(EXAMPLES.length + 1)).toThrow(RangeError);
  });
});
