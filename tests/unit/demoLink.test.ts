/**
 * The demos' fields of the share link (src/store/urlHash.ts, link.ts): nothing written while they are at
 * their defaults, each field read back as written (stop, wlayer, wmap and smap 1-based in the link), bad
 * values refused with a HashError naming the field; a link naming a folded demo opens its section; the
 * URL waits while the window plays and catches up when it pauses.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSpec, networkOf } from '../../src/core/index.ts';
import { setLanguage } from '../../src/i18n/index.ts';
import {
  DEFAULT_DENSE_UNITS,
  DEFAULT_SHRINK,
  DEFAULT_WINDOW,
  keepLinkInStep,
  MAX_DENSE_UNITS,
  openFirstLink,
  resetStore,
  setDenseUnits,
  setImage,
  setShrinkDemo,
  setWindowDemo,
  setWindowSource,
  store,
  type ShrinkDemo,
  type WindowDemo,
} from '../../src/store/index.ts';
import { decodeHash, encodeHash, HashError, type LinkFields } from '../../src/store/urlHash.ts';
import { sampleImage } from '../support/sampleImage.ts';

const base: LinkFields = {
  network: networkOf(defaultSpec()),
  sampleId: null,
  mapDisplay: 'robust',
  magnitude: false,
  language: 'en',
};
const defaults: LinkFields = {
  ...base,
  demo: null,
  window: DEFAULT_WINDOW,
  shrink: DEFAULT_SHRINK,
  denseUnits: DEFAULT_DENSE_UNITS,
};

const withWindow = (change: Partial<WindowDemo>) =>
  encodeHash({ ...defaults, window: { ...DEFAULT_WINDOW, ...change } });
const withShrink = (change: Partial<ShrinkDemo>) =>
  encodeHash({ ...defaults, shrink: { ...DEFAULT_SHRINK, ...change } });

describe('the demos in the link', () => {
  it('writes nothing of them at their defaults, nor while the window plays or at another speed', () => {
    expect(encodeHash(defaults)).toBe('lang=en');
    expect(encodeHash(base)).toBe('lang=en');
    expect(withWindow({ playing: true, speed: 16 })).toBe('lang=en');
    expect(decodeHash('lang=en')).toEqual({ language: 'en' });
  });

  it.each([
    ['demo=window', { ...defaults, demo: 'window' }, { demo: 'window' }],
    ['demo=shrink', { ...defaults, demo: 'shrink' }, { demo: 'shrink' }],
    ['demo=dense', { ...defaults, demo: 'dense' }, { demo: 'dense' }],
    ['units=500', { ...defaults, denseUnits: 500 }, { denseUnits: 500 }],
    ['units=1', { ...defaults, denseUnits: 1 }, { denseUnits: 1 }],
    [
      `units=${MAX_DENSE_UNITS}`,
      { ...defaults, denseUnits: MAX_DENSE_UNITS },
      { denseUnits: MAX_DENSE_UNITS },
    ],
  ] as const)('%s is written and read back', (part, fields, parsed) => {
    const hash = encodeHash(fields as LinkFields);
    expect(hash).toBe(`lang=en&${part}`);
    expect(decodeHash(hash)).toEqual({ language: 'en', ...parsed });
  });

  it.each([
    ['wlayer=2', { layer: 1 }],
    ['wlayer=3', { layer: 2 }],
    ['wmap=1', null],
    ['wmap=4', { map: 3 }],
    ['phase=pool', { phase: 'pool' }],
    ['stop=2', { stop: 1 }],
    ['stop=100', { stop: 99 }],
  ] as const)("the window's %s is 1-based in the link, 0-based in the state", (part, change) => {
    if (change === null) {
      // The first map is the default: a link may say so, and the state reads it as map 0.
      expect(decodeHash(part)).toEqual({ window: { map: 0 } });
      return;
    }
    const hash = withWindow(change);
    expect(hash).toBe(`lang=en&${part}`);
    expect(decodeHash(hash)).toEqual({ language: 'en', window: change });
  });

  it.each([
    ['smap=2', { map: 1 }],
    ['shift=0', { shift: 0 }],
    ['shift=4', { shift: 4 }],
    ['dir=down', { direction: 'down' }],
    ['dir=diagonal', { direction: 'diagonal' }],
    ['edge=zeros', { edge: 'zeros' }],
  ] as const)("the shrink demo's %s is written and read back", (part, change) => {
    const hash = withShrink(change);
    expect(hash).toBe(`lang=en&${part}`);
    expect(decodeHash(hash)).toEqual({ language: 'en', shrink: change });
  });

  it('every field at once reads back as written', () => {
    const fields: LinkFields = {
      ...defaults,
      demo: 'window',
      window: { layer: 1, map: 5, phase: 'pool', stop: 41, playing: false, speed: 4 },
      shrink: { map: 2, shift: 3, direction: 'diagonal', edge: 'zeros' },
      denseUnits: 2048,
    };
    const hash = encodeHash(fields);
    expect(hash).toBe(
      'lang=en&demo=window&wlayer=2&wmap=6&phase=pool&stop=42&smap=3&shift=3&dir=diagonal&edge=zeros&units=2048',
    );
    expect(decodeHash(`#${hash}`)).toEqual({
      language: 'en',
      demo: 'window',
      window: { layer: 1, map: 5, phase: 'pool', stop: 41 },
      shrink: { map: 2, shift: 3, direction: 'diagonal', edge: 'zeros' },
      denseUnits: 2048,
    });
  });

  it.each([
    ['demo=foo', 'demo'],
    ['demo=', 'demo'],
    ['demo=Window', 'demo'],
    ['stop=0', 'stop'],
    ['stop=-1', 'stop'],
    ['stop=1.5', 'stop'],
    ['stop=x', 'stop'],
    ['stop=', 'stop'],
    ['wlayer=0', 'wlayer'],
    ['wmap=0', 'wmap'],
    ['phase=relu', 'phase'],
    ['smap=0', 'smap'],
    ['shift=5', 'shift'],
    ['shift=-1', 'shift'],
    ['shift=1e0', 'shift'],
    ['dir=up', 'dir'],
    ['dir=left', 'dir'],
    ['edge=x', 'edge'],
    ['edge=reflect', 'edge'],
    ['units=0', 'units'],
    [`units=${MAX_DENSE_UNITS + 1}`, 'units'],
    ['units=0x10', 'units'],
  ])('refuses %s with a HashError naming %s', (part, field) => {
    expect(() => decodeHash(`#lang=en&${part}`)).toThrow(HashError);
    expect(() => decodeHash(`#lang=en&${part}`)).toThrow(new RegExp(`^${field}: `));
  });
});

describe('a link opening a demo', () => {
  beforeEach(() => {
    resetStore();
    setLanguage('en');
  });

  it('demo=shrink opens the folded "shrink" section and asks the demo to scroll into view', () => {
    expect(store.getState().openSections).not.toContain('shrink');
    const { problem } = openFirstLink('#demo=shrink&shift=3&dir=down');
    expect(problem).toBeNull();
    const state = store.getState();
    expect(state.openSections).toContain('shrink');
    expect(state.openSections).not.toContain('dense');
    expect(state.demo).toBe('shrink');
    expect(state.scrollTo).toBe('shrink');
    expect(state.shrink).toEqual({ ...DEFAULT_SHRINK, shift: 3, direction: 'down' });
  });

  it('demo=dense opens "dense"; demo=window (always shown) opens no fold; either keeps the folds a link names', () => {
    openFirstLink('#demo=dense&units=300&open=code');
    expect(store.getState().openSections).toEqual(expect.arrayContaining(['dense', 'code']));
    expect(store.getState().denseUnits).toBe(300);
    resetStore();
    const before = store.getState().openSections;
    openFirstLink('#demo=window&wmap=2&stop=7&phase=pool');
    expect(store.getState().openSections).toEqual(before);
    expect(store.getState().window).toEqual({ ...DEFAULT_WINDOW, map: 1, stop: 6, phase: 'pool' });
    expect(store.getState().scrollTo).toBe('window');
  });

  it('a link without demo fields puts them back to their defaults, paused', () => {
    setWindowDemo({ stop: 12, playing: true, map: 2 });
    setShrinkDemo({ shift: 4 });
    setDenseUnits(9);
    openFirstLink('#lang=en');
    const state = store.getState();
    expect([state.demo, state.scrollTo, state.window, state.shrink, state.denseUnits]).toEqual([
      null,
      null,
      DEFAULT_WINDOW,
      DEFAULT_SHRINK,
      DEFAULT_DENSE_UNITS,
    ]);
  });

  it('a bad demo field refuses the link, naming the field; the demos stay as they were', () => {
    setShrinkDemo({ shift: 2 });
    const { problem } = openFirstLink('#demo=shrink&shift=5');
    expect(problem?.params?.detail).toMatch(/^shift: /);
    expect(store.getState().shrink.shift).toBe(2);
  });
});

/** A browser's location, history and hashchange, enough for the link: replaceState sets the hash. */
const location = { hash: '' };
const replaceState = vi.fn((_data: unknown, _unused: string, url: string) => void (location.hash = url));

describe('the URL while the window plays', () => {
  let stop: () => void;

  beforeEach(() => {
    vi.stubGlobal('location', location);
    vi.stubGlobal('history', { replaceState });
    vi.stubGlobal('window', new EventTarget());
    resetStore();
    setLanguage('en');
    setImage(sampleImage());
    location.hash = '';
    stop = keepLinkInStep({ exists: () => true, load: async () => true });
    replaceState.mockClear();
  });

  afterEach(() => {
    stop();
    vi.unstubAllGlobals();
  });

  it('is not written while it plays, and written once, at the stop reached, when it pauses', () => {
    setWindowDemo({ playing: true });
    for (let s = 1; s <= 30; s++) setWindowDemo({ stop: s });
    expect(replaceState).not.toHaveBeenCalled();
    setWindowDemo({ playing: false });
    expect(replaceState).toHaveBeenCalledTimes(1);
    expect(location.hash).toMatch(/[#&]demo=window(&|$)/);
    expect(location.hash).toMatch(/&stop=31(&|$)/);
  });

  it('a step while paused is written at once; choosing another map goes back to the first stop', () => {
    setWindowDemo({ stop: 4 });
    expect(location.hash).toMatch(/&stop=5(&|$)/);
    setWindowSource({ map: 1 });
    expect(location.hash).toMatch(/&wmap=2(&|$)/);
    expect(location.hash).not.toMatch(/stop=/);
    expect(store.getState().window.playing).toBe(false);
  });

  it('the shrink and dense demos write theirs as they change', () => {
    setShrinkDemo({ edge: 'zeros' });
    expect(location.hash).toMatch(/&demo=shrink&edge=zeros$/);
    setDenseUnits(64);
    expect(location.hash).toMatch(/&demo=dense&edge=zeros&units=64$/);
    expect(replaceState).toHaveBeenCalledTimes(2);
  });
});
