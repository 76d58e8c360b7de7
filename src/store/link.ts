/**
 * The share link kept in step with the page. The URL hash is a value derived from the fields it holds
 * (spec, sample, display, magnitude, language, open sections, lesson step): it is encoded again only
 * when one of them changed, and written only when the text changed, so pointing at a map (the inspector
 * target, also store state) costs nothing. A link opened in a live tab is applied through `applyLink`,
 * the same check as a control's (`networkChangeProblem`): refused, it says why and the page keeps its state.
 */
import type { NetworkSpec } from '../core/index.ts';
import { languageStore } from '../i18n/index.ts';
import { DEFAULT_DENSE_UNITS, DEFAULT_SHRINK, DEFAULT_WINDOW } from './demoState.ts';
import { isSection, sectionsForNetwork, withSections, type SectionId } from './sections.ts';
import { DEFAULT_MAP_DISPLAY, type Notice } from './state.ts';
import { defaultNetwork, networkChangeProblem, raise, store } from './store.ts';
import { decodeHash, encodeHash, linkFieldsOf, type HashState, type LinkFields } from './urlHash.ts';

/** The notice for a link refused in a live tab: it says why, and that the setup on the page stays. */
export function linkKept(detail: string): Notice {
  return { key: 'error.linkKept', params: { detail } };
}

/** The notice for a link that cannot be opened on a first visit: the page shows the defaults. */
export function linkRefused(detail: string): Notice {
  return { key: 'error.link', params: { detail } };
}

function sameFields(a: LinkFields, b: LinkFields): boolean {
  return (Object.keys(a) as (keyof LinkFields)[]).every((key) => a[key] === b[key]);
}

let last: { fields: LinkFields; hash: string } | null = null;

/** The link of what the page shows now, without '#'; encoded only when a field it holds changed. */
function currentLinkHash(): string {
  const fields = linkFieldsOf(store.getState(), languageStore.getState().language);
  if (last && sameFields(fields, last.fields)) return last.hash;
  const hash = encodeHash(fields);
  last = { fields, hash };
  return hash;
}

/**
 * Applies a parsed link: a link is the whole view, so what it leaves out goes back to the defaults (the
 * language stays unless it names one; open sections stay unless it names them, and the spec opens what
 * it uses). Its spec passes the controls' check against the current image (none yet at boot: any valid
 * spec); refused, `refused` says why and nothing changes. Returns whether it was applied.
 */
function applyLink(parsed: HashState, refused: (detail: string) => Notice): boolean {
  const { network: current, image, openSections } = store.getState();
  const network = parsed.spec ?? defaultNetwork();
  const problem = networkChangeProblem(current, network, image);
  if (problem) {
    raise(refused(problem.message));
    return false;
  }
  // A demo that lives in a folded section opens it.
  const demoSection: SectionId[] = parsed.demo && isSection(parsed.demo) ? [parsed.demo] : [];
  store.setState({
    network,
    editing: 0,
    mapDisplay: parsed.mapDisplay ?? DEFAULT_MAP_DISPLAY,
    magnitude: parsed.magnitude ?? false,
    openSections: withSections(parsed.openSections ?? openSections, [
      ...sectionsForNetwork(network),
      ...demoSection,
    ]),
    lesson: parsed.lesson ?? null,
    demo: parsed.demo ?? null,
    scrollTo: parsed.demo ?? null,
    window: { ...DEFAULT_WINDOW, ...parsed.window },
    shrink: { ...DEFAULT_SHRINK, ...parsed.shrink },
    denseUnits: parsed.denseUnits ?? DEFAULT_DENSE_UNITS,
    error: null,
  });
  if (parsed.language) languageStore.setState({ language: parsed.language });
  return true;
}

/**
 * The link the page opens with: applied at once, or, malformed, the defaults stay and its problem is
 * returned, to be raised once the first image is in (loading an image clears older alerts).
 */
export function openFirstLink(hash: string): { parsed: HashState; problem: Notice | null } {
  let parsed: HashState;
  try {
    parsed = decodeHash(hash);
  } catch (error) {
    return { parsed: {}, problem: linkRefused((error as Error).message) };
  }
  applyLink(parsed, linkRefused);
  return { parsed, problem: null };
}

/** How the link reaches the built-in samples (src/image, which the store does not import). */
export interface SampleLoader {
  exists(sampleId: string): boolean;
  /** Loads the sample with the link's spec, refused (with `refused`'s notice) if it does not fit it. */
  load(
    sampleId: string,
    link: { network: NetworkSpec; refused: (detail: string) => Notice },
  ): Promise<boolean>;
}

/**
 * A link opened in a live tab: it must parse; one naming another sample loads it with its spec (checked
 * against that image as it loads); then `applyLink` checks it as any control. Returns whether it was
 * applied; refused, it says why and the page keeps its state.
 */
export async function openLinkLive(hash: string, samples: SampleLoader): Promise<boolean> {
  let parsed: HashState;
  try {
    parsed = decodeHash(hash);
  } catch (error) {
    raise(linkKept((error as Error).message));
    return false;
  }
  const sampleId = parsed.sampleId;
  if (sampleId !== undefined && sampleId !== store.getState().image?.sampleId) {
    if (!samples.exists(sampleId)) {
      raise(linkKept(`sample: there is no sample "${sampleId}"`));
      return false;
    }
    if (!(await samples.load(sampleId, { network: parsed.spec ?? defaultNetwork(), refused: linkKept })))
      return false;
  }
  return applyLink(parsed, linkKept);
}

/**
 * Keeps the URL hash in step with the page: written (history.replaceState, no new history entry) only
 * when the link's text changes; a link opened in the tab (hashchange) is opened live, after which the
 * URL says what the page shows (a refused link is written over). Returns a function that stops it.
 */
export function keepLinkInStep(samples: SampleLoader): () => void {
  let written: string | null = null;
  const write = () => {
    // A playing window moves many times a second: the link catches up when it pauses.
    if (store.getState().window.playing) return;
    const hash = currentLinkHash();
    if (hash === written) return;
    written = hash;
    history.replaceState(null, '', `#${hash}`);
  };
  const onHashChange = () => {
    if (location.hash.slice(1) === written) return;
    void openLinkLive(location.hash, samples).finally(() => {
      written = null;
      write();
    });
  };
  const stops = [store.subscribe(write), languageStore.subscribe(write)];
  window.addEventListener('hashchange', onHashChange);
  write();
  return () => {
    for (const stop of stops) stop();
    window.removeEventListener('hashchange', onHashChange);
  };
}
