import { describe, expect, it } from 'vitest';
import { defaultSpec, networkOf, parseSpec } from '../../src/core/index.ts';
import { resetStore, setImage, store } from '../../src/store/index.ts';
import { decodeHash, encodeHash, HashError, linkFieldsOf } from '../../src/store/urlHash.ts';

const base = { sampleId: null, mapDisplay: 'robust' as const, magnitude: false, language: 'en' as const };

describe('share link hash', () => {
  it('accepts #spec= with URI-encoded spec JSON, as docs/spec.md fixes', () => {
    const json = { padding: 'valid', stride: [2, 2] };
    const state = decodeHash(`#spec=${encodeURIComponent(JSON.stringify(json))}`);
    expect(state.spec).toEqual(networkOf(parseSpec(json)));
  });

  it('writes only what differs from the defaults, and reads back the same state', () => {
    const spec = parseSpec({ stride: [2, 1], activation: 'relu' });
    const hash = encodeHash({
      ...base,
      network: networkOf(spec),
      mapDisplay: 'minmax',
      magnitude: true,
      language: 'ko',
      sampleId: 'camera',
    });
    expect(hash).not.toContain('weights');
    expect(hash).toContain('mag=1');
    expect(decodeHash(hash)).toEqual({
      spec: networkOf(spec),
      sampleId: 'camera',
      mapDisplay: 'minmax',
      magnitude: true,
      language: 'ko',
    });
  });

  it('leaves the default robust scale out of the link; an old link saying display=symmetric keeps the full range', () => {
    expect(encodeHash({ ...base, network: networkOf(defaultSpec()) })).not.toContain('display');
    expect(encodeHash({ ...base, network: networkOf(defaultSpec()), mapDisplay: 'symmetric' })).toBe(
      'display=symmetric&lang=en',
    );
    expect(decodeHash('#display=symmetric').mapDisplay).toBe('symmetric');
    expect(decodeHash('#display=robust').mapDisplay).toBe('robust');
    expect(decodeHash('#lang=en').mapDisplay).toBeUndefined();
  });

  it('leaves the spec out of the link when it is the default', () => {
    expect(encodeHash({ ...base, network: networkOf(defaultSpec()) })).toBe('lang=en');
  });

  it('does not name an image that came from a file (it cannot be shared)', () => {
    resetStore();
    setImage({ source: 'file', sampleId: null, name: 'me.png', width: 2, height: 2 });
    expect(linkFieldsOf(store.getState(), 'en').sampleId).toBeNull();
    expect(encodeHash(linkFieldsOf(store.getState(), 'en'))).toBe('lang=en');
    setImage({ source: 'sample', sampleId: 'camera', name: 'camera', width: 2, height: 2 });
    expect(encodeHash(linkFieldsOf(store.getState(), 'en'))).toBe('sample=camera&lang=en');
  });

  it.each([
    ['#spec=%7Bnot-json', /spec: not valid JSON/],
    ['#spec=%7B%22stride%22%3A0%7D', /stride/],
    ['#spec=%E0%A4%A', /not valid URI encoding/],
    ['#sample=..%2F..%2Fetc', /sample/],
    ['#display=rainbow', /display/],
    ['#lang=fr', /lang/],
    ['#mag=yes', /mag/],
    ['#evil=1', /unknown link field/],
  ])('refuses %s with a message naming the part', (hash, message) => {
    expect(() => decodeHash(hash)).toThrow(HashError);
    expect(() => decodeHash(hash)).toThrow(message);
  });
});
