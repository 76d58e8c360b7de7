/**
 * The share link kept in step with the store (src/store/link.ts): the hash is encoded only when a field it
 * holds changes and written only when its text changes, so pointing at maps costs nothing; a link opened
 * in the live tab passes the controls' check and, refused, leaves the last good spec and the URL saying so.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSpec, networkOf } from '../../src/core/index.ts';
import { setLanguage } from '../../src/i18n/index.ts';
import {
  editedSpec,
  keepLinkInStep,
  resetStore,
  setFilterCell,
  setImage,
  setInspect,
  setMapDisplay,
  setSectionOpen,
  store,
} from '../../src/store/index.ts';
import { encodeHash, linkFieldsOf } from '../../src/store/urlHash.ts';
import type * as UrlHash from '../../src/store/urlHash.ts';
import { sampleImage } from '../support/sampleImage.ts';

vi.mock('../../src/store/urlHash.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof UrlHash>();
  return { ...actual, encodeHash: vi.fn(actual.encodeHash) };
});

const image28 = sampleImage();
const samples = { exists: () => true, load: vi.fn(async () => true) };
const link = (spec: object) => `#spec=${encodeURIComponent(JSON.stringify(spec))}&sample=fashion-mnist-9`;

/** A browser's location, history and hashchange, enough for the link: replaceState sets the hash. */
const location = { hash: '' };
const replaceState = vi.fn((_data: unknown, _unused: string, url: string) => void (location.hash = url));
const window = new EventTarget();

describe('the share link in step with the store', () => {
  let stop: () => void;

  beforeEach(() => {
    vi.stubGlobal('location', location);
    vi.stubGlobal('history', { replaceState });
    vi.stubGlobal('window', window);
    resetStore();
    setLanguage('en');
    setImage(image28);
    location.hash = '';
    stop = keepLinkInStep(samples);
    vi.mocked(encodeHash).mockClear();
    replaceState.mockClear();
    samples.load.mockClear();
  });

  afterEach(() => {
    stop();
    vi.unstubAllGlobals();
  });

  it('pointing at maps (the inspector target) neither encodes nor writes the hash', () => {
    for (let x = 0; x < 20; x++) setInspect({ layer: 0, stage: 'features', map: 0, y: 3, x, pinned: false });
    setInspect(null);
    expect(store.getState().inspect).toBeNull();
    expect(encodeHash).not.toHaveBeenCalled();
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('an edit writes the hash once, with the edit in it', () => {
    expect(setFilterCell(0, 1, 1, 7)).toBe(true);
    expect(encodeHash).toHaveBeenCalledTimes(1);
    expect(replaceState).toHaveBeenCalledTimes(1);
    expect(decodeURIComponent(location.hash)).toContain('[-2,7,2]');
    setInspect({ layer: 0, stage: 'maxPool', map: 0, y: 1, x: 1, pinned: true });
    expect(replaceState).toHaveBeenCalledTimes(1);
  });

  it('the display and the language are written too, each once', () => {
    setMapDisplay('minmax');
    setLanguage('ko');
    expect(replaceState).toHaveBeenCalledTimes(2);
    expect(location.hash).toBe('#sample=fashion-mnist-9&display=minmax&lang=ko');
  });

  it('a live link that empties the pooling is refused: the alert, the last good spec, the URL written back', async () => {
    const before = editedSpec(store.getState());
    const shown = location.hash;
    location.hash = link({ pool: { size: 32 } });
    window.dispatchEvent(new Event('hashchange'));
    await vi.waitFor(() => expect(location.hash).toBe(shown));
    expect(store.getState().error).toMatchObject({ key: 'error.linkKept' });
    expect(String(store.getState().error?.params?.detail)).toMatch(/pooling window is larger/);
    expect(editedSpec(store.getState())).toBe(before);
  });

  it('a live link opens the sections its spec uses and keeps those open; one naming a sample loads it first', async () => {
    setSectionOpen('layer', true);
    location.hash = `#spec=${encodeURIComponent(JSON.stringify({ filters: [{ weights: [[1]], bias: 3 }] }))}`;
    window.dispatchEvent(new Event('hashchange'));
    await vi.waitFor(() => expect(store.getState().openSections).toEqual(['filter', 'layer']));
    expect(editedSpec(store.getState()).filters[0]?.bias).toBe(3);

    location.hash = '#sample=camera&lesson=2';
    window.dispatchEvent(new Event('hashchange'));
    await vi.waitFor(() => expect(store.getState().lesson).toBe(2));
    expect(samples.load).toHaveBeenCalledWith(
      'camera',
      expect.objectContaining({ network: networkOf(defaultSpec()) }),
    );
  });

  it('a live link that fits is applied and the URL then says what the page shows', async () => {
    location.hash = link({ stride: 2 });
    window.dispatchEvent(new Event('hashchange'));
    await vi.waitFor(() => expect(editedSpec(store.getState()).stride).toEqual([2, 2]));
    expect(store.getState().error).toBeNull();
    expect(samples.load).not.toHaveBeenCalled();
    await vi.waitFor(() =>
      expect(location.hash).toBe(`#${encodeHash(linkFieldsOf(store.getState(), 'en'))}`),
    );
  });
});
